using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Answers;
using StudyBot.Core.Decks;
using StudyBot.Data.Diagnostics;
using StudyBot.Data.Entities;
using StudyBot.Data.Infrastructure;

namespace StudyBot.Data.Review;

public sealed partial class ReviewEngine
{
    private const int MaxBatch = 64;

    private sealed record AnswerContext(DeckCard Card, UserCardState? State, UserSettings? Settings);

    private sealed record AnswerRow(int ChangedInVersion, UserCardState? State, UserSettings? Settings);

    /// <summary>Everything a lone answer reads but the card's content, which <see cref="GradingCards"/> keeps.</summary>
    private readonly Func<StudyDbContext, int, ulong, Task<AnswerRow?>> _answerRow =
        EF.CompileAsyncQuery((StudyDbContext db, int cardId, ulong userId) =>
            (from card in db.Cards
             where card.Id == cardId
             join state in db.CardStates on new { CardId = card.Id, UserId = userId } equals new { state.CardId, state.UserId } into states
             from state in states.DefaultIfEmpty()
             join settings in db.UserSettings on userId equals settings.UserId into userSettings
             from settings in userSettings.DefaultIfEmpty()
             select new AnswerRow(card.ChangedInVersion, state, settings)).FirstOrDefault());

    private readonly Func<StudyDbContext, int, Task<CardRecord?>> _card =
        EF.CompileAsyncQuery((StudyDbContext db, int cardId) => db.Cards.FirstOrDefault(c => c.Id == cardId));

    private readonly GradingCards _gradingCards = new();

    private GroupCommit? _groupCommit;

    private int _transactions;
    private int _largestTransaction;

    /// <summary>Answer transactions committed, and the most answers one of them carried: what group commit achieved.</summary>
    internal (int Transactions, int LargestTransaction) CommitStats => (Volatile.Read(ref _transactions), Volatile.Read(ref _largestTransaction));

    private GroupCommit Writer => LazyInitializer.EnsureInitialized(ref _groupCommit, () => new GroupCommit(WriteBatchAsync, MaxBatch));

    /// <summary>
    /// Grades an answer, schedules the card and records both in one transaction, returning after the
    /// commit. The interaction id makes it idempotent: a repeat returns the first result. Answers
    /// racing on one card are applied one after the other, each to the state the other left.
    /// </summary>
    public Task<AnswerResult> AnswerAsync(
        ulong userId,
        int cardId,
        StudentAnswer answer,
        string interactionId,
        TimeSpan responseTime,
        ReviewSource source,
        DateTime nowUtc,
        CancellationToken cancellationToken = default)
        => AnswerAsync(userId, cardId, answer, interactionId, responseTime, source, nowUtc, quiz: null, cancellationToken);

    /// <summary>
    /// As the other overload; with <paramref name="quiz"/>, the answer is also recorded in that quiz
    /// (one row per student, unique on the interaction id) in the same transaction as the review, so
    /// a quiz answer and the schedule it changed are saved together or not at all.
    /// </summary>
    public async Task<AnswerResult> AnswerAsync(
        ulong userId,
        int cardId,
        StudentAnswer answer,
        string interactionId,
        TimeSpan responseTime,
        ReviewSource source,
        DateTime nowUtc,
        QuizAnswerDraft? quiz,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(interactionId);
        ArgumentNullException.ThrowIfNull(answer);
        cancellationToken.ThrowIfCancellationRequested();
        // Never write into a database file that was removed: the answer would vanish with it.
        try
        {
            storage.ThrowIfUnusable();
        }
        catch (StorageUnavailableException e)
        {
            throw new StudyException(e.Message);
        }
        try
        {
            // Once queued an answer is written even if the caller stops waiting: a half-answered click helps no one.
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            return await DataMetrics.AnswerAsync(Writer.SubmitAsync(new AnswerRequest(userId, cardId, answer, interactionId, responseTime, source, nowUtc, quiz)), source, started);
        }
        catch (Exception e) when (storage.IsStorageFault(e))
        {
            throw new StudyException(StorageHealth.FullText);
        }
    }

