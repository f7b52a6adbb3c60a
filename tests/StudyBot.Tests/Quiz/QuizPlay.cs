using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Decks;
using StudyBot.Emulator;
using StudyBot.Emulator.Interactions;
using StudyBot.Features.Quiz;
using StudyBot.Tests.EndToEnd;

namespace StudyBot.Tests.Quiz;

/// <summary>What students do with a quiz question in the emulator: click a choice, or type into the modal.</summary>
public static class QuizPlay
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(30);

    /// <summary>The question as posted: its row, its card and its message.</summary>
    public sealed record Posted(Data.Entities.Quiz Quiz, DeckCard Card, JsonObject Message)
    {
        /// <summary>The question's choices (a multiple-choice card's, or those made for a basic card); empty for a typed question.</summary>
        public IReadOnlyList<McqChoice> Choices => QuizViews.ChoicesOf(Quiz, Card);

        public string Right => Choices.Count > 0 ? Choices.First(c => c.Correct).Text : Card.Answers[0];

        public string Wrong => Choices.Count > 0 ? Choices.First(c => !c.Correct).Text : "Pyongyang Metro";
    }

    /// <summary>Answers as the student would: the choice's button, or "Type your answer" and the modal.</summary>
    public static async Task<string> AnswerAsync(SimulatedUser student, Posted question, string answer)
        => (await (await SendAsync(student, question, answer)).WaitAsync(_wait)).Content ?? "";

    /// <summary>Opens the answer modal (typed and cloze questions) and returns it unsubmitted.</summary>
    public static async Task<InteractionHandle> OpenModalAsync(SimulatedUser student, Posted question)
    {
        var opened = await student.ClickButtonAsync(MessageView.Id(question.Message), QuizIds.Type.Format(new(question.Quiz.Id)));
        await opened.Callback.WaitAsync(_wait);
        return opened;
    }

    public static async Task<string> SubmitAsync(SimulatedUser student, InteractionHandle opened, string answer)
        => (await (await student.SubmitModalAsync(opened, new Dictionary<string, string> { [QuizIds.AnswerField] = answer })).WaitAsync(_wait)).Content ?? "";

    /// <summary>Waits until the question at <paramref name="position"/> of the session is posted.</summary>
    public static async Task<Posted> QuestionAsync(PlaygroundBot bot, long sessionId, int position)
        => await PostedAsync(bot, q => q.SessionId == sessionId && q.Position == position);

    public static async Task<Posted> PostedAsync(PlaygroundBot bot, System.Linq.Expressions.Expression<Func<Data.Entities.Quiz, bool>> which)
    {
        return await Eventually.ValueAsync(async () =>
        {
            var quiz = await bot.QueryAsync(db => db.Quizzes.AsNoTracking().Where(which).Where(q => q.MessageId != null).OrderByDescending(q => q.Id).FirstOrDefaultAsync());
            if (quiz is null || bot.Emulator.State.FindMessage(quiz.MessageId!.Value.ToString()) is not { } message)
            {
                return null;
            }

            var card = await bot.QueryAsync(db => db.Cards.AsNoTracking().SingleAsync(c => c.Id == quiz.CardId));
            return new Posted(quiz, card.ToDeckCard(), message.Json);
        }, "the question was never posted");
    }

    /// <summary>Waits until the message reads as <paramref name="expected"/> says, and returns it.</summary>
    public static Task<JsonObject> MessageAsync(DiscordEmulator emulator, string messageId, Func<string, bool> expected)
        => Eventually.ValueAsync(
            () => Task.FromResult(emulator.State.FindMessage(messageId) is { } m && expected(MessageView.Text(m.Json)) ? m.Json : null),
            $"message {messageId} never read as expected");

    private static async Task<InteractionHandle> SendAsync(SimulatedUser student, Posted question, string answer)
    {
        if (question.Choices.Count > 0)
        {
            // By the choice's place among the stored choices: long choices have lettered buttons.
            var index = question.Choices.Select((c, i) => (c, i)).First(x => x.c.Text == answer).i;
            return await student.ClickButtonAsync(MessageView.Id(question.Message), QuizIds.Answer.Format(new(question.Quiz.Id, index)));
        }

        var opened = await OpenModalAsync(student, question);
        return await student.SubmitModalAsync(opened, new Dictionary<string, string> { [QuizIds.AnswerField] = answer });
    }
}
