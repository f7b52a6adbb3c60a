using System.Globalization;
using System.Text;
using StudyBot.Core.Decks;
using StudyBot.Core.Scheduling;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Quiz;

/// <summary>How a quiz looks while open and after it closes.</summary>
public static class QuizViews
{
    public static MessagePayload Question(Data.Entities.Quiz quiz, DeckCard card, string deckTitle)
        => new MessageBuilder()
            .AddEmbed(e => e
                .WithAuthor(Text.Truncate($"Quiz · {deckTitle}", 256))
                .WithTitle("Question for everyone")
                .WithDescription(Text.Truncate(card.Prompt, 4000))
                .WithColor(Colors.Brand)
                .AddField("Closes", DiscordTime.Relative(quiz.ClosesUtc))
                .WithFooter("Your first click counts, and goes into your own review schedule."))
            .AddActionRow(row =>
            {
                foreach (var index in Order(quiz.Id, card.Choices.Count))
                {
                    row.AddButton(QuizIds.AnswerOf(quiz.Id, index), card.Choices[index].Text);
                }
            })
            .Build();

    public static MessagePayload Results(Data.Entities.Quiz quiz, DeckCard card, string deckTitle)
    {
        var total = quiz.Answers.Count;
        var right = quiz.Answers.Count(a => a.Rating >= Rating.Good);
        var lines = new StringBuilder();
        foreach (var index in Order(quiz.Id, card.Choices.Count))
        {
            var choice = card.Choices[index];
            var votes = quiz.Answers.Count(a => a.AnswerText == choice.Text);
            lines.Append(choice.Correct ? "✅ " : "▫️ ").Append(Text.Truncate(choice.Text, 200)).Append(" — ").Append(votes.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        var summary = total == 0 ? "Nobody answered." : $"{right} of {total} answered correctly ({100.0 * right / total:0}%).";
        return new MessageBuilder()
            .AddEmbed(e =>
            {
                e.WithAuthor(Text.Truncate($"Quiz · {deckTitle}", 256))
                    .WithTitle("Quiz closed")
                    .WithDescription(Text.Truncate(card.Prompt, 3000))
                    .WithColor(Colors.Neutral)
                    .AddField("Results", Text.Truncate(lines.ToString(), 1024))
                    .AddField("Score", summary);
                if (card.Explanation is { Length: > 0 } explanation)
                {
                    e.AddField("From the reading", Text.Truncate(explanation, 1024));
                }
            })
            .Build() with { Components = [] };
    }

    public static string AnswerReply(QuizAnswerOutcome outcome) => outcome switch
    {
        { Closed: true } => "This quiz has closed; your answer was not counted.",
        { Repeated: true } => $"You already answered: **{outcome.Chosen}**. Only your first answer counts.",
        { Right: true } => $"Recorded: **{outcome.Chosen}** is right! It also counts as a review of this card.",
        _ => $"Recorded: **{outcome.Chosen}**. The results are shown when the quiz closes.",
    };

    /// <summary>The same shuffled order for everyone and for the results: seeded by the quiz id.</summary>
    private static int[] Order(long quizId, int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(unchecked((int)quizId * 7919)).Shuffle(order);
        return order;
    }
}
