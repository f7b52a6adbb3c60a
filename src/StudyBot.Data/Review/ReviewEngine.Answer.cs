using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Answers;
using StudyBot.Data.Entities;

namespace StudyBot.Data.Review;

public sealed partial class ReviewEngine
{
    private sealed record AnswerContext(CardRecord Card, UserCardState? State, UserSettings? Settings);

    private static readonly Func<StudyDbContext, int, ulong, Task<AnswerContext?>> _answerContext =
        EF.CompileAsyncQuery((StudyDbContext db, int cardId, ulong userId) =>
            (from card in db.Cards
             where card.Id == cardId
             from state in db.CardStates.Where(s => s.UserId == userId && s.CardId == card.Id).DefaultIfEmpty()
             from settings in db.UserSettings.Where(s => s.UserId == userId).DefaultIfEmpty()
             select new AnswerContext(card, state, settings)).FirstOrDefault());

    /// <summary>
    /// Grades an answer, schedules the card and records both in one transaction. The interaction id
    /// makes it idempotent: a repeat returns the first result. Answers racing on one card are applied
    /// one after the other, each to the state the other left.
    /// </summary>
    public async Task<AnswerResult> AnswerAsync(
        ulong userId,
        int cardId,
        StudentAnswer answer,
        string interactionId,
        TimeSpan responseTime,
        ReviewSource source,
        DateTime nowUtc,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(interactionId);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryAnswerAsync(userId, cardId, answer, interactionId, responseTime, source, nowUtc, cancellationToken);
            }
            catch (Exception exception) when (IsRetryable(exception))
            {
                // A unique-key failure on the interaction id means this answer is already saved.
                if (await FindByInteractionAsync(interactionId, cancellationToken) is { } saved)
                {
                    return AnswerResult.FromLog(saved, duplicate: true);
                }
                if (attempt >= MaxAttempts)
                {
                    throw new StudyException($"Could not save the answer to card {cardId} after {attempt} attempts; please answer again.");
                }
                await BackoffAsync(attempt, cancellationToken);
            }
        }
    }

    private async Task<AnswerResult> TryAnswerAsync(
        ulong userId, int cardId, StudentAnswer answer, string interactionId, TimeSpan responseTime, ReviewSource source, DateTime nowUtc, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        var context = await _answerContext(db, cardId, userId) ?? throw new StudyException($"There is no card {cardId}.");
        var verdict = AnswerChecker.Check(context.Card.ToDeckCard(), answer);
        var retention = (context.Settings ?? _defaults).DesiredRetention;
        var before = context.State?.Memory ?? CardMemory.New(nowUtc);
        var (after, leech) = AnswerTransition.Apply(schedulers.For(retention), before, nowUtc, verdict.Rating);

        if (context.State is { } state)
        {
            db.CardStates.Attach(state);
            state.Memory = after with { };
            state.Version++;
        }
        else
        {
            db.CardStates.Add(new UserCardState { UserId = userId, CardId = cardId, Memory = after with { }, Version = 1 });
        }
        var entry = new ReviewLogEntry
        {
            UserId = userId,
            CardId = cardId,
            Kind = ReviewKind.Answer,
            Source = source,
            Rating = verdict.Rating,
            AnswerText = answer.LogText,
            Note = verdict.Note,
            ResponseTimeMs = (int)Math.Clamp(responseTime.TotalMilliseconds, 0, int.MaxValue),
            InteractionId = interactionId,
            ReviewedUtc = nowUtc,
            DesiredRetention = retention,
            Before = before with { },
            After = after,
        };
        db.ReviewLog.Add(entry);
        // SaveChanges wraps the state write and the log insert in one transaction.
        await db.SaveChangesAsync(cancellationToken);
        return new AnswerResult(entry.Id, cardId, verdict.Rating, before.ToFsrs(), after.ToFsrs(), after.Suspended, leech, verdict.Note, Duplicate: false);
    }
}
