using Microsoft.Extensions.Logging;
using StudyBot.Data.Fitting;
using StudyBot.Features.Shared;
using StudyBot.Hosting;

namespace StudyBot.Features.Settings;

/// <summary>Fits students' FSRS-6 weights to their own review logs: weekly for everyone due, or now for one student.</summary>
public sealed class ScheduleFitService(StudentFitter fitter, StudentDefaults defaults, StudyClock clock, ILogger<ScheduleFitService> logger)
{
    /// <summary>Fits every student with at least <see cref="StudentFitter.ReviewsPerFit"/> answers since their last fit.</summary>
    public async Task<IReadOnlyList<FitOutcome>> FitDueStudentsAsync(CancellationToken cancellationToken)
    {
        var outcomes = new List<FitOutcome>();
        foreach (var userId in await fitter.DueStudentsAsync(StudentFitter.ReviewsPerFit, cancellationToken))
        {
            outcomes.Add(await FitAsync(userId, cancellationToken));
        }
        logger.LogInformation("Weekly FSRS fit: {Fitted} students fitted, {Adopted} adopted personal weights",
            outcomes.Count, outcomes.Count(o => o.Status == FitStatus.Adopted));
        return outcomes;
    }

    /// <summary>Fits one student now, whatever the number of answers since their last fit.</summary>
    public async Task<FitOutcome> FitAsync(ulong userId, CancellationToken cancellationToken)
    {
        // The settings row carries the adopted weights: give a new student the configured defaults first.
        await defaults.EnsureAsync(userId, cancellationToken);
        var outcome = await fitter.FitAsync(userId, clock.UtcNow, cancellationToken);
        logger.LogInformation("FSRS fit for {UserId}: {Status} on {Reviews} answers, log loss {Before} -> {After}",
            userId, outcome.Status, outcome.Reviews, outcome.LogLossBefore, outcome.LogLossAfter);
        return outcome;
    }
}
