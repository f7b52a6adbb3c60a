using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Answers;
using StudyBot.Core.Decks;
using StudyBot.Data;
using StudyBot.Data.Entities;
using StudyBot.Data.Review;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;
using StudyBot.Features.Shared;
using StudyBot.Hosting;

namespace StudyBot.Features.Quiz;

/// <summary>A posted quiz: its question and when it closes.</summary>
public sealed record PostedQuiz(long QuizId, string MessageId, DateTime ClosesUtc, string Prompt);

/// <summary>What a student's click did.</summary>
public sealed record QuizAnswerOutcome(bool Closed, bool Repeated, bool Right, string Chosen, string Correct);

/// <summary>
/// Channel quizzes: posts a multiple-choice question, records each student's first answer (graded
/// into their own FSRS schedule, source quiz) and closes it at the deadline with the results.
/// </summary>
public sealed class QuizService(
    StudyDbContext db,
    IDbContextFactory<StudyDbContext> contexts,
    ReviewEngine engine,
    DiscordRestClient rest,
    QuizScheduler scheduler,
    StudyClock clock,
    ILogger<QuizService> logger)
{
    public async Task<PostedQuiz> StartAsync(ulong guildId, ulong channelId, string deckKey, int minutes, CancellationToken cancellationToken)
    {
        var deck = await VisibleDecks.FindAsync(db, guildId, deckKey.Trim(), cancellationToken)
            ?? throw new StudyException($"There is no deck '{deckKey}' here; `/deck list` shows them.");
        var candidates = await db.Cards.Where(c => c.DeckId == deck.Id && !c.Retired && c.Kind == CardKind.Mcq).Select(c => c.Id).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            throw new StudyException($"Deck '{deck.Key}' has no multiple-choice cards to quiz on.");
        }

        var pick = candidates[Random.Shared.Next(candidates.Count)];
        var card = await db.Cards.SingleAsync(c => c.Id == pick, cancellationToken);
        var now = clock.UtcNow;
        var quiz = new Data.Entities.Quiz
        {
            GuildId = guildId,
            ChannelId = channelId,
            CardId = card.Id,
            OpenedUtc = now,
            ClosesUtc = now.AddMinutes(minutes),
        };
        await using (var write = await contexts.CreateDbContextAsync(cancellationToken))
        {
            write.Quizzes.Add(quiz);
            await write.SaveChangesAsync(cancellationToken);
        }

        var message = await rest.CreateMessageAsync(channelId, QuizViews.Question(quiz, card.ToDeckCard(), deck.Title), null, cancellationToken);
        await using (var write = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await write.Quizzes.Where(q => q.Id == quiz.Id).ExecuteUpdateAsync(q => q.SetProperty(x => x.MessageId, message.Id.Value), cancellationToken);
        }

        await scheduler.ScheduleCloseAsync(quiz.Id, quiz.ClosesUtc, cancellationToken);
        logger.LogInformation("Quiz {Quiz} posted in channel {Channel} on card {Card}; closes {Closes:u}", quiz.Id, channelId, card.Key, quiz.ClosesUtc);
        return new PostedQuiz(quiz.Id, message.Id.ToString(), quiz.ClosesUtc, card.Prompt);
    }

    public async Task<QuizAnswerOutcome> AnswerAsync(long quizId, ulong userId, int choiceIndex, DateTimeOffset? shownAt, CancellationToken cancellationToken)
    {
        var quiz = await db.Quizzes.FirstOrDefaultAsync(q => q.Id == quizId, cancellationToken)
            ?? throw new StudyException("This quiz no longer exists.");
        var card = (await db.Cards.SingleAsync(c => c.Id == quiz.CardId, cancellationToken)).ToDeckCard();
        if (choiceIndex < 0 || choiceIndex >= card.Choices.Count)
        {
            throw new StudyException("That choice is not part of this quiz.");
        }

        var correct = string.Join(" / ", card.Choices.Where(c => c.Correct).Select(c => c.Text));
        var now = clock.UtcNow;
        var previous = await db.QuizAnswers.FirstOrDefaultAsync(a => a.QuizId == quizId && a.UserId == userId, cancellationToken);
        if (previous is not null)
        {
            return new QuizAnswerOutcome(false, true, previous.Rating >= Core.Scheduling.Rating.Good, previous.AnswerText, correct);
        }

        if (quiz.ClosedUtc is not null || now >= quiz.ClosesUtc)
        {
            return new QuizAnswerOutcome(true, false, false, card.Choices[choiceIndex].Text, correct);
        }

        var key = QuizIds.AnswerKey(quizId, userId);
        var responseTime = shownAt is { } shown && now > shown.UtcDateTime ? now - shown.UtcDateTime : TimeSpan.Zero;
        var result = await engine.AnswerAsync(userId, quiz.CardId, new ChoiceAnswer(choiceIndex), key, responseTime, ReviewSource.Quiz, now, cancellationToken);
        var chosen = card.Choices[choiceIndex].Text;
        if (result.Duplicate)
        {
            // Another click of this student's was graded first and records the quiz answer: report that one.
            var first = await db.ReviewLog.Where(l => l.InteractionId == key).Select(l => l.AnswerText).FirstOrDefaultAsync(cancellationToken);
            var firstChoice = ChoiceAnswer.TryParseLogText(first, out var index) && index < card.Choices.Count ? card.Choices[index].Text : chosen;
            return new QuizAnswerOutcome(false, true, result.Rating >= Core.Scheduling.Rating.Good, firstChoice, correct);
        }

        try
        {
            await using var write = await contexts.CreateDbContextAsync(cancellationToken);
            write.QuizAnswers.Add(new QuizAnswer { QuizId = quizId, UserId = userId, AnswerText = chosen, Rating = result.Rating, AnsweredUtc = now, InteractionId = key });
            await write.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A second click raced the first: the first answer stands, and the engine graded it once.
            return new QuizAnswerOutcome(false, true, result.Rating >= Core.Scheduling.Rating.Good, chosen, correct);
        }

        return new QuizAnswerOutcome(false, false, result.Rating >= Core.Scheduling.Rating.Good, chosen, correct);
    }

    /// <summary>Closes the quiz (once) and edits its message with the results.</summary>
    public async Task CloseAsync(long quizId, CancellationToken cancellationToken)
    {
        await using var write = await contexts.CreateDbContextAsync(cancellationToken);
        var quiz = await write.Quizzes.AsTracking().Include(q => q.Answers).FirstOrDefaultAsync(q => q.Id == quizId, cancellationToken);
        if (quiz is null || quiz.ClosedUtc is not null)
        {
            return;
        }

        quiz.ClosedUtc = clock.UtcNow;
        await write.SaveChangesAsync(cancellationToken);
        var card = await write.Cards.Include(c => c.Deck).SingleAsync(c => c.Id == quiz.CardId, cancellationToken);
        if (quiz.MessageId is { } messageId)
        {
            await rest.EditMessageAsync(quiz.ChannelId, messageId, QuizViews.Results(quiz, card.ToDeckCard(), card.Deck?.Title ?? card.Deck?.Key ?? ""), cancellationToken);
        }

        logger.LogInformation("Quiz {Quiz} closed: {Answers} answers, {Right} right", quizId, quiz.Answers.Count, quiz.Answers.Count(a => a.Rating >= Core.Scheduling.Rating.Good));
    }
}
