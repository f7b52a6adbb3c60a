using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Answers;
using StudyBot.Core.Decks;
using StudyBot.Data;
using StudyBot.Data.Review;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;
using StudyBot.Features.Shared;
using StudyBot.Hosting;
using StudyBot.Observability;

namespace StudyBot.Features.Quiz;

/// <summary>What a student's answer did.</summary>
public sealed record QuizAnswerOutcome(bool Closed, bool Repeated, bool Right, string Chosen, string Correct, string? Note = null);

/// <summary>How closing a question went.</summary>
public enum QuestionClose
{
    /// <summary>Closed now, its message shows the results.</summary>
    Closed,
    /// <summary>Someone closed it before (a repeated trigger, or /quiz stop).</summary>
    AlreadyClosed,
    /// <summary>Closed, but its message or channel no longer exists.</summary>
    Gone,
}

/// <summary>How posting a question went.</summary>
public enum QuestionPost
{
    Posted,
    /// <summary>The channel is gone or hidden from the bot; the question is closed as skipped.</summary>
    Gone,
    /// <summary>Discord refused the post for missing permissions (50013); nothing was stored about it.</summary>
    Refused,
}

/// <summary>
/// One question in a channel, for a session or the question of the day: posts it, records each
/// member's first answer (graded into their own FSRS schedule, source quiz, in the same transaction)
/// and closes it with the results.
/// </summary>
public sealed class QuizQuestions(
    StudyDbContext db,
    IDbContextFactory<StudyDbContext> contexts,
    ReviewEngine engine,
    DiscordRestClient rest,
    StudyClock clock,
    ILogger<QuizQuestions> logger)
{
    /// <summary>Posts <paramref name="quiz"/> (saved, without a message yet) and stores its message id.</summary>
    public async Task<QuestionPost> PostAsync(Data.Entities.Quiz quiz, QuestionFrame frame, CancellationToken cancellationToken)
    {
        var card = await db.Cards.AsNoTracking().SingleAsync(c => c.Id == quiz.CardId, cancellationToken);
        var opened = clock.UtcNow > quiz.OpenedUtc ? clock.UtcNow : quiz.OpenedUtc;
        Message message;
        try
        {
            var (question, files) = CardImages.Show(QuizViews.Question(quiz, card.ToDeckCard(), frame), await CardImages.ForCardAsync(db, card.Id, cancellationToken));
            message = await rest.CreateMessageAsync(quiz.ChannelId, question with { Attachments = null }, files, cancellationToken);
        }
        catch (DiscordApiException e) when (IsGone(e))
        {
            logger.LogInformation("Quiz question {Quiz}: channel {Channel} is gone ({Code}); closing it quietly", quiz.Id, quiz.ChannelId, e.Code);
            await using var gone = await contexts.CreateDbContextAsync(cancellationToken);
            HostMetrics.QuestionsSkipped(await gone.Quizzes.Where(q => q.Id == quiz.Id).ExecuteUpdateAsync(q => q.SetProperty(x => x.ClosedUtc, clock.UtcNow).SetProperty(x => x.Skipped, true), cancellationToken));
            return QuestionPost.Gone;
        }
        catch (DiscordApiException e) when (ChannelAccess.IsRefused(e))
        {
            logger.LogWarning("Quiz question {Quiz}: Discord refused the post in channel {Channel} for missing permissions ({Code})", quiz.Id, quiz.ChannelId, e.Code);
            HostMetrics.RefusedPost(quiz.Daily ? "daily" : "quiz");
            return QuestionPost.Refused;
        }

        quiz.MessageId = message.Id.Value;
        quiz.OpenedUtc = opened;
        await using var write = await contexts.CreateDbContextAsync(cancellationToken);
        await write.Quizzes.Where(q => q.Id == quiz.Id)
            .ExecuteUpdateAsync(q => q.SetProperty(x => x.MessageId, message.Id.Value).SetProperty(x => x.OpenedUtc, opened), cancellationToken);
        return QuestionPost.Posted;
    }

    public async Task<DeckCard> CardOfAsync(long quizId, CancellationToken cancellationToken)
    {
        var cardId = await db.Quizzes.Where(q => q.Id == quizId).Select(q => (int?)q.CardId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new RefusalException("This quiz no longer exists.");
        return (await db.Cards.SingleAsync(c => c.Id == cardId, cancellationToken)).ToDeckCard();
    }

    /// <summary>
    /// Records a student's answer to a question: the first is graded into their schedule and saved
    /// with the quiz answer in one transaction (one read, one write); later ones get the first back.
    /// </summary>
    public async Task<QuizAnswerOutcome> AnswerAsync(long quizId, ulong userId, StudentAnswer answer, CancellationToken cancellationToken)
    {
        var result = await engine.AnswerQuizAsync(userId, quizId, answer, QuizIds.AnswerKey(quizId, userId), clock.UtcNow, (card, stored) => Form(card, stored, answer), cancellationToken);
        var correct = QuizViews.CorrectAnswer(result.Card);
        return result.Status switch
        {
            QuizAnswerStatus.Closed => new QuizAnswerOutcome(true, false, false, result.AnswerText, correct),
            QuizAnswerStatus.Repeated => new QuizAnswerOutcome(false, true, result.Rating is { } rating && QuizViews.IsRight(rating), result.AnswerText, correct),
            _ => new QuizAnswerOutcome(false, false, QuizViews.IsRight(result.Answer!.Rating), result.AnswerText, correct, result.Answer.Note),
        };
    }

    /// <summary>
    /// What an answer is graded as and what the quiz row records: a basic card asked as multiple choice
    /// (its choices stored with the question) grades the button's text as typed (its wrong choices are
    /// never ones the grader accepts); otherwise the answer as given, refused when it does not fit the card.
    /// </summary>
    private static QuizAnswerForm Form(DeckCard card, string? stored, StudentAnswer answer)
    {
        if (answer is ChoiceAnswer pick && stored is not null)
        {
            var choices = QuizForms.Read(stored);
            var chosen = pick.Index >= 0 && pick.Index < choices.Count ? choices[pick.Index] : throw new RefusalException("That answer does not fit this question.");
            return new QuizAnswerForm(new TypedAnswer(chosen), Text.Truncate(chosen, QuizChoiceText));
        }

        return answer switch
        {
            ChoiceAnswer choice when card.Kind == CardKind.Mcq && choice.Index >= 0 && choice.Index < card.Choices.Count => new QuizAnswerForm(answer, card.Choices[choice.Index].Text),
            TypedAnswer typed when card.Kind is CardKind.Typed or CardKind.Cloze or CardKind.Basic => new QuizAnswerForm(answer, Text.Truncate(typed.Text.Trim(), 200)),
            _ => throw new RefusalException("That answer does not fit this question."),
        };
    }

    /// <summary>A chosen answer is stored whole (up to the column's size), so the results count the votes for each choice.</summary>
    private const int QuizChoiceText = 4000;

    /// <summary>Closes the question once and edits its message with the results.</summary>
    /// <param name="resume">
    /// A run that finishes an interrupted one (its node died after the claim): the results are shown
    /// again even though the question is closed, since editing a message to the same results is harmless.
    /// </param>
    public async Task<QuestionClose> CloseAsync(long quizId, CancellationToken cancellationToken, bool resume = false)
    {
        await using var write = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.UtcNow;
        // The conditional update is the claim: of a trigger and /quiz stop racing, one closes.
        if (await write.Quizzes.Where(q => q.Id == quizId && q.ClosedUtc == null).ExecuteUpdateAsync(q => q.SetProperty(x => x.ClosedUtc, now), cancellationToken) == 0
            && !resume)
        {
            return QuestionClose.AlreadyClosed;
        }

        var quiz = await write.Quizzes.Include(q => q.Answers).SingleAsync(q => q.Id == quizId, cancellationToken);
        if (!resume)
        {
            HostMetrics.QuestionClosed(quiz.Daily, now - quiz.ClosesUtc);
        }
        if (quiz.MessageId is not { } messageId)
        {
            return QuestionClose.Closed;
        }

        return await ShowResultsAsync(write, quiz, messageId, cancellationToken) ? QuestionClose.Closed : QuestionClose.Gone;
    }

    /// <summary>A closed question's results shown again, after its answers were re-scored (an instructor accepted a wording).</summary>
    public async Task ShowResultsAgainAsync(long quizId, CancellationToken cancellationToken)
    {
        await using var read = await contexts.CreateDbContextAsync(cancellationToken);
        var quiz = await read.Quizzes.Include(q => q.Answers).SingleOrDefaultAsync(q => q.Id == quizId, cancellationToken);
        if (quiz is { ClosedUtc: not null, Skipped: false, MessageId: { } messageId })
        {
            await ShowResultsAsync(read, quiz, messageId, cancellationToken);
        }
    }

    /// <summary>Edits the question's message to its results; false when the message or its channel is gone.</summary>
    private async Task<bool> ShowResultsAsync(StudyDbContext read, Data.Entities.Quiz quiz, ulong messageId, CancellationToken cancellationToken)
    {
        var card = await read.Cards.Include(c => c.Deck).SingleAsync(c => c.Id == quiz.CardId, cancellationToken);
        try
        {
            var results = QuizViews.Results(quiz, card.ToDeckCard(), card.Deck?.Title ?? "");
            // The question's upload stays on its message; the results point at it again.
            if (await CardImages.ForCardAsync(read, card.Id, cancellationToken) is { } image)
            {
                results = CardImages.Point(results, image);
            }
            await rest.EditMessageAsync(quiz.ChannelId, messageId, results, cancellationToken);
        }
        catch (DiscordApiException e) when (IsGone(e))
        {
            logger.LogInformation("Quiz question {Quiz}: its message or channel {Channel} is gone ({Code}); closing it quietly", quiz.Id, quiz.ChannelId, e.Code);
            return false;
        }

        return true;
    }

    /// <summary>
    /// The distinct wordings of a closed typed question's answers graded wrong (case and spaces aside), most given
    /// first, each with one of its answers' ids and how many gave it; nothing while the question is open.
    /// </summary>
    public async Task<(Data.Entities.Quiz? Quiz, IReadOnlyList<WrongWording> Wordings)> WrongWordingsAsync(long quizId, CancellationToken cancellationToken)
    {
        var quiz = await db.Quizzes.AsNoTracking().Include(q => q.Answers).SingleOrDefaultAsync(q => q.Id == quizId, cancellationToken);
        if (quiz is null || quiz.ClosedUtc is null)
        {
            return (quiz, []);
        }

        return (quiz, QuizViews.WrongWordings(quiz));
    }

    /// <summary>The message or channel was deleted, or the bot can no longer see the channel.</summary>
    public static bool IsGone(DiscordApiException e)
        => e.Code is DiscordErrorCode.UnknownMessage or DiscordErrorCode.UnknownChannel or DiscordErrorCode.MissingAccess || e.Status == HttpStatusCode.NotFound;
}
