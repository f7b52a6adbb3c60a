using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Answers;
using StudyBot.Core.Decks;
using StudyBot.Core.Scheduling.Exam;
using StudyBot.Core.Study;
using StudyBot.Data.Diagnostics;
using StudyBot.Data.Entities;
using StudyBot.Data.Infrastructure;

namespace StudyBot.Data.Review;

public sealed partial class ReviewEngine : IAsyncDisposable, IDisposable
{
    /// <summary>Tries for an answer whose write breaks a constraint: the second read sees a duplicate or a racing row; a third failure is not a race.</summary>
    private const int ConstraintAttempts = 3;

    private readonly Func<StudyDbContext, int, Task<CardRecord?>> _card =
        EF.CompileAsyncQuery((StudyDbContext db, int cardId) => db.Cards.FirstOrDefault(c => c.Id == cardId));

    private readonly GradingCards _gradingCards = new();

    /// <summary>A lane idle longer is closed rather than used: well inside any server's or proxy's idle timeout.</summary>
    private static readonly TimeSpan _laneMaxIdle = TimeSpan.FromSeconds(30);

    private AnswerQueue? _queue;
    private AnswerLanes? _lanes;

    private int _transactions;
    private int _largestTransaction;

    /// <summary>Answer transactions committed, and the most answers one of them carried: what group commit achieved.</summary>
    internal (int Transactions, int LargestTransaction) CommitStats => (Volatile.Read(ref _transactions), Volatile.Read(ref _largestTransaction));

    internal AnswerQueue Queue => LazyInitializer.EnsureInitialized(ref _queue, () => new AnswerQueue(WriteBatchAsync, batching.MaxBatch, batching.Linger));

    /// <summary>The answer path's connection, with its commands compiled once.</summary>
    internal AnswerLanes Lanes => LazyInitializer.EnsureInitialized(ref _lanes, () => new AnswerLanes(contexts, checkpoints.Enabled, _laneMaxIdle));

    /// <summary>
    /// Grades an answer, schedules the card and records both in one transaction, returning after the
    /// commit. The interaction id makes it idempotent: a repeat returns the first result. Answers
    /// to one card are applied one after the other, each to the state the other left (also across
    /// processes: a write whose state moved on is read again).
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
    /// their schedule (source quiz) and recorded in the quiz, as <paramref name="quizForm"/> says of
    /// it, in one transaction; a second answer gets the first back (<see cref="QuizAnswerStatus.Repeated"/>),
    /// and an answer after the deadline saves nothing (<see cref="QuizAnswerStatus.Closed"/>).
    /// <paramref name="quizForm"/> says what the answer is graded as and what the quiz row records, given the card and
    /// the question's stored choices; it may refuse an answer that does not fit the card with a <see cref="StoreRefusedException"/>.
    /// </summary>
    public async Task<QuizAnswerResult> AnswerQuizAsync(
        ulong userId,
        long quizId,
        StudentAnswer answer,
        string interactionId,
        DateTime nowUtc,
        Func<DeckCard, string?, QuizAnswerForm> quizForm,
        CancellationToken cancellationToken = default)
    {
        var request = new AnswerRequest(userId, 0, answer, interactionId, TimeSpan.Zero, ReviewSource.Quiz, nowUtc) { QuizId = quizId, QuizForm = quizForm };
        var (result, quiz) = await SubmitAsync(request, cancellationToken);
        return quiz ?? new QuizAnswerResult(QuizAnswerStatus.Saved, result.Card!, "", result.Rating, result);
    }

