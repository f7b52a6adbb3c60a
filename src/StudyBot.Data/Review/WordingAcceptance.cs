using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Answers;
using StudyBot.Core.Decks;
using StudyBot.Core.Decks.Formats;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Study;
using StudyBot.Data.Entities;
using StudyBot.Data.Stores;

namespace StudyBot.Data.Review;

/// <summary>What accepting a wording did: the deck version it made (null when the card already accepted it), and what was re-counted.</summary>
/// <param name="Regraded">Answers in the review log graded wrong that now count as Good, per student.</param>
/// <param name="Quizzes">The quiz questions whose answers were re-scored (their results and scoreboards show the old score).</param>
public sealed record WordingAccepted(string DeckKey, string CardKey, string Wording, int? Version, IReadOnlyDictionary<ulong, int> Regraded, IReadOnlyList<long> Quizzes)
{
    public int Answers => Regraded.Values.Sum();
}

/// <summary>
/// An instructor accepts a student's wording for everyone: it becomes one more accepted answer of the card in a new
/// version of the deck (stored as an upload stores it, so every student keeps their progress), and every answer of
/// that card graded wrong which the card now grades Good is re-counted: in the review log (append-only) the answers
/// from the first of them on are undone and given again with their own times, the re-counted ones as Good, so the
/// schedule is replayed and <c>db verify</c> still rebuilds every state; quiz answers are re-scored. One transaction.
/// </summary>
public sealed class WordingAcceptance(IDbContextFactory<StudyDbContext> contexts, FsrsSchedulers schedulers, TimeProvider time)
{
    /// <summary>The note a re-counted answer carries.</summary>
    public const string Note = "accepted by your instructor";

