using Microsoft.EntityFrameworkCore;
using StudyBot.Data.Entities;
using StudyBot.Data.Infrastructure;

namespace StudyBot.Data.Review;

/// <summary>
/// The study loop over the database: which card is next, what an answer does, undo. Each call is
/// one unit of work on its own pooled context, so the engine is a singleton safe to call from many
/// interactions at once. Answers go through its group-commit writer (<see cref="AnswerQueue"/>),
/// which reads, grades and writes them one batch at a time on one kept connection
/// (<see cref="AnswerLanes"/>), its SQL compiled once; on a SQLite file, WAL checkpoints run in the
/// background (<see cref="WalCheckpointer"/>), not in an answer's commit. Disposing the engine
/// writes the answers still queued.
/// </summary>
public sealed partial class ReviewEngine(IDbContextFactory<StudyDbContext> contexts, FsrsSchedulers schedulers, StorageHealth storage, WalCheckpointer checkpoints, DeckRelationsCache relations, AnswerBatching batching)
{
    /// <summary>Racing writers on one card retry from the fresh state; this many tries is far beyond any real race.</summary>
    private const int MaxAttempts = 20;

    // A retry waits a random whole number of milliseconds, at least BackoffMinMilliseconds and under
    // BackoffStepMilliseconds per attempt so far, counting at most BackoffMaxSteps attempts (under 40 ms).
    private const int BackoffMinMilliseconds = 1;
    private const int BackoffStepMilliseconds = 4;
    private const int BackoffMaxSteps = 10;

    private static readonly UserSettings _defaults = new();

    // The compiled queries are per engine, not static: a compiled query is bound to one model, and
    // the SQLite and PostgreSQL models differ (a process with both, such as the tests, has two engines).
    private readonly Func<StudyDbContext, ulong, Task<UserSettings?>> _settings =
        EF.CompileAsyncQuery((StudyDbContext db, ulong userId) => db.UserSettings.FirstOrDefault(s => s.UserId == userId));

    private readonly Func<StudyDbContext, string, Task<ReviewLogEntry?>> _byInteraction =
        EF.CompileAsyncQuery((StudyDbContext db, string interactionId) => db.ReviewLog.FirstOrDefault(l => l.InteractionId == interactionId));

    private async Task<StudyDbContext> OpenAsync(CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One open per unit of work: the connection pragmas run once, not per command.
        await db.Database.OpenConnectionAsync(cancellationToken);
        return db;
    }

    private async Task<ReviewLogEntry?> FindByInteractionAsync(string interactionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await _byInteraction(db, interactionId);
    }

    /// <summary>A write that lost a race (concurrency token, unique key, or a busy or locked database) and may be retried.</summary>
    private static bool IsRetryable(Exception exception) =>
        exception is DbUpdateException || DatabaseErrors.IsBusy(exception);

    /// <summary>Spreads racing retries apart so they do not collide again in lockstep.</summary>
    private static Task BackoffAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(BackoffMinMilliseconds, BackoffStepMilliseconds * Math.Min(attempt, BackoffMaxSteps))), cancellationToken);
}