    /// <summary>Queues an answer and waits for it to be read, graded and saved (or refused).</summary>
    private async Task<(AnswerResult Result, QuizAnswerResult? Quiz)> SubmitAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.InteractionId);
        ArgumentNullException.ThrowIfNull(request.Answer);
        cancellationToken.ThrowIfCancellationRequested();
        using var answerPath = DataMetrics.AnswerPath();
        try
        {
            // Once queued an answer is written even if the caller stops waiting: a half-answered click helps no one.
            return await DataMetrics.AnswerAsync(SubmitCoreAsync(request), request.Source, System.Diagnostics.Stopwatch.GetTimestamp());
        }
        catch (StorageUnavailableException e)
        {
            throw new StoreRefusedException(e.Message);
        }
        catch (Exception e) when (storage.IsStorageFault(e))
        {
            throw new StoreRefusedException(StorageHealth.FullText);
        }
    }

    private async Task<(AnswerResult Result, QuizAnswerResult? Quiz)> SubmitCoreAsync(AnswerRequest request)
    {
        var pending = new PendingAnswer(request);
        using (var arrival = Queue.Arrive())
        {
            await arrival.SubmitAsync(pending);
        }
        return await pending.Completion.Task;
    }

    /// <summary>What one answer comes to after its read: a result that needs no write (a repeat, a closed quiz), or the rows to write.</summary>
    private sealed record Decision((AnswerResult Result, QuizAnswerResult? Quiz)? Done, AnswerWrite? Write);

    /// <summary>An answer's rows, and what its caller gets once they are committed.</summary>
    private sealed record AnswerWrite(UserCardState State, int ExpectedVersion, ReviewLogEntry Entry, QuizAnswer? Quiz, AnswerResult Result, DeckCard Card, AnswerRead Read, string? QuizText);

    /// <summary>
    /// The answer's decision (<see cref="AnswerDecision"/>) on what its read found: a repeat of the
    /// interaction, a quiz answered before or closed need no write, a stale prompt is refused
    /// (<see cref="StaleAnswerException"/>); otherwise the answer is graded and scheduled, and the
    /// outcome becomes the rows to write. Throws for an answer that cannot be taken (no such card,
    /// an answer that does not fit the card).
    /// </summary>
    private async Task<Decision> DecideAsync(AnswerRequest request, AnswerRead? read, AnswerLane lane)
    {
        if (read is null)
        {
            throw new StoreRefusedException(request.QuizId is null ? $"There is no card {request.CardId}." : "This quiz no longer exists.");
        }
        // Not cached yet, or changed by an upload since: grade against what is there now.
        var card = _gradingCards.Find(read.CardId, read.ChangedInVersion)
            ?? (await _card(lane.Db, read.CardId) is { } record ? _gradingCards.Remember(record) : throw new StoreRefusedException($"There is no card {read.CardId}."));
        return Decide(request, read, card, schedulers);
    }

    /// <summary>Maps the read to <see cref="AnswerDecision"/>'s terms, and its outcome to the rows to write and the caller's result.</summary>
    private static Decision Decide(AnswerRequest request, AnswerRead read, DeckCard card, FsrsSchedulers schedulers)
    {
        var form = request.QuizForm is { } shape ? shape(card, read.Quiz?.Choices) : null;
        var quizText = form?.Text ?? request.Quiz?.AnswerText;
        var saved = read.Saved is { } first ? WithCard(first, card, read) : null;
        var facts = new AnswerFacts(
            QuizQuestion: request.QuizForm is not null,
            QuizAnsweredBefore: read.Previous is not null,
            QuizClosed: read.Quiz is { } open && (open.ClosedUtc is not null || request.NowUtc >= open.ClosesUtc),
            SavedUnderInteraction: saved is not null,
            request.ExpectedEntries,
            read.Entries);
        switch (AnswerDecision.Gate(facts))
        {
            case AnswerGate.QuizRepeat:
                var previous = read.Previous!;
                return new Decision((saved ?? Unsaved(card, read, previous.Rating), new QuizAnswerResult(QuizAnswerStatus.Repeated, card, previous.AnswerText, previous.Rating, saved)), null);
            case AnswerGate.QuizClosed:
                return new Decision((Unsaved(card, read, null), new QuizAnswerResult(QuizAnswerStatus.Closed, card, quizText ?? "", null, null)), null);
            case AnswerGate.Repeat:
                return new Decision((saved!, request.QuizId is null ? null : new QuizAnswerResult(QuizAnswerStatus.Repeated, card, quizText ?? "", saved!.Rating, saved)), null);
            case AnswerGate.Stale:
                throw new StaleAnswerException($"card {read.CardId} moved on from prompt {request.ExpectedEntries} (now {read.Entries})");
        }

        var settings = read.Settings ?? AnswerSettings.Defaults;
        // Before an exam in the card's deck, the answer is scheduled for it; the exam and target go into the log for replays.
        // The rule's version too: a replay schedules the answer by the rule in force now, whatever rule is current then.
        var examTarget = read.NextExamUtc is null ? (double?)null : settings.ExamTarget ?? ExamScheduler.DefaultTarget;
        var examRule = read.NextExamUtc is null ? (int?)null : ExamRule.Current.Version;
        var scheduling = ExamScheduleAdjustment.For(schedulers.For(settings.DesiredRetention, settings.FsrsFitId, settings.FsrsWeights), read.NextExamUtc, examTarget, examRule);
        var outcome = AnswerDecision.Decide(read.State?.Memory.ToStudy(), card, form?.Answer ?? request.Answer, request.NowUtc, scheduling);

        var state = read.State is { } stored
            ? new UserCardState { Id = stored.Id, UserId = stored.UserId, CardId = stored.CardId, Version = stored.Version }
            : new UserCardState { UserId = request.UserId, CardId = read.CardId };
        var expectedVersion = state.Version;
        state.Memory = CardMemory.From(outcome.After);
        state.Version++;
        var entry = new ReviewLogEntry
        {
            UserId = request.UserId,
            CardId = read.CardId,
            Kind = ReviewKind.Answer,
            Source = request.Source,
            Rating = outcome.Rating,
            AnswerText = outcome.AnswerText,
            Note = outcome.Note,
            ResponseTimeMs = (int)Math.Clamp(ResponseTime(request, read).TotalMilliseconds, 0, int.MaxValue),
            InteractionId = request.InteractionId,
            ReviewedUtc = outcome.ReviewedUtc,
            DesiredRetention = settings.DesiredRetention,
            FsrsFitId = settings.FsrsFitId,
            ExamUtc = read.NextExamUtc,
            ExamTarget = examTarget,
            ExamRule = examRule,
            Before = CardMemory.From(outcome.Before),
            After = CardMemory.From(outcome.After),
        };
        var quizId = request.Quiz?.QuizId ?? read.Quiz?.Id;
        var quizRow = quizId is { } id
            ? new QuizAnswer { QuizId = id, UserId = request.UserId, AnswerText = quizText ?? "", Rating = outcome.Rating, AnsweredUtc = request.NowUtc, InteractionId = request.InteractionId }
            : null;
        var result = new AnswerResult(0, read.CardId, outcome.Rating, outcome.Before.Memory, outcome.After.Memory, outcome.After.Suspended, outcome.Leech, outcome.Note, Duplicate: false);
        return new Decision(null, new AnswerWrite(state, expectedVersion, entry, quizRow, result, card, read, quizText));
    }

    private static AnswerResult WithCard(AnswerResult result, DeckCard card, AnswerRead read) => result with { Card = card, Deck = read.Deck };

    /// <summary>A quiz answer that saved no review (closed, or answered before): only its card and rating mean anything.</summary>
    private static AnswerResult Unsaved(DeckCard card, AnswerRead read, Core.Scheduling.Rating? rating)
    {
        var memory = (read.State?.Memory ?? new CardMemory()).ToFsrs();
        return new AnswerResult(0, read.CardId, rating ?? Core.Scheduling.Rating.Again, memory, memory, false, Core.Study.LeechOutcome.None, null, Duplicate: true) { Card = card, Deck = read.Deck };
    }

    /// <summary>
    /// The writer's work, on the answer lane (by the writer, or by a lone answer's caller): one
    /// transaction for the batch. When an answer's write fails (its state moved on under another
    /// writer, or a row was written meanwhile) the transaction is rolled back and the batch taken
    /// again, reading everything afresh; an answer that keeps failing is refused. A busy database is
    /// waited for; any other failure of the database fails what is left of the batch.
    /// </summary>
    private async Task WriteBatchAsync(IReadOnlyList<PendingAnswer> batch)
    {
        var remaining = batch.ToList();
        AnswerLane? lane = null;
        var healthy = true;
        try
        {
            lane = await Lanes.TakeAsync();
            for (var busy = 1; remaining.Count > 0;)
            {
                // Never write into a database file that was removed: the answers would vanish with it.
                storage.ThrowIfUnusable();
                try
                {
                    PendingAnswer? failed = null;
                    await DataMetrics.WriteAsync("answers", async () =>
                    {
                        failed = await TryBatchAsync(remaining, lane);
                        return failed is null;
                    });
                    if (failed is null)
                    {
                        return;
                    }
                    remaining = [.. remaining.Where(p => !p.Completion.Task.IsCompleted)];
                    if (!failed.Completion.Task.IsCompleted)
                    {
                        // Lost a race with another writer: give it a moment before reading again.
                        await BackoffAsync(failed.Attempts, CancellationToken.None);
                    }
                }
                catch (Exception exception) when (DatabaseErrors.IsBusy(exception) && busy < MaxAttempts)
                {
                    // Another process holds the write lock past the busy timeout: try the whole batch again.
                    await BackoffAsync(busy++, CancellationToken.None);
                }
            }
        }
        catch (Exception exception)
        {
            healthy = false;
            foreach (var pending in remaining)
            {
                pending.Completion.TrySetException(exception);
            }
        }
        finally
        {
            if (lane is not null)
            {
                await Lanes.ReturnAsync(lane, healthy);
            }
        }
    }

    /// <summary>
    /// Reads, grades and writes every answer of the batch in order on one connection, in one
    /// transaction begun at the first write: each read sees the writes before it, so a card answered
    /// twice continues from the state the first answer left, and a repeated interaction id gets the
    /// first's result. Returns the answer whose write failed, with the transaction rolled back and
    /// nothing settled; otherwise commits, then settles every answer.
    /// </summary>
    private async Task<PendingAnswer?> TryBatchAsync(List<PendingAnswer> batch, AnswerLane lane)
    {
        var settled = new List<(PendingAnswer Pending, (AnswerResult Result, QuizAnswerResult? Quiz)? Outcome, Exception? Refusal)>(batch.Count);
        var written = 0;
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction = null;
        try
        {
            foreach (var pending in batch)
            {
                var request = pending.Request;
                var read = await AnswerReader.ReadAsync(lane, request);
                Decision decision;
                try
                {
                    decision = await DecideAsync(request, read, lane);
                }
                catch (Exception refusal) when (refusal is StoreRefusedException or StaleAnswerException or ArgumentException)
                {
                    settled.Add((pending, null, refusal));
                    continue;
                }
                if (decision.Write is not { } write)
                {
                    settled.Add((pending, decision.Done, null));
                    continue;
                }

                transaction ??= await lane.Db.Database.BeginTransactionAsync();
                bool saved;
                try
                {
                    saved = await AnswerWriter.WriteAsync(lane, write.State, write.ExpectedVersion, write.Entry, write.Quiz);
                }
                catch (DbUpdateException)
                {
                    pending.ConstraintFailures++;
                    saved = false;
                }
                if (!saved)
                {
                    await transaction.RollbackAsync();
                    // A read again settles a repeated interaction id or a state row created meanwhile; a constraint still broken after that will stay broken.
                    if (++pending.Attempts >= MaxAttempts || pending.ConstraintFailures >= ConstraintAttempts)
                    {
                        pending.Completion.TrySetException(new StoreRefusedException($"Could not save the answer to card {write.Read.CardId} after {pending.Attempts} attempts; please answer again."));
                    }
                    return pending;
                }
                written++;
                var result = WithCard(write.Result with { LogId = write.Entry.Id }, write.Card, write.Read);
                settled.Add((pending, (result, request.QuizId is null ? null : new QuizAnswerResult(QuizAnswerStatus.Saved, write.Card, write.QuizText ?? "", result.Rating, result)), null));
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync();
                checkpoints.Committed(written);
                Interlocked.Increment(ref _transactions);
                for (var largest = Volatile.Read(ref _largestTransaction); written > largest; largest = Volatile.Read(ref _largestTransaction))
                {
                    Interlocked.CompareExchange(ref _largestTransaction, written, largest);
                }
            }
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }

        foreach (var (pending, outcome, refusal) in settled)
        {
            if (refusal is not null)
            {
                pending.Completion.TrySetException(refusal);
            }
            else
            {
                pending.Completion.TrySetResult(outcome!.Value);
            }
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
        if (Volatile.Read(ref _lanes) is { } lanes)
        {
            await lanes.DisposeAsync();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