    /// <summary>Accepts <paramref name="wording"/> on card <paramref name="cardId"/> of a deck of <paramref name="guildId"/>.</summary>
    public async Task<WordingAccepted> AcceptAsync(ulong guildId, int cardId, string wording, CancellationToken cancellationToken)
    {
        wording = wording.Trim();
        if (!OverrideAnswer.CanOverride(wording))
        {
            throw new StoreRefusedException("That answer has no words or numbers in it, so there is nothing to accept.");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var card = await db.Cards.Include(c => c.Deck).FirstOrDefaultAsync(c => c.Id == cardId, cancellationToken);
        if (card?.Deck is not { } deck || deck.GuildId != guildId)
        {
            throw new StoreRefusedException("That card is not in one of this server's decks.");
        }
        if (card.Retired || deck.Retired)
        {
            throw new StoreRefusedException($"Card `{card.Key}` is no longer in deck `{deck.Key}`: there is nothing to accept the answer on.");
        }
        if (card.Kind is not (CardKind.Typed or CardKind.Cloze or CardKind.Basic) || card.Answers.Count == 0)
        {
            throw new StoreRefusedException($"Card `{card.Key}` is not answered by typing, so it has no wordings to accept.");
        }

        int? version = null;
        var graded = card.ToDeckCard();
        if (Grade(graded, wording) != Rating.Good)
        {
            var cards = await db.Cards.Where(c => c.DeckId == deck.Id && !c.Retired).OrderBy(c => c.Ordinal).ToListAsync(cancellationToken);
            var changed = cards.Select(c => Accepting(c, card, wording)).ToList();
            var stored = await DeckStore.StoreVersionAsync(db, new Deck(deck.Key, deck.Title, deck.Description, deck.Source, changed), guildId, time.GetUtcNow().UtcDateTime, cancellationToken);
            version = stored.Version;
            graded = changed.Single(c => c.Id == card.Key);
        }

        var regraded = await RecountReviewsAsync(db, cardId, graded, cancellationToken);
        var quizzes = await RescoreQuizzesAsync(db, cardId, graded, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new WordingAccepted(deck.Key, card.Key, wording, version, regraded, quizzes);
    }

    private static Rating Grade(DeckCard card, string text) => AnswerChecker.Check(card, new TypedAnswer(text)).Rating;

    /// <summary>A card of the deck as the next version has it: the accepting card (and, for a cloze, its note's text on every sibling) with the wording added.</summary>
    private static DeckCard Accepting(CardRecord record, CardRecord target, string wording)
    {
        var card = record.ToDeckCard();
        if (target.Kind == CardKind.Cloze && target.NoteKey is { } note && record.NoteKey == note && record.SourceText is { } text
            && CardIds.ClozeNumber(target.Key) is { } number)
        {
            card = card with
            {
                SourceText = Cloze.WithAlternative(text, number, wording)
                    ?? throw new StoreRefusedException($"“{wording}” cannot be written into a cloze deletion ('|', '::', '{{{{' and '}}}}' mark its parts): add it to the deck file by hand."),
            };
        }
        return record.Id == target.Id ? card with { Answers = [.. card.Answers, wording] } : card;
    }

    /// <summary>
    /// For each student, the answers of the card graded Again or Hard that the card now grades Good are re-counted:
    /// every answer still counted from the first of them on is undone (newest first) and given again in order, at its
    /// own time with its own retention and weights, the re-counted ones as Good; the card's state is the last one's.
    /// </summary>
    private async Task<Dictionary<ulong, int>> RecountReviewsAsync(StudyDbContext db, int cardId, DeckCard card, CancellationToken cancellationToken)
    {
        var log = await db.ReviewLog.Where(l => l.CardId == cardId).OrderBy(l => l.Id).ToListAsync(cancellationToken);
        var undone = log.Where(l => l.UndoesId is not null).Select(l => l.UndoesId!.Value).ToHashSet();
        var regraded = new Dictionary<ulong, int>();
        string? weightsOf(long? fitId) => fitId is { } id ? db.FsrsFits.Where(f => f.Id == id).Select(f => f.Weights).FirstOrDefault() : null;
        foreach (var student in log.Where(l => l.Kind == ReviewKind.Answer && !undone.Contains(l.Id)).GroupBy(l => l.UserId))
        {
            var counted = student.ToList();
            var wrong = counted
                .Where(l => l.Source is ReviewSource.Review or ReviewSource.Quiz && l.Rating is Rating.Again or Rating.Hard
                    && l.AnswerText is { } text && !ChoiceAnswer.TryParseLogText(text, out _) && Grade(card, text) == Rating.Good)
                .Select(l => l.Id)
                .ToHashSet();
            if (wrong.Count == 0)
            {
                continue;
            }
            var state = await db.CardStates.AsTracking().SingleAsync(s => s.UserId == student.Key && s.CardId == cardId, cancellationToken);
            var redo = counted.Where(l => l.Id >= wrong.Min()).ToList();
            var current = state.Memory;
            var entries = new List<ReviewLogEntry>();
            foreach (var answer in Enumerable.Reverse(redo))
            {
                entries.Add(new ReviewLogEntry
                {
                    UserId = answer.UserId,
                    CardId = cardId,
                    Kind = ReviewKind.Undo,
                    Source = answer.Source,
                    InteractionId = $"recount-undo:{answer.Id}",
                    ReviewedUtc = time.GetUtcNow().UtcDateTime,
                    DesiredRetention = answer.DesiredRetention,
                    FsrsFitId = answer.FsrsFitId,
                    UndoesId = answer.Id,
                    Before = current with { },
                    After = answer.Before with { },
                });
                current = answer.Before;
            }
            foreach (var answer in redo)
            {
                var recount = wrong.Contains(answer.Id);
                var rating = recount ? Rating.Good : answer.Rating!.Value;
                var (after, _) = AnswerDecision.Schedule(current.ToStudy(), answer.ReviewedUtc, rating, schedulers.ForEntry(answer, weightsOf(answer.FsrsFitId)));
                var next = CardMemory.From(after);
                entries.Add(new ReviewLogEntry
                {
                    UserId = answer.UserId,
                    CardId = cardId,
                    Kind = ReviewKind.Answer,
                    Source = answer.Source,
                    Rating = rating,
                    AnswerText = answer.AnswerText,
                    Note = recount ? Note : answer.Note,
                    ResponseTimeMs = answer.ResponseTimeMs,
                    InteractionId = $"recount:{answer.Id}",
                    ReviewedUtc = answer.ReviewedUtc,
                    DesiredRetention = answer.DesiredRetention,
                    FsrsFitId = answer.FsrsFitId,
                    ExamUtc = answer.ExamUtc,
                    ExamTarget = answer.ExamTarget,
                    ExamRule = answer.ExamRule,
                    Before = current with { },
                    After = next,
                });
                current = next;
            }
            // One entry at a time: the log's order is its ids' order, and a replay reads it in that order.
            foreach (var entry in entries)
            {
                db.ReviewLog.Add(entry);
                await db.SaveChangesAsync(cancellationToken);
            }
            state.Memory = current with { };
            state.Version++;
            regraded[student.Key] = wrong.Count;
        }
        return regraded;
    }

    /// <summary>Quiz answers to typed questions on the card graded wrong that the card now grades Good become right.</summary>
    private static async Task<List<long>> RescoreQuizzesAsync(StudyDbContext db, int cardId, DeckCard card, CancellationToken cancellationToken)
    {
        var answers = await db.QuizAnswers.AsTracking()
            .Where(a => a.Rating != Rating.Good && a.Rating != Rating.Easy && db.Quizzes.Any(q => q.Id == a.QuizId && q.CardId == cardId && q.Choices == null))
            .ToListAsync(cancellationToken);
        var quizzes = new SortedSet<long>();
        foreach (var answer in answers.Where(a => Grade(card, a.AnswerText) == Rating.Good))
        {
            answer.Rating = Rating.Good;
            quizzes.Add(answer.QuizId);
        }
        return [.. quizzes];
    }
}
