using StudyBot.Core.Decks;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Study;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Review;

/// <summary>How review screens look: one embed per card, buttons for every way to answer.</summary>
public static class ReviewViews
{
    public const string DoneText = "Nothing more is due today. Well done! Come back tomorrow, or try `/review` with another deck.";

    public static MessagePayload Prompt(ReviewPrompt prompt, bool ephemeral)
    {
        var builder = new MessageBuilder().AddEmbed(e => CardEmbed(e, prompt).WithColor(Colors.Brand));
        var card = prompt.Card;
        switch (card.Kind)
        {
            case CardKind.Mcq:
                builder.AddActionRow(row =>
                {
                    foreach (var index in ShuffledChoices(prompt))
                    {
                        row.AddButton(ReviewIds.ChoiceOf(prompt.CardId, prompt.Nonce, index, prompt.Scope), card.Choices[index].Text, ButtonStyle.Secondary);
                    }
                });
                break;
            case CardKind.Typed:
                builder.AddActionRow(row => row.AddButton(ReviewIds.Prompt(ReviewIds.Type, prompt.CardId, prompt.Nonce, prompt.Scope), "Answer", ButtonStyle.Primary));
                break;
            case CardKind.Cloze:
                builder.AddActionRow(row => row
                    .AddButton(ReviewIds.Prompt(ReviewIds.Type, prompt.CardId, prompt.Nonce, prompt.Scope), "Type the blank", ButtonStyle.Primary)
                    .AddButton(ReviewIds.Prompt(ReviewIds.ShowAnswer, prompt.CardId, prompt.Nonce, prompt.Scope), "Show answer", ButtonStyle.Secondary));
                break;
            default:
                builder.AddActionRow(row => row.AddButton(ReviewIds.Prompt(ReviewIds.ShowAnswer, prompt.CardId, prompt.Nonce, prompt.Scope), "Show answer", ButtonStyle.Primary));
                break;
        }

        return builder.Ephemeral(ephemeral).Build();
    }

    public static MessagePayload Reveal(ReviewReveal reveal)
    {
        var prompt = reveal.Prompt;
        return new MessageBuilder()
            .AddEmbed(e =>
            {
                CardEmbed(e, prompt).WithColor(Colors.Neutral).AddField("Answer", Text.Truncate(string.Join(" / ", prompt.Card.Answers), 1024));
                if (prompt.Card.Explanation is { Length: > 0 } explanation)
                {
                    e.AddField("From the reading", Text.Truncate(explanation, 1024));
                }

                e.WithFooter("How well did you remember it? Each button shows when you will see the card again.");
            })
            .AddActionRow(row =>
            {
                foreach (var (rating, interval) in reveal.Intervals)
                {
                    row.AddButton(ReviewIds.GradeOf(prompt.CardId, prompt.Nonce, rating, prompt.Scope), $"{rating} · {DiscordTime.Interval(interval)}", GradeStyle(rating));
                }
            })
            .Build();
    }

    public static MessagePayload Outcome(ReviewOutcome outcome)
    {
        var result = outcome.Result;
        var card = outcome.Prompt.Card;
        var (title, color) = Verdict(outcome.Given is null, result.Rating);
        return new MessageBuilder()
            .AddEmbed(e =>
            {
                e.WithTitle(title).WithColor(color).WithDescription(Text.Truncate(card.Prompt, 4000));
                if (card.Kind == CardKind.Mcq && ChosenText(card, outcome.Given) is { } chosen)
                {
                    e.AddField("You chose", Text.Truncate(chosen, 1024), inline: true);
                }
                else if (card.Kind is CardKind.Typed or CardKind.Cloze && outcome.Given is { Length: > 0 } typed)
                {
                    e.AddField("You answered", Text.Truncate(typed, 1024), inline: true);
                }

                e.AddField("Answer", Text.Truncate(string.Join(" / ", card.Answers), 1024), inline: true);
                if (result.Note is { Length: > 0 } note && result.Rating != Rating.Good)
                {
                    e.AddField("Note", Text.Truncate(note, 1024));
                }

                if (card.Explanation is { Length: > 0 } explanation)
                {
                    e.AddField("From the reading", Text.Truncate(explanation, 1024));
                }

                e.AddField("Next review", $"in {DiscordTime.Interval(result.NextDueUtc - outcome.AnsweredUtc)} · {DiscordTime.Full(result.NextDueUtc)}");
                if (result.LeechMessage is { } leech)
                {
                    e.AddField("Leech", Text.Truncate(leech, 1024));
                }
            })
            .AddActionRow(row => row
                .AddButton(ReviewIds.NextOf(outcome.Prompt.Scope), "Next card", ButtonStyle.Primary)
                .AddButton(ReviewIds.UndoOf(result.LogId, outcome.Prompt.Scope), "Undo", ButtonStyle.Secondary))
            .Build();
    }

