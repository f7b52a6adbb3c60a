using Microsoft.EntityFrameworkCore;
using StudyBot.Data.Entities;

namespace StudyBot.Data.Review;

public sealed partial class ReviewEngine
{
    /// <summary>
    /// Undoes the user's most recent answer that is not undone yet (of any card). Idempotent on the
    /// interaction id. Returns null when there is nothing to undo.
    /// </summary>
    public async Task<UndoResult?> UndoAsync(ulong userId, string interactionId, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(interactionId);
        if (await FindByInteractionAsync(interactionId, cancellationToken) is { } saved)
        {
            return UndoResultFromLog(saved, userId, duplicate: true);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var last = await db.ReviewLog
            .Where(l => l.UserId == userId && l.Kind == ReviewKind.Answer && !db.ReviewLog.Any(u => u.UndoesId == l.Id))
            .OrderByDescending(l => l.Id)
            .Select(l => (long?)l.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return last is { } logId ? await UndoAsync(userId, logId, interactionId, nowUtc, cancellationToken) : null;
    }

    /// <summary>
    /// Undoes the answer logged as <paramref name="logId"/> (the one the student clicked Undo under):
    /// the card gets back exactly the state it had before, and the undo is itself logged. Idempotent
    /// on the interaction id. Only the card's latest answer that is not undone can be undone; an
    /// undo that is stale (the card was answered since, or the answer was undone already) or names
    /// another student's answer is refused with a <see cref="StoreRefusedException"/> saying why.
    /// </summary>
    public async Task<UndoResult> UndoAsync(ulong userId, long logId, string interactionId, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(interactionId);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await FindByInteractionAsync(interactionId, cancellationToken) is { } saved)
                {
                    return UndoResultFromLog(saved, userId, duplicate: true);
                }
                return await TryUndoAsync(userId, logId, interactionId, nowUtc, cancellationToken);
            }
            catch (Exception exception) when (IsRetryable(exception) && attempt < MaxAttempts)
            {
                await BackoffAsync(attempt, cancellationToken);
            }
        }
    }

    private async Task<UndoResult> TryUndoAsync(ulong userId, long logId, string interactionId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        var answer = await db.ReviewLog.FirstOrDefaultAsync(l => l.Id == logId && l.UserId == userId && l.Kind == ReviewKind.Answer, cancellationToken)
            ?? throw new StoreRefusedException("There is no such answer of yours to undo.");
        if (await db.ReviewLog.AnyAsync(u => u.UndoesId == logId, cancellationToken))
        {
            throw new StoreRefusedException("That answer was already undone.");
        }
        var latest = await db.ReviewLog
            .Where(l => l.UserId == userId && l.CardId == answer.CardId && l.Kind == ReviewKind.Answer && !db.ReviewLog.Any(u => u.UndoesId == l.Id))
            .OrderByDescending(l => l.Id)
            .Select(l => l.Id)
            .FirstAsync(cancellationToken);
        if (latest != logId)
        {
            throw new StoreRefusedException("You have answered this card again since, so this answer can no longer be undone: only a card's latest answer can.");
        }
        var state = await db.CardStates.AsTracking().SingleAsync(s => s.UserId == userId && s.CardId == answer.CardId, cancellationToken);
        var undo = new ReviewLogEntry
        {
            UserId = userId,
            CardId = answer.CardId,
            Kind = ReviewKind.Undo,
            Source = answer.Source,
            InteractionId = interactionId,
            ReviewedUtc = nowUtc,
            DesiredRetention = answer.DesiredRetention,
            FsrsFitId = answer.FsrsFitId,
            UndoesId = answer.Id,
            Before = state.Memory with { },
            After = answer.Before with { },
        };
        state.Memory = answer.Before with { };
        state.Version++;
        db.ReviewLog.Add(undo);
        await db.SaveChangesAsync(cancellationToken);
        return new UndoResult(undo.Id, answer.Id, answer.CardId, undo.After.ToFsrs(), Duplicate: false);
    }

    // A key saved by another user is never theirs to see: the same refusal as an answer that is not theirs.
    private static UndoResult UndoResultFromLog(ReviewLogEntry entry, ulong userId, bool duplicate) =>
        entry.UserId != userId ? throw new StoreRefusedException("There is no such answer of yours to undo.")
        : entry.UndoesId is { } undone
            ? new UndoResult(entry.Id, undone, entry.CardId, entry.After.ToFsrs(), duplicate)
            : throw new StoreRefusedException($"Interaction {entry.InteractionId} was an answer, not an undo.");
}
