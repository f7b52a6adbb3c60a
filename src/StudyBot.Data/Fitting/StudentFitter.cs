using System.Globalization;
using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Scheduling.Optimization;
using StudyBot.Core.Scheduling.Replay;
using StudyBot.Data.Entities;
using StudyBot.Data.Review;

namespace StudyBot.Data.Fitting;

/// <summary>What fitting one student did.</summary>
public enum FitStatus
{
    /// <summary>The fit predicts the student's log better than the weights in force: it schedules them from now on.</summary>
    Adopted,
    /// <summary>The fit predicts no better: recorded, and the weights in force (the defaults, or an earlier fit) stay.</summary>
    KeptCurrent,
    /// <summary>Too little history to fit (no card reviewed again on a later day, or too few of them); nothing recorded.</summary>
    NotEnoughData,
}

/// <param name="Reviews">Answers in the student's log.</param>
public sealed record FitOutcome(ulong UserId, FitStatus Status, int Reviews, double? LogLossBefore, double? LogLossAfter, long? FitId, string? Reason = null);

/// <summary>
/// Fits a student's FSRS-6 weights to their own review log (every answer not undone, days in UTC)
/// and adopts them only when they predict that log better than the weights in force.
/// </summary>
public sealed class StudentFitter(IDbContextFactory<StudyDbContext> contexts)
{
    /// <summary>A student is fitted again once this many answers have accumulated since their last fit.</summary>
    public const int ReviewsPerFit = 400;

    /// <summary>The fit itself; replaceable so a test can hand back weights that predict worse.</summary>
    internal Func<IReadOnlyList<FsrsItem>, double[]> Fit { get; init; } = items => FsrsOptimizer.Fit(items);

    /// <summary>Students with at least <paramref name="minimumReviews"/> answers (not undone) after their last fit.</summary>
    public async Task<IReadOnlyList<ulong>> DueStudentsAsync(int minimumReviews = ReviewsPerFit, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ReviewLog
            .Where(l => l.Kind == ReviewKind.Answer
                && !db.ReviewLog.Any(u => u.UndoesId == l.Id)
                && !db.FsrsFits.Any(f => f.UserId == l.UserId && f.FittedUtc >= l.ReviewedUtc))
            .GroupBy(l => l.UserId)
            .Where(g => g.Count() >= minimumReviews)
            .Select(g => g.Key)
            .OrderBy(u => u)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Fits one student now and records the fit (adopted or not).</summary>
    public async Task<FitOutcome> FitAsync(ulong userId, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var answers = await db.ReviewLog
            .Where(l => l.UserId == userId && l.Kind == ReviewKind.Answer && l.Rating != null && !db.ReviewLog.Any(u => u.UndoesId == l.Id))
            .OrderBy(l => l.ReviewedUtc).ThenBy(l => l.Id)
            .Select(l => new { l.CardId, Rating = l.Rating!.Value, l.ReviewedUtc })
            .ToListAsync(cancellationToken);
        var histories = answers
            .GroupBy(a => a.CardId)
            .Select(g => new ReviewHistory(g.Key.ToString(CultureInfo.InvariantCulture), [.. g.Select(a => new ReviewEntry(a.Rating, a.ReviewedUtc))]))
            .ToList();
        var items = FsrsItems.FromHistories(histories);
        var settings = await db.UserSettings.FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        var current = settings?.FsrsWeights is { } json ? FsrsSchedulers.ParseWeights(json) : [.. FsrsWeights.Defaults];
        FsrsFitComparison comparison;
        try
        {
            comparison = FsrsFitComparison.Run(items, current, Fit);
        }
        catch (NotEnoughDataException ex)
        {
            return new FitOutcome(userId, FitStatus.NotEnoughData, answers.Count, null, null, null, ex.Message);
        }
        var (fitted, before, after) = comparison;
        var adopted = comparison.Better;
        var fit = new FsrsFit
        {
            UserId = userId,
            FittedUtc = nowUtc,
            Reviews = answers.Count,
            LogLossBefore = before,
            LogLossAfter = after,
            Weights = FsrsSchedulers.FormatWeights(fitted),
            Adopted = adopted,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.FsrsFits.Add(fit);
        await db.SaveChangesAsync(cancellationToken);
        if (adopted)
        {
            if (settings is null)
            {
                db.UserSettings.Add(new UserSettings { UserId = userId, FsrsFitId = fit.Id, FsrsWeights = fit.Weights });
                await db.SaveChangesAsync(cancellationToken);
            }
            else
            {
                // Only the two schedule columns: the student may be changing other settings right now.
                await db.UserSettings.Where(s => s.UserId == userId).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.FsrsFitId, fit.Id)
                    .SetProperty(x => x.FsrsWeights, fit.Weights), cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return new FitOutcome(userId, adopted ? FitStatus.Adopted : FitStatus.KeptCurrent, answers.Count, before, after, fit.Id);
    }

    /// <summary>The student's latest fit, adopted or not.</summary>
    public async Task<FsrsFit?> LatestAsync(ulong userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.FsrsFits.Where(f => f.UserId == userId).OrderByDescending(f => f.FittedUtc).ThenByDescending(f => f.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
