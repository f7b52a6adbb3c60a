using Microsoft.EntityFrameworkCore;
using StudyBot.Data.Entities;

namespace StudyBot.Data.Review;

public sealed partial class ReviewEngine
{
    /// <summary>
    /// Undoes the user's most recent answer that is not undone yet: the card gets back exactly the
    /// state it had before, and the undo is itself logged. Idempotent on the interaction id.
    /// Returns null when there is nothing to undo.
    /// </summary>
    public async Task<UndoResult?> UndoAsync(ulong userId, string interactionId, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(interactionId);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await FindByInteractionAsync(interactionId, cancellationToken) is { } saved)
                {
                    return UndoResultFromLog(saved, duplicate: true);
                }
                return await TryUndoAsync(userId, interactionId, nowUtc, cancellationToken);
            }
            catch (Exception exception) when (IsRetryable(exception) && attempt < MaxAttempts)
            {
                await BackoffAsync(attempt, cancellationToken);
            }
        }
    }

    private async Task<UndoResult?> TryUndoAsync(ulong userId, string interactionId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        var last = await db.ReviewLog
            .Where(l => l.UserId == userId && l.Kind == ReviewKind.Answer && !db.ReviewLog.Any(u => u.UndoesId == l.Id))
            .OrderByDescending(l => l.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (last is null)
        {
            return null;
        }
        var state = await db.CardStates.AsTracking().SingleAsync(s => s.UserId == userId && s.CardId == last.CardId, cancellationToken);
        var undo = new ReviewLogEntry
        {
            UserId = userId,
            CardId = last.CardId,
            Kind = ReviewKind.Undo,
            Source = last.Source,
            InteractionId = interactionId,
            ReviewedUtc = nowUtc,
            DesiredRetention = last.DesiredRetention,
            FsrsFitId = last.FsrsFitId,
            UndoesId = last.Id,
            Before = state.Memory with { },
            After = last.Before with { },
        };
        state.Memory = last.Before with { };
        state.Version++;
        db.ReviewLog.Add(undo);
        await db.SaveChangesAsync(cancellationToken);
        return new UndoResult(undo.Id, last.Id, last.CardId, undo.After.ToFsrs(), Duplicate: false);
    }

    private static UndoResult UndoResultFromLog(ReviewLogEntry entry, bool duplicate) =>
        entry.UndoesId is { } undone
            ? new UndoResult(entry.Id, undone, entry.CardId, entry.After.ToFsrs(), duplicate)
            : throw new StudyException($"Interaction {entry.InteractionId} was an answer, not an undo.");
}
