using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Answers;
using StudyBot.Core.Decks;
using StudyBot.Data.Diagnostics;
using StudyBot.Data.Entities;
using StudyBot.Data.Infrastructure;

namespace StudyBot.Data.Review;

/// <summary>
/// Everything one answer reads, in one query: the card's version (its content is cached), the
/// student's state and settings, an answer already saved under the interaction id, how many log
/// entries the card has (a review prompt's nonce), the deck (for the screen) and, for a quiz, the
/// question and the student's earlier answer to it.
/// </summary>
internal sealed record AnswerRead(
    int CardId,
    int ChangedInVersion,
    UserCardState? State,
    UserSettings? Settings,
    ReviewLogEntry? Saved,
    int Entries,
    string DeckKey,
    string DeckTitle,
    ulong DeckGuildId,
    string? GuildName,
    Quiz? Quiz,
    QuizAnswer? Previous)
{
    public AnswerDeck Deck => new(DeckKey, DeckTitle, DeckGuildId, GuildName);
}

public sealed partial class ReviewEngine : IAsyncDisposable, IDisposable
{
    private const int MaxBatch = 64;

    /// <summary>Tries for an answer whose write breaks a constraint: the second read sees a duplicate or a racing row; a third failure is not a race.</summary>
    private const int ConstraintAttempts = 3;

    /// <summary>How long a batch may wait for answers already on their way; never waited for a lone answer.</summary>
    private static readonly TimeSpan _linger = TimeSpan.FromMilliseconds(2);

    /// <summary>By card (quiz id 0), or by quiz (the quiz's card); one statement either way.</summary>
    private readonly Func<StudyDbContext, int, long, ulong, string, Task<AnswerRead?>> _read =
        EF.CompileAsyncQuery((StudyDbContext db, int cardId, long quizId, ulong userId, string interactionId) =>
            (from card in db.Cards
             where card.Id == (quizId == 0 ? cardId : db.Quizzes.Where(q => q.Id == quizId).Select(q => q.CardId).FirstOrDefault())
             join deck in db.Decks on card.DeckId equals deck.Id
             join state in db.CardStates on new { CardId = card.Id, UserId = userId } equals new { state.CardId, state.UserId } into states
             from state in states.DefaultIfEmpty()
             join settings in db.UserSettings on userId equals settings.UserId into userSettings
             from settings in userSettings.DefaultIfEmpty()
             from saved in db.ReviewLog.Where(l => l.InteractionId == interactionId).DefaultIfEmpty()
             from quiz in db.Quizzes.Where(q => q.Id == quizId).DefaultIfEmpty()
             from previous in db.QuizAnswers.Where(a => a.QuizId == quizId && a.UserId == userId).DefaultIfEmpty()
             select new AnswerRead(
                 card.Id,
                 card.ChangedInVersion,
                 state,
                 settings,
                 saved,
                 db.ReviewLog.Count(l => l.UserId == userId && l.CardId == card.Id),
                 deck.Key,
                 deck.Title,
                 deck.GuildId,
                 db.Guilds.Where(g => g.Id == deck.GuildId).Select(g => g.Name).FirstOrDefault(),
                 quiz,
                 previous)).FirstOrDefault());

    private readonly Func<StudyDbContext, int, Task<CardRecord?>> _card =
        EF.CompileAsyncQuery((StudyDbContext db, int cardId) => db.Cards.FirstOrDefault(c => c.Id == cardId));

    private readonly GradingCards _gradingCards = new();

    private AnswerQueue? _queue;

    private int _transactions;
    private int _largestTransaction;

    /// <summary>Answer transactions committed, and the most answers one of them carried: what group commit achieved.</summary>
    internal (int Transactions, int LargestTransaction) CommitStats => (Volatile.Read(ref _transactions), Volatile.Read(ref _largestTransaction));

