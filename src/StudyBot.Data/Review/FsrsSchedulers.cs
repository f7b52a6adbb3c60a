using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using StudyBot.Core.Scheduling;
using StudyBot.Data.Entities;

namespace StudyBot.Data.Review;

/// <summary>
/// One scheduler per distinct settings (desired retention and the student's fitted weights, by fit
/// id), built once: building validates the parameters.
/// </summary>
public sealed class FsrsSchedulers
{
    private readonly ConcurrentDictionary<(double Retention, long? FitId), FsrsScheduler> _schedulers = new();

    /// <summary>The scheduler with the default weights.</summary>
    public FsrsScheduler For(double desiredRetention) => For(desiredRetention, null, null);

    /// <summary>The scheduler a student's settings call for: their retention and their adopted weights, if any.</summary>
    public FsrsScheduler For(UserSettings settings) => For(settings.DesiredRetention, settings.FsrsFitId, settings.FsrsWeights);

    /// <summary>The scheduler for a retention and a fit's weights (JSON array); a fit's weights never change, so its id keys the cache.</summary>
    public FsrsScheduler For(double desiredRetention, long? fitId, string? weights) =>
        _schedulers.GetOrAdd((desiredRetention, fitId is not null && weights is not null ? fitId : null), key => new FsrsScheduler(new FsrsParameters
        {
            DesiredRetention = key.Retention,
            Weights = key.FitId is null ? [] : ParseWeights(weights!),
        }));

    /// <summary>
    /// How the logged answer <paramref name="entry"/> was scheduled: the retention and fit it recorded
    /// (<paramref name="weights"/> are that fit's), and the exam it was aimed at, if any, by the version of
    /// the exam rule it recorded (none recorded: rule 1, the only one before the log kept it).
    /// </summary>
    public Core.Study.AnswerScheduling ForEntry(Entities.ReviewLogEntry entry, string? weights)
        => Core.Scheduling.Exam.ExamScheduleAdjustment.For(For(entry.DesiredRetention, entry.FsrsFitId, weights), entry.ExamUtc, entry.ExamTarget, entry.ExamRule ?? Core.Scheduling.Exam.ExamRule.V1.Version);

    /// <summary>A JSON array of numbers, as a fit stores its weights.</summary>
    public static double[] ParseWeights(string json) => JsonSerializer.Deserialize<double[]>(json) ?? [];

    public static string FormatWeights(IEnumerable<double> weights) =>
        "[" + string.Join(",", weights.Select(w => w.ToString("R", CultureInfo.InvariantCulture))) + "]";
}