    /// <summary>Writes a batch in one transaction; if that loses a race or meets a duplicate, settles each answer on its own.</summary>
    private async Task WriteBatchAsync(IReadOnlyList<AnswerRequest> batch)
    {
        try
        {
            await DataMetrics.WriteAsync("answers", () => TryWriteAsync(batch));
            return;
        }
        catch (Exception exception) when (IsRetryable(exception))
        {
            // Fall through: one answer's conflict must not fail the others.
        }
        foreach (var request in batch.Where(r => !r.Completion.Task.IsCompleted))
        {
            try
            {
                request.Completion.TrySetResult(await WriteAloneAsync(request));
            }
            catch (Exception exception)
            {
                request.Completion.TrySetException(exception);
            }
        }
    }

    private async Task<AnswerResult> WriteAloneAsync(AnswerRequest request)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await DataMetrics.WriteAsync("answers", () => TryWriteAsync([request]));
                return await request.Completion.Task;
            }
            catch (Exception exception) when (IsRetryable(exception))
            {
                // A unique-key failure on the interaction id means this answer is already saved.
                if (await FindByInteractionAsync(request.InteractionId, CancellationToken.None) is { } saved)
                {
                    return AnswerResult.FromLog(saved, duplicate: true);
                }
                if (attempt >= MaxAttempts)
                {
                    throw new StudyException($"Could not save the answer to card {request.CardId} after {attempt} attempts; please answer again.");
                }
                await BackoffAsync(attempt, CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// What grading needs for each answer of a batch: one compiled query for a lone answer (plus the
    /// card itself when its content is not cached yet), three set queries (cards, states, settings)
    /// for a batch, whatever its size.
    /// </summary>
    private async Task<Func<AnswerRequest, AnswerContext?>> LoadContextsAsync(StudyDbContext db, IReadOnlyList<AnswerRequest> batch)
    {
        if (batch.Count == 1)
        {
            var single = await LoadContextAsync(db, batch[0]);
            return _ => single;
        }
        var cardIds = batch.Select(r => r.CardId).Distinct().ToList();
        var userIds = batch.Select(r => r.UserId).Distinct().ToList();
        var cards = (await db.Cards.Where(c => cardIds.Contains(c.Id)).ToListAsync()).ToDictionary(c => c.Id, _gradingCards.Remember);
        var states = await db.CardStates.Where(s => userIds.Contains(s.UserId) && cardIds.Contains(s.CardId)).ToDictionaryAsync(s => (s.UserId, s.CardId));
        var settings = await db.UserSettings.Where(s => userIds.Contains(s.UserId)).ToDictionaryAsync(s => s.UserId);
        return request => cards.TryGetValue(request.CardId, out var card)
            ? new AnswerContext(card, states.GetValueOrDefault((request.UserId, request.CardId)), settings.GetValueOrDefault(request.UserId))
            : null;
    }

    private async Task<AnswerContext?> LoadContextAsync(StudyDbContext db, AnswerRequest request)
    {
        if (await _answerRow(db, request.CardId, request.UserId) is not { } row)
        {
            return null;
        }
        var card = _gradingCards.Find(request.CardId, row.ChangedInVersion);
        if (card is null)
        {
            // Changed or deleted between the two reads: grade against what is there now, or report no card.
            if (await _card(db, request.CardId) is not { } record)
            {
                return null;
            }
            card = _gradingCards.Remember(record);
        }
        return new AnswerContext(card, row.State, row.Settings);
    }

    /// <summary>
    /// Grades and schedules every answer of the batch on one context and saves them in one
    /// transaction. Answers that cannot be graded (unknown card, wrong kind of answer) fail alone.
    /// Results are released only after the commit; a database failure propagates with none released.
    /// </summary>
    private async Task TryWriteAsync(IReadOnlyList<AnswerRequest> batch)
    {
        await using var db = await OpenAsync(CancellationToken.None);
        // A card answered twice in one batch continues from the state the first answer left.
        var states = new Dictionary<(ulong, int), UserCardState>();
        var written = new List<(AnswerRequest Request, AnswerResult Result, ReviewLogEntry Entry)>(batch.Count);
        var contexts = await LoadContextsAsync(db, batch);
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var request in batch)
        {
            var context = contexts(request);
            if (context is null)
            {
                request.Completion.TrySetException(new StudyException($"There is no card {request.CardId}."));
                continue;
            }
            AnswerVerdict verdict;
            try
            {
                verdict = AnswerChecker.Check(context.Card, request.Answer);
            }
            catch (ArgumentException exception)
            {
                request.Completion.TrySetException(exception);
                continue;
            }
            var key = (request.UserId, request.CardId);
            var state = states.GetValueOrDefault(key) ?? context.State;
            var before = state?.Memory ?? CardMemory.New(request.NowUtc);
            // Racing answers may commit out of arrival order; a review never goes back in time.
            var reviewedUtc = before.LastReview is { } last && last > request.NowUtc ? last : request.NowUtc;
            var settings = context.Settings ?? _defaults;
            var retention = settings.DesiredRetention;
            CardMemory after;
            Core.Study.LeechOutcome leech;
            try
            {
                (after, leech) = AnswerTransition.Apply(schedulers.For(settings), before, reviewedUtc, verdict.Rating);
            }
            catch (ArgumentException exception)
            {
                request.Completion.TrySetException(exception);
                continue;
            }
            state ??= new UserCardState { UserId = request.UserId, CardId = request.CardId };
            states[key] = state;
            var expectedVersion = state.Version;
            state.Memory = after with { };
            state.Version++;
            var entry = new ReviewLogEntry
            {
                UserId = request.UserId,
                CardId = request.CardId,
                Kind = ReviewKind.Answer,
                Source = request.Source,
                Rating = verdict.Rating,
                AnswerText = request.Answer.LogText,
                Note = verdict.Note,
                ResponseTimeMs = (int)Math.Clamp(request.ResponseTime.TotalMilliseconds, 0, int.MaxValue),
                InteractionId = request.InteractionId,
                ReviewedUtc = reviewedUtc,
                DesiredRetention = retention,
                FsrsFitId = settings.FsrsFitId,
                Before = before with { },
                After = after,
            };
            await AnswerWriter.WriteStateAsync(connection, transaction, state, expectedVersion);
            await AnswerWriter.InsertLogAsync(connection, transaction, entry);
            if (request.Quiz is { } quiz)
            {
                await AnswerWriter.InsertQuizAnswerAsync(connection, transaction, new QuizAnswer
                {
                    QuizId = quiz.QuizId,
                    UserId = request.UserId,
                    AnswerText = quiz.AnswerText,
                    Rating = verdict.Rating,
                    AnsweredUtc = request.NowUtc,
                    InteractionId = request.InteractionId,
                });
            }
            written.Add((request, new AnswerResult(0, request.CardId, verdict.Rating, before.ToFsrs(), after.ToFsrs(), after.Suspended, leech, verdict.Note, Duplicate: false), entry));
        }
        if (written.Count == 0)
        {
            return;
        }
        await transaction.CommitAsync();
        Interlocked.Increment(ref _transactions);
        for (var largest = Volatile.Read(ref _largestTransaction); written.Count > largest; largest = Volatile.Read(ref _largestTransaction))
        {
            Interlocked.CompareExchange(ref _largestTransaction, written.Count, largest);
        }
        foreach (var (request, result, entry) in written)
        {
            request.Completion.TrySetResult(result with { LogId = entry.Id });
        }
    }
}