    public static MessagePayload Done(bool ephemeral)
        => new MessageBuilder()
            .AddEmbed(e => e.WithTitle("All caught up").WithDescription(DoneText).WithColor(Colors.Right))
            .Ephemeral(ephemeral)
            .Build();

    public static InteractionCallbackData AnswerModal(ReviewPrompt prompt)
        => new ModalBuilder(ReviewIds.Prompt(ReviewIds.Modal, prompt.CardId, prompt.Nonce, prompt.Scope), prompt.Card.Kind == CardKind.Cloze ? "Fill in the blank" : "Your answer")
            .AddTextInput(ReviewIds.AnswerField, "Answer", TextInputStyle.Short, required: true, maxLength: 200, placeholder: Text.Truncate(prompt.Card.Prompt, 100))
            .Build();

    /// <summary>The choices' file-order indexes in the order shown: shuffled, but the same each time this prompt is drawn.</summary>
    public static IReadOnlyList<int> ShuffledChoices(ReviewPrompt prompt)
    {
        var order = Enumerable.Range(0, prompt.Card.Choices.Count).ToArray();
        new Random(HashCode.Combine(prompt.CardId, prompt.Nonce)).Shuffle(order);
        return order;
    }

    private static EmbedBuilder CardEmbed(EmbedBuilder embed, ReviewPrompt prompt)
        => embed
            .WithAuthor(Text.Truncate($"{prompt.DeckTitle} · {QueueName(prompt.Queue)}", 256))
            .WithDescription(Text.Truncate(prompt.Card.Prompt, 4000))
            .WithFooter(prompt.Card.Kind switch
            {
                CardKind.Mcq => "Pick one answer.",
                CardKind.Typed => "Press Answer and type it.",
                CardKind.Cloze => prompt.Card.Hint is { Length: > 0 } hint ? $"Hint: {Text.Truncate(hint, 200)}" : "Fill in the blank.",
                _ => "Think of the answer, then show it.",
            });

    private static string QueueName(QueueKind queue) => queue switch
    {
        QueueKind.New => "new card",
        QueueKind.Review => "review",
        _ => "learning",
    };

    private static (string Title, int Color) Verdict(bool selfGraded, Rating rating) => (selfGraded, rating) switch
    {
        (true, Rating.Again) => ("Graded: Again", Colors.Wrong),
        (true, Rating.Hard) => ("Graded: Hard", Colors.Near),
        (true, _) => ($"Graded: {rating}", Colors.Right),
        (false, Rating.Good or Rating.Easy) => ("Right!", Colors.Right),
        (false, Rating.Hard) => ("Almost: counted as Hard", Colors.Near),
        _ => ("Not quite", Colors.Wrong),
    };

    private static string? ChosenText(DeckCard card, string? given)
        => given is { } text && text.StartsWith("choice ", StringComparison.Ordinal) && int.TryParse(text[7..], out var index) && index >= 0 && index < card.Choices.Count
            ? card.Choices[index].Text
            : null;

    private static ButtonStyle GradeStyle(Rating rating) => rating switch
    {
        Rating.Again => ButtonStyle.Danger,
        Rating.Good => ButtonStyle.Success,
        Rating.Easy => ButtonStyle.Primary,
        _ => ButtonStyle.Secondary,
    };
}
