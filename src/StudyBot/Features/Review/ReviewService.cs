using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Answers;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Study;
using StudyBot.Data;
using StudyBot.Data.Entities;
using StudyBot.Data.Review;
using StudyBot.Data.Stores;
using StudyBot.Discord.Interactions;
using StudyBot.Features.Shared;
using StudyBot.Hosting;

namespace StudyBot.Features.Review;

/// <summary>
/// A student's review session: which card comes next, revealing it, grading an answer exactly once
/// per prompt, and undoing the last answer, each for the <see cref="Place"/> it is asked from (the
/// student, and the server or DM whose decks they see). Lives in one interaction's scope.
/// </summary>
public sealed class ReviewService(
    StudyDbContext db,
    ReviewEngine engine,
    StudentStore students,
    StudentDefaults defaults,
    FsrsSchedulers schedulers,
    ReviewProgress progress,
    StudyClock clock)
{
    /// <summary>/review [deck]: joins that deck if asked for, and returns the first card.</summary>
    public async Task<ReviewPrompt?> StartAsync(Place place, string? deckKey, CancellationToken cancellationToken)
    {
        var (userId, guildId) = (place.UserId, place.GuildId);
        await defaults.EnsureAsync(userId, guildId, cancellationToken);
        var scope = 0;
        if (!string.IsNullOrWhiteSpace(deckKey))
        {
            var deck = await VisibleDecks.ForStudent(db, userId, guildId).OrderBy(d => d.Id).FirstOrDefaultAsync(d => d.Key == deckKey.Trim(), cancellationToken)
                ?? throw new RefusalException($"There is no deck '{deckKey}' here. `/deck list` shows the decks you can study.");
            await students.EnrolAsync(userId, deck.Id, cancellationToken);
            scope = deck.Id;
        }

        return await NextAsync(place, scope, cancellationToken);
    }

    /// <summary>
    /// The next card in the session's scope (one deck, or every deck the student joined among those
    /// this guild has, or in a DM those of the guilds they share with the bot); null when nothing is left today.
    /// </summary>
    public async Task<ReviewPrompt?> NextAsync(Place place, int scope, CancellationToken cancellationToken)
    {
        var (userId, guildId) = (place.UserId, place.GuildId);
        await defaults.EnsureAsync(userId, guildId, cancellationToken);
        var visible = VisibleDecks.ForStudent(db, userId, guildId);
        var deckIds = await (scope == 0 ? visible : visible.Where(d => d.Id == scope)).Select(d => d.Id).ToListAsync(cancellationToken);
        var now = clock.UtcNow;
        // The card and what is left today come from one read, so the screen's counts are those of the card it shows.
        var today = await engine.StudyTodayAsync(userId, deckIds, now, cancellationToken);
        if (today.Next is not { } next)
        {
            return null;
        }

        var prompt = await PromptAsync(place, next.CardId, scope, next.Queue, cancellationToken);
        var exams = await engine.ExamCountdownsAsync(userId, deckIds, now, cancellationToken);
        return prompt with { Left = today.Left, Exams = [.. exams.Select(x => x.Line())] };
    }

    /// <summary>The session scope /review [deck] starts: the deck's id, or 0 for all decks.</summary>
    public async Task<int> ScopeAsync(Place place, string? deckKey, CancellationToken cancellationToken)
        => string.IsNullOrWhiteSpace(deckKey)
            ? 0
            : await VisibleDecks.ForStudent(db, place.UserId, place.GuildId).Where(d => d.Key == deckKey.Trim()).OrderBy(d => d.Id).Select(d => d.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>What to show when no card is due now: when the next learning card comes back (within the hour), and the session's summary.</summary>
    public async Task<ReviewEnd> EndAsync(Place place, int scope, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var (left, next) = await progress.WaitingAsync(place, scope, now, cancellationToken);
        return new ReviewEnd(scope, now, next, await progress.SessionAsync(place.UserId, now, cancellationToken)) { Left = left };
    }

    /// <summary>Shows the answer of a basic or cloze card with the four grades' intervals.</summary>
    public async Task<ReviewReveal> RevealAsync(Place place, int cardId, int nonce, int scope, CancellationToken cancellationToken)
    {
        var userId = place.UserId;
        var prompt = await CurrentPromptAsync(place, cardId, nonce, scope, cancellationToken);
        var settings = await defaults.EnsureAsync(userId, cancellationToken);
        var now = clock.UtcNow;
        var memory = await MemoryAsync(userId, cardId, cancellationToken) ?? FsrsCard.CreateNew(now);
        var preview = schedulers.For(settings).Preview(memory, now);
        var intervals = new[] { Rating.Again, Rating.Hard, Rating.Good, Rating.Easy }
            .Select(r => (r, preview[r].Due - now))
            .ToList();
        return new ReviewReveal(prompt, intervals);
    }

    /// <summary>The prompt a typed answer's modal belongs to; throws when the prompt is stale.</summary>
    public Task<ReviewPrompt> CurrentPromptAsync(Place place, int cardId, int nonce, int scope, CancellationToken cancellationToken)
        => CheckedPromptAsync(place, cardId, nonce, scope, cancellationToken);

    /// <summary>
    /// Grades an answer to one prompt. Every click on the same prompt saves under the same key, so a
    /// double click (or a replayed interaction) is graded once and shown the first result. One read,
    /// one transaction: the engine checks the prompt is current, grades and saves, and returns the
    /// card and deck the screen shows. Cards left today are not counted here (see <see cref="LeftTodayAsync"/>).
    /// </summary>
    public async Task<ReviewOutcome> AnswerAsync(Place place, int cardId, int nonce, int scope, StudentAnswer answer, DateTimeOffset? shownAt, CancellationToken cancellationToken)
    {
        var userId = place.UserId;
        var key = ReviewIds.AnswerKey(userId, cardId, nonce);
        var now = clock.UtcNow;
        var responseTime = shownAt is { } shown ? now - shown.UtcDateTime : TimeSpan.Zero;
        AnswerResult result;
        try
        {
            result = await engine.AnswerPromptAsync(userId, cardId, nonce, answer, key, responseTime < TimeSpan.Zero ? TimeSpan.Zero : responseTime, now, cancellationToken);
        }
        catch (StaleAnswerException e)
        {
            throw new InteractionExpiredException(e.Message);
        }

        var queue = result.Before.State switch
        {
            CardState.New => QueueKind.New,
            CardState.Review => QueueKind.Review,
            _ => QueueKind.Learning,
        };
        var prompt = new ReviewPrompt(cardId, nonce, scope, DeckLabel(place, result.Deck!.Title, result.Deck.Key, result.Deck.GuildId, result.Deck.GuildName), result.Card!, queue);
        return new ReviewOutcome(prompt, result, answer.LogText, now);
    }

    /// <summary>Cards still to study today in the session's scope, for the screen after an answer.</summary>
    public Task<DueCounts> LeftTodayAsync(Place place, int scope, DateTime nowUtc, CancellationToken cancellationToken)
        => progress.LeftTodayAsync(place, scope, nowUtc, cancellationToken);

    /// <summary>
    /// "I was right" on the typed answer logged as <paramref name="logId"/>, graded Again or Hard:
    /// the grade is undone and the same answer is recorded as Good with source
    /// <see cref="ReviewSource.Override"/>, so instructors see the wording the card's answers miss.
    /// Only the student's last answer can be overridden; a repeated click shows the same result.
    /// The override is an answer like any other: Undo takes it back.
    /// </summary>
    public async Task<ReviewOutcome> OverrideAsync(Place place, long logId, int scope, CancellationToken cancellationToken)
    {
        var userId = place.UserId;
        var (undoKey, answerKey) = ReviewIds.OverrideKeys(userId, logId);
        var wrong = await db.ReviewLog.FirstOrDefaultAsync(l => l.Id == logId && l.UserId == userId && l.Kind == ReviewKind.Answer, cancellationToken)
            ?? throw new InteractionExpiredException($"answer {logId} is not this student's");
        if (wrong.Rating is not (Rating.Again or Rating.Hard) || wrong.AnswerText is not { } text || wrong.Source != ReviewSource.Review)
        {
            throw new RefusalException("Only a typed answer that was marked wrong can be counted as right.");
        }
        if (!OverrideAnswer.CanOverride(text))
        {
            throw new RefusalException("Nothing was answered, so there is nothing to count as right: type the answer next time.");
        }

        if (!await db.ReviewLog.AnyAsync(l => l.InteractionId == answerKey, cancellationToken))
        {
            try
            {
                await engine.UndoAsync(userId, logId, undoKey, clock.UtcNow, cancellationToken);
            }
            catch (StoreRefusedException)
            {
                throw new RefusalException("You have answered this card since: only its latest answer can be counted as right.");
            }
        }

        var now = clock.UtcNow;
        var result = await engine.AnswerAsync(userId, wrong.CardId, new OverrideAnswer(text), answerKey, TimeSpan.FromMilliseconds(wrong.ResponseTimeMs), ReviewSource.Override, now, cancellationToken);
        var prompt = await PromptAsync(place, wrong.CardId, scope, null, cancellationToken);
        return new ReviewOutcome(prompt, result, text, now) { Overridden = true, Left = await progress.LeftTodayAsync(place, scope, now, cancellationToken) };
    }

    /// <summary>
    /// Undoes the answer with log id <paramref name="logId"/> (the one whose Undo was clicked), if it
    /// is still its card's latest answer, and shows the card again. A repeated click shows the same
    /// card; a stale Undo (the card answered since, or the answer undone already) is refused with a
    /// <see cref="RefusalException"/> saying why.
    /// </summary>
    public async Task<ReviewPrompt> UndoAsync(Place place, long logId, int scope, CancellationToken cancellationToken)
    {
        var undone = await engine.UndoAsync(place.UserId, logId, ReviewIds.UndoKey(place.UserId, logId), clock.UtcNow, cancellationToken);
        return await PromptAsync(place, undone.CardId, scope, null, cancellationToken);
    }

    private async Task<ReviewPrompt> CheckedPromptAsync(Place place, int cardId, int nonce, int scope, CancellationToken cancellationToken)
    {
        var entries = await EntriesAsync(place.UserId, cardId, cancellationToken);
        if (entries != nonce)
        {
            throw new InteractionExpiredException($"card {cardId} moved on from prompt {nonce} (now {entries})");
        }

        return await PromptAsync(place, cardId, scope, null, cancellationToken, nonce);
    }

    private async Task<ReviewPrompt> PromptAsync(Place place, int cardId, int scope, QueueKind? queue, CancellationToken cancellationToken, int? nonce = null)
    {
        var userId = place.UserId;
        var card = await db.Cards.Include(c => c.Deck).FirstOrDefaultAsync(c => c.Id == cardId, cancellationToken)
            ?? throw new InteractionExpiredException($"card {cardId} no longer exists");
        var memory = await MemoryAsync(userId, cardId, cancellationToken);
        var kind = queue ?? (memory?.State switch
        {
            null or CardState.New => QueueKind.New,
            CardState.Review => QueueKind.Review,
            _ => QueueKind.Learning,
        });
        return new ReviewPrompt(cardId, nonce ?? await EntriesAsync(userId, cardId, cancellationToken), scope, await DeckLabelAsync(place, card.Deck, cancellationToken), card.ToDeckCard(), kind);
    }

    /// <summary>The deck's title, and in a DM the server it belongs to, so a DM session says where each card is from.</summary>
    private async Task<string> DeckLabelAsync(Place place, DeckRecord? deck, CancellationToken cancellationToken)
    {
        if (deck is null)
        {
            return "";
        }

        var server = place.InDirectMessage && deck.GuildId != DeckRecord.NoGuild
            ? await db.Guilds.Where(g => g.Id == deck.GuildId).Select(g => g.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        return DeckLabel(place, deck.Title, deck.Key, deck.GuildId, server);
    }

    private static string DeckLabel(Place place, string deckTitle, string deckKey, ulong guildId, string? server)
    {
        var title = deckTitle.Length > 0 ? deckTitle : deckKey;
        if (!place.InDirectMessage || guildId == DeckRecord.NoGuild)
        {
            return title;
        }

        return $"{title} · {(string.IsNullOrWhiteSpace(server) ? $"server {guildId}" : server)}";
    }

    private Task<int> EntriesAsync(ulong userId, int cardId, CancellationToken cancellationToken)
        => db.ReviewLog.CountAsync(l => l.UserId == userId && l.CardId == cardId, cancellationToken);

    private async Task<FsrsCard?> MemoryAsync(ulong userId, int cardId, CancellationToken cancellationToken)
    {
        var memory = await db.CardStates.Where(s => s.UserId == userId && s.CardId == cardId).Select(s => s.Memory).FirstOrDefaultAsync(cancellationToken);
        return memory?.ToFsrs();
    }
}
