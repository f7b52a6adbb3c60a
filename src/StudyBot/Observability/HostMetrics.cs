using System.Diagnostics.Metrics;

namespace StudyBot.Observability;

/// <summary>The host's own instruments (meter <see cref="MeterName"/>): scheduled work.</summary>
public static class HostMetrics
{
    public const string MeterName = "StudyBot";

    private static readonly Meter _meter = new(MeterName);

    private static readonly Counter<long> _reminders = _meter.CreateCounter<long>(
        "studybot.reminders", "{reminder}", "Reminder runs, by outcome (sent, nothing_due, dms_closed, failed).");

    private static readonly Counter<long> _misfires = _meter.CreateCounter<long>(
        "studybot.quartz.misfires", "{misfire}", "Quartz triggers that missed their time (the bot was down or busy), by job group.");

    private static readonly Counter<long> _backups = _meter.CreateCounter<long>(
        "studybot.backups", "{backup}", "Scheduled database backups, by outcome (written, failed).");

    private static readonly Counter<long> _refusedPosts = _meter.CreateCounter<long>(
        "studybot.channel_posts_refused", "{post}", "Posts Discord refused for missing channel permissions (403, code 50013), by feature (quiz, daily, reminder).");

    private static readonly Counter<long> _dailyPosts = _meter.CreateCounter<long>(
        "studybot.daily.posts", "{post}", "Question of the day runs, by outcome (posted, paused (permissions), channel_gone, no_card, failed).");

    private static readonly Counter<long> _quizSessions = _meter.CreateCounter<long>(
        "studybot.quiz.sessions", "{session}", "Channel quiz sessions started (their first question posted).");

    private static readonly Histogram<double> _questionCloses = _meter.CreateHistogram<double>(
        "studybot.quiz.close.lateness", "s", "Questions closed with their results, by kind (quiz, daily): how long after the question's deadline the close ran.");

    private static readonly Counter<long> _skipped = _meter.CreateCounter<long>(
        "studybot.quiz.questions_skipped", "{question}", "Quiz questions never posted (the session was stopped, its channel gone or refused, or their time passed while the bot was down).");

    private static readonly Counter<long> _jobRuns = _meter.CreateCounter<long>(
        "studybot.quartz.job_runs", "{run}", "Quartz job runs, by job group and outcome (ok, failed: the job threw).");

    private static readonly Histogram<double> _jobDurations = _meter.CreateHistogram<double>(
        "studybot.quartz.job_duration", "s", "How long each Quartz job run took, by job group.");

    private static long _lastBackupUnixSeconds;

    static HostMetrics()
    {
        _meter.CreateObservableGauge(
            "studybot.build_info", () => new Measurement<int>(1, new KeyValuePair<string, object?>("version", Hosting.BuildInfo.Version), new KeyValuePair<string, object?>("commit", Hosting.BuildInfo.Commit)),
            null, "Always 1; the labels name the running build's version and commit.");
        _meter.CreateObservableGauge(
            "studybot.last_backup_timestamp", LastBackup, "s", "When the newest scheduled backup was written (Unix time); absent until one is known.");
    }

    private static IEnumerable<Measurement<long>> LastBackup()
    {
        var last = Interlocked.Read(ref _lastBackupUnixSeconds);
        return last > 0 ? [new Measurement<long>(last)] : [];
    }

    /// <summary>When the newest backup known was written; null until one is.</summary>
    public static DateTimeOffset? LastBackupUtc => Interlocked.Read(ref _lastBackupUnixSeconds) is var s and > 0 ? DateTimeOffset.FromUnixTimeSeconds(s) : null;

    /// <summary>A backup written (or found at start) at <paramref name="writtenUtc"/>: the gauge moves forward only.</summary>
    public static void BackupWritten(DateTimeOffset writtenUtc)
    {
        var seconds = writtenUtc.ToUnixTimeSeconds();
        for (var seen = Interlocked.Read(ref _lastBackupUnixSeconds); seconds > seen; seen = Interlocked.Read(ref _lastBackupUnixSeconds))
        {
            if (Interlocked.CompareExchange(ref _lastBackupUnixSeconds, seconds, seen) == seen)
            {
                return;
            }
        }
    }

    public static void QuizSessionStarted() => _quizSessions.Add(1);

    public static void QuestionClosed(bool daily, TimeSpan lateness) =>
        _questionCloses.Record(Math.Max(0, lateness.TotalSeconds), new KeyValuePair<string, object?>("kind", daily ? "daily" : "quiz"));

    public static void QuestionsSkipped(int count)
    {
        if (count > 0)
        {
            _skipped.Add(count);
        }
    }

    public static void JobRun(string jobGroup, bool failed, TimeSpan duration)
    {
        var group = new KeyValuePair<string, object?>("job_group", jobGroup);
        _jobRuns.Add(1, group, new KeyValuePair<string, object?>("outcome", failed ? "failed" : "ok"));
        _jobDurations.Record(duration.TotalSeconds, group);
    }

    public static void RefusedPost(string feature) => _refusedPosts.Add(1, new KeyValuePair<string, object?>("feature", feature));

    public static void DailyPost(string outcome) => _dailyPosts.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public static void Reminder(string outcome) => _reminders.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public static void Misfire(string jobGroup) => _misfires.Add(1, new KeyValuePair<string, object?>("job_group", jobGroup));

    public static void Backup(string outcome) => _backups.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