    internal AnswerQueue Queue => LazyInitializer.EnsureInitialized(ref _queue, () => new AnswerQueue(WriteBatchAsync, MaxBatch, _linger));

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
        var request = new AnswerRequest(userId, cardId, answer, interactionId, responseTime, source, nowUtc, quiz);
        return (await SubmitAsync(request, cancellationToken)).Result;
    }

    /// <summary>
    /// Answers a review prompt shown when the card had <paramref name="expectedEntries"/> log entries
    /// (its nonce): a repeat of the interaction returns the first result; otherwise, if the card was
    /// answered or undone since, a <see cref="StaleAnswerException"/>. The result carries the card
    /// and its deck, so the screen after the answer needs no other read.
    /// </summary>
    public async Task<AnswerResult> AnswerPromptAsync(
        ulong userId,
        int cardId,
        int expectedEntries,
        StudentAnswer answer,
        string interactionId,
        TimeSpan responseTime,
        DateTime nowUtc,
        CancellationToken cancellationToken = default)
    {
        var request = new AnswerRequest(userId, cardId, answer, interactionId, responseTime, ReviewSource.Review, nowUtc) { ExpectedEntries = expectedEntries };
        return (await SubmitAsync(request, cancellationToken)).Result;
    }

    /// <summary>
    /// Answers the quiz question <paramref name="quizId"/>: the student's first answer is graded into
    /// their schedule (source quiz) and recorded in the quiz, as <paramref name="quizText"/> says of
    /// it, in one transaction; a second answer gets the first back (<see cref="QuizAnswerStatus.Repeated"/>),
    /// and an answer after the deadline saves nothing (<see cref="QuizAnswerStatus.Closed"/>).
    /// <paramref name="quizText"/> may refuse an answer that does not fit the card with a <see cref="StudyException"/>.
    /// </summary>
    public async Task<QuizAnswerResult> AnswerQuizAsync(
        ulong userId,
        long quizId,
        StudentAnswer answer,
        string interactionId,
        DateTime nowUtc,
        Func<DeckCard, string> quizText,
        CancellationToken cancellationToken = default)
    {
        var request = new AnswerRequest(userId, 0, answer, interactionId, TimeSpan.Zero, ReviewSource.Quiz, nowUtc) { QuizId = quizId, QuizText = quizText };
        var (result, quiz) = await SubmitAsync(request, cancellationToken);
        return quiz ?? new QuizAnswerResult(QuizAnswerStatus.Saved, result.Card!, "", result.Rating, result);
    }

    /// <summary>Reads, grades and queues an answer, then waits for its commit; reads again when it lost a race.</summary>
    private async Task<(AnswerResult Result, QuizAnswerResult? Quiz)> SubmitAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.InteractionId);
        ArgumentNullException.ThrowIfNull(request.Answer);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            // Once queued an answer is written even if the caller stops waiting: a half-answered click helps no one.
            return await DataMetrics.AnswerAsync(SubmitCoreAsync(request), request.Source, System.Diagnostics.Stopwatch.GetTimestamp());
        }
        catch (StorageUnavailableException e)
        {
            throw new StudyException(e.Message);
        }
        catch (Exception e) when (storage.IsStorageFault(e))
        {
            throw new StudyException(StorageHealth.FullText);
        }
    }

    private async Task<(AnswerResult Result, QuizAnswerResult? Quiz)> SubmitCoreAsync(AnswerRequest request)
    {
        var constraintFailures = 0;
        for (var attempt = 1; ; attempt++)
        {
            // Never write into a database file that was removed: the answer would vanish with it.
            storage.ThrowIfUnusable();
            PendingAnswer pending;
            // One context per answer: its read, and its write when written alone.
            await using var db = await contexts.CreateDbContextAsync();
            using (var arrival = Queue.Arrive())
            {
                var prepared = await PrepareAsync(request, db);
                if (prepared.Done is { } done)
                {
                    return done;
                }
                pending = prepared.Pending!;
                await arrival.SubmitAsync(pending);
            }
            if (await pending.Completion.Task is { } written)
            {
                var result = WithCard(written.Result, pending.Card, pending.Read);
                return (result, request.QuizId is null ? null : new QuizAnswerResult(
                    result.Duplicate ? QuizAnswerStatus.Repeated : QuizAnswerStatus.Saved, pending.Card, written.QuizText ?? "", result.Rating, result));
            }
            // A read again settles a repeated interaction id or a state row created meanwhile; a constraint still broken after that will stay broken.
            constraintFailures += pending.BrokeConstraint ? 1 : 0;
            if (attempt >= MaxAttempts || constraintFailures >= ConstraintAttempts)
            {
                throw new StudyException($"Could not save the answer to card {pending.Read.CardId} after {attempt} attempts; please answer again.");
            }
            // Lost a race (the card's state moved on, or a row was written meanwhile): read again.
            await BackoffAsync(attempt, CancellationToken.None);
        }
    }

    private sealed record Prepared(PendingAnswer? Pending, (AnswerResult Result, QuizAnswerResult? Quiz)? Done);

    /// <summary>The one read, then what needs no write: a repeat, a stale prompt, a closed quiz; else the graded answer for the writer.</summary>
    private async Task<Prepared> PrepareAsync(AnswerRequest request, StudyDbContext db)
    {
        var read = await _read(db, request.CardId, request.QuizId ?? 0, request.UserId, request.InteractionId)
            ?? throw new StudyException(request.QuizId is null ? $"There is no card {request.CardId}." : "This quiz no longer exists.");
        // Not cached yet, or changed by an upload since: grade against what is there now.
        var card = _gradingCards.Find(read.CardId, read.ChangedInVersion)
            ?? (await _card(db, read.CardId) is { } record ? _gradingCards.Remember(record) : throw new StudyException($"There is no card {read.CardId}."));

        var quizText = request.Quiz?.AnswerText;
        var saved = read.Saved is { } first ? WithCard(AnswerResult.FromLog(first, duplicate: true), card, read) : null;
        if (request.QuizText is { } describe)
        {
            quizText = describe(card);
            if (read.Previous is { } previous)
            {
                // Saved with the review in one transaction: the first answer stands, whichever click it was.
                var repeat = new QuizAnswerResult(QuizAnswerStatus.Repeated, card, previous.AnswerText, previous.Rating, saved);
                return new Prepared(null, (saved ?? Unsaved(card, read, previous.Rating), repeat));
            }
            if (read.Quiz is { } quiz && (quiz.ClosedUtc is not null || request.NowUtc >= quiz.ClosesUtc))
            {
                return new Prepared(null, (Unsaved(card, read, null), new QuizAnswerResult(QuizAnswerStatus.Closed, card, quizText, null, null)));
            }
        }
        if (saved is not null)
        {
            return new Prepared(null, (saved, request.QuizId is null ? null : new QuizAnswerResult(QuizAnswerStatus.Repeated, card, quizText ?? "", saved.Rating, saved)));
        }
        if (request.ExpectedEntries is { } expected && expected != read.Entries)
        {
            throw new StaleAnswerException($"card {read.CardId} moved on from prompt {expected} (now {read.Entries})");
        }
        var verdict = AnswerChecker.Check(card, request.Answer);
        return new Prepared(new PendingAnswer(request, read, card, verdict, request.Quiz?.QuizId ?? read.Quiz?.Id, quizText) { Context = db }, null);
    }

    private static AnswerResult WithCard(AnswerResult result, DeckCard card, AnswerRead read) => result with { Card = card, Deck = read.Deck };

    /// <summary>A quiz answer that saved no review (closed, or answered before): only its card and rating mean anything.</summary>
    private static AnswerResult Unsaved(DeckCard card, AnswerRead read, Core.Scheduling.Rating? rating)
    {
        var memory = (read.State?.Memory ?? new CardMemory()).ToFsrs();
        return new AnswerResult(0, read.CardId, rating ?? Core.Scheduling.Rating.Again, memory, memory, false, Core.Study.LeechOutcome.None, null, Duplicate: true) { Card = card, Deck = read.Deck };
    }

    /// <summary>
    /// The writer's work: one transaction for the batch. An answer whose write fails (its state moved
    /// on, a row written meanwhile, a broken constraint) is sent back to its caller to be read again,
    /// and the rest is written again without it; a failure of the database itself fails the batch.
    /// </summary>
    private async Task WriteBatchAsync(IReadOnlyList<PendingAnswer> batch, bool alone)
    {
        // A lone answer written by its caller goes on the context it was read on; the writer's batches on one of their own.
        var context = alone ? batch[0].Context : null;
        var remaining = batch.ToList();
        for (var busy = 1; remaining.Count > 0;)
        {
            try
            {
                PendingAnswer? failed = null;
                await DataMetrics.WriteAsync("answers", async () =>
                {
                    failed = await TryWriteAsync(remaining, context);
                    return failed is null;
                });
                if (failed is null)
                {
                    return;
                }
                failed.Completion.TrySetResult(null);
                remaining = [.. remaining.Where(p => !p.Completion.Task.IsCompleted)];
            }
            catch (Exception exception) when (IsRetryable(exception) && busy < MaxAttempts)
            {
                // Another process holds the write lock past the busy timeout: try the whole batch again.
                await BackoffAsync(busy++, CancellationToken.None);
            }
            catch (Exception exception)
            {
                foreach (var pending in remaining)
                {
                    pending.Completion.TrySetException(exception);
                }
                return;
            }
        }
    }

    /// <summary>
    /// Schedules every answer of the batch (a card answered twice continues from the state the first
    /// answer left; a repeated interaction id gets the first's result) and writes them in one
    /// transaction. Returns the answer whose write failed, with the transaction rolled back and
    /// nothing settled; otherwise commits and settles every answer.
    /// </summary>
    private async Task<PendingAnswer?> TryWriteAsync(List<PendingAnswer> batch, StudyDbContext? context)
    {
        await using var rented = context is null ? await OpenAsync(CancellationToken.None) : null;
        var db = context ?? rented!;
        var states = new Dictionary<(ulong, int), UserCardState>();
        var firsts = new Dictionary<string, PendingAnswer>(StringComparer.Ordinal);
        var repeats = new List<(PendingAnswer Repeat, PendingAnswer First)>();
        var retries = new List<PendingAnswer>();
        var written = new List<(PendingAnswer Pending, UserCardState State, int ExpectedVersion, ReviewLogEntry Entry, QuizAnswer? Quiz, AnswerResult Result)>(batch.Count);
        foreach (var pending in batch)
        {
            var request = pending.Request;
            if (firsts.TryGetValue(request.InteractionId, out var first))
            {
                repeats.Add((pending, first));
                continue;
            }
            var read = pending.Read;
            var key = (request.UserId, read.CardId);
            var chained = states.TryGetValue(key, out var state);
            if (chained && request.ExpectedEntries is not null)
            {
                // The prompt was answered by another click in this batch: the caller reads again and sees it is stale.
                retries.Add(pending);
                continue;
            }
            if (!chained && read.State is { } stored)
            {
                state = new UserCardState { Id = stored.Id, UserId = stored.UserId, CardId = stored.CardId, Version = stored.Version, Memory = stored.Memory with { } };
            }
            var before = state?.Memory ?? CardMemory.New(request.NowUtc);
            state ??= new UserCardState { UserId = request.UserId, CardId = read.CardId };
            // Racing answers may commit out of arrival order; a review never goes back in time.
            var reviewedUtc = before.LastReview is { } last && last > request.NowUtc ? last : request.NowUtc;
            var settings = read.Settings ?? _defaults;
            CardMemory after;
            Core.Study.LeechOutcome leech;
            try
            {
                (after, leech) = AnswerTransition.Apply(schedulers.For(settings), before, reviewedUtc, pending.Verdict.Rating);
            }
            catch (ArgumentException exception)
            {
                pending.Completion.TrySetException(exception);
                continue;
            }
            states[key] = state;
            firsts[request.InteractionId] = pending;
            var expectedVersion = state.Version;
            state.Memory = after with { };
            state.Version++;
            var entry = new ReviewLogEntry
            {
                UserId = request.UserId,
                CardId = read.CardId,
                Kind = ReviewKind.Answer,
                Source = request.Source,
                Rating = pending.Verdict.Rating,
                AnswerText = request.Answer.LogText,
                Note = pending.Verdict.Note,
                ResponseTimeMs = (int)Math.Clamp(ResponseTime(request, read).TotalMilliseconds, 0, int.MaxValue),
                InteractionId = request.InteractionId,
                ReviewedUtc = reviewedUtc,
                DesiredRetention = settings.DesiredRetention,
                FsrsFitId = settings.FsrsFitId,
                Before = before with { },
                After = after,
            };
            var quiz = pending.QuizId is { } quizId
                ? new QuizAnswer { QuizId = quizId, UserId = request.UserId, AnswerText = pending.QuizText ?? "", Rating = pending.Verdict.Rating, AnsweredUtc = request.NowUtc, InteractionId = request.InteractionId }
                : null;
            var result = new AnswerResult(0, read.CardId, pending.Verdict.Rating, before.ToFsrs(), after.ToFsrs(), after.Suspended, leech, pending.Verdict.Note, Duplicate: false);
            written.Add((pending, state, expectedVersion, entry, quiz, result));
        }

        if (written.Count > 0)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var row in written)
            {
                bool saved;
                try
                {
                    saved = await AnswerWriter.WriteAsync(db, row.State, row.ExpectedVersion, row.Entry, row.Quiz);
                }
                catch (DbUpdateException)
                {
                    row.Pending.BrokeConstraint = true;
                    saved = false;
                }
                if (!saved)
                {
                    await transaction.RollbackAsync();
                    return row.Pending;
                }
            }
            await transaction.CommitAsync();
            Interlocked.Increment(ref _transactions);
            for (var largest = Volatile.Read(ref _largestTransaction); written.Count > largest; largest = Volatile.Read(ref _largestTransaction))
            {
                Interlocked.CompareExchange(ref _largestTransaction, written.Count, largest);
            }
        }

        foreach (var row in written)
        {
            row.Pending.Completion.TrySetResult(new WriteOutcome(row.Result with { LogId = row.Entry.Id }, row.Pending.QuizText));
        }
        foreach (var (repeat, first) in repeats)
        {
            repeat.Completion.TrySetResult(first.Completion.Task.IsCompletedSuccessfully && first.Completion.Task.Result is { } outcome
                ? outcome with { Result = outcome.Result with { Duplicate = true } }
                : null);
        }
        foreach (var retry in retries)
        {
            retry.Completion.TrySetResult(null);
        }
        return null;
    }

    /// <summary>A quiz answer's response time runs from the question's opening; a review's is the caller's.</summary>
    private static TimeSpan ResponseTime(AnswerRequest request, AnswerRead read) =>
        read.Quiz is { } quiz && request.QuizId is not null
            ? (request.NowUtc > quiz.OpenedUtc ? request.NowUtc - quiz.OpenedUtc : TimeSpan.Zero)
            : request.ResponseTime;

    /// <summary>Stops taking answers and writes every answer already queued.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _queue) is { } queue)
        {
            await queue.DisposeAsync();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
