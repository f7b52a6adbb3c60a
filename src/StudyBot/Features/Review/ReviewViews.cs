using System.Globalization;
using StudyBot.Core.Answers;
using StudyBot.Core.Decks;
using StudyBot.Core.Decks.Formats;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Study;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Review;

/// <summary>
/// How review screens look: one embed per card, buttons for every way to answer. Each part of a
/// screen is cut to its share of the embed (<see cref="CardScreens"/>), which deck validation
/// checks every card against, so every screen of a valid card can be shown.
/// </summary>
public static class ReviewViews
{
    public const string DoneText = "Nothing more is due today. Well done! Come back tomorrow, or try `/review` with another deck.";

    public const string OverrideLabel = "I was right";

    public static MessagePayload Prompt(ReviewPrompt prompt, bool ephemeral)
    {
        var builder = new MessageBuilder().AddEmbed(e => CardEmbed(e, prompt).WithColor(Colors.Brand)
            .AddFieldIf(prompt.Exams.Count > 0, "Exam", () => Text.Truncate(string.Join("\n", prompt.Exams), CardScreens.FieldValue)));
        var card = prompt.Card;
        switch (card.Kind)
        {
            case CardKind.Mcq:
                builder.AddActionRow(row =>
                {
                    foreach (var index in ShuffledChoices(prompt))
                    {
                        row.AddButton(ReviewIds.Choice.Format(new(prompt.CardId, prompt.Nonce, index, prompt.Scope)), card.Choices[index].Text, ButtonStyle.Secondary);
                    }
                });
                break;
            case CardKind.Typed:
                builder.AddActionRow(row => row.AddButton(ReviewIds.Type.Format(new(prompt.CardId, prompt.Nonce, prompt.Scope)), "Answer", ButtonStyle.Primary));
                break;
            case CardKind.Cloze:
                builder.AddActionRow(row => row
                    .AddButton(ReviewIds.Type.Format(new(prompt.CardId, prompt.Nonce, prompt.Scope)), "Type the blank", ButtonStyle.Primary)
                    .AddButton(ReviewIds.ShowAnswer.Format(new(prompt.CardId, prompt.Nonce, prompt.Scope)), "Show answer", ButtonStyle.Secondary));
                break;
            default:
                builder.AddActionRow(row => row.AddButton(ReviewIds.ShowAnswer.Format(new(prompt.CardId, prompt.Nonce, prompt.Scope)), "Show answer", ButtonStyle.Primary));
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
                CardEmbed(e, prompt).WithColor(Colors.Neutral).WithDescription(Text.Truncate(Body(prompt.Card, revealed: true), DiscordLimits.EmbedDescriptionLength));
                e.AddField("Answer", Text.Truncate(CardScreens.ShownAnswer(prompt.Card), CardScreens.FieldValue));
                if (prompt.Card.Explanation is { Length: > 0 } explanation)
                {
                    e.AddField("From the reading", Text.Truncate(explanation, CardScreens.FieldValue));
                }

                e.WithFooter("How well did you remember it? Each button shows when you will see the card again.");
            })
            .AddActionRow(row =>
            {
                foreach (var (rating, interval) in reveal.Intervals)
                {
                    row.AddButton(ReviewIds.Grade.Format(new(prompt.CardId, prompt.Nonce, rating, prompt.Scope)), $"{rating} · {DiscordTime.Interval(interval)}", GradeStyle(rating));
                }
            })
            .Build();
    }

    public static MessagePayload Outcome(ReviewOutcome outcome)
    {
        var result = outcome.Result;
        var card = outcome.Prompt.Card;
        var (title, color) = outcome.Overridden ? ("Counted as right", Colors.Right) : Verdict(outcome.Given is null, result.Rating);
        var typed = card.Kind is CardKind.Typed or CardKind.Cloze && outcome.Given is not null;
        return new MessageBuilder()
            .AddEmbed(e =>
            {
                e.WithTitle(title).WithColor(color).WithDescription(Text.Truncate(Body(card, revealed: card.Kind == CardKind.Cloze), DiscordLimits.EmbedDescriptionLength));
                if (card.Kind == CardKind.Mcq && ChosenText(card, outcome.Given) is { } chosen)
                {
                    e.AddField("You chose", Text.Truncate(chosen, CardScreens.Given), inline: true);
                }
                else if (typed && outcome.Given is { Length: > 0 } given)
                {
                    e.AddField("You answered", Text.Truncate(given, CardScreens.Given), inline: true);
                }

                // The card's first answer, once: never every accepted variant joined.
                e.AddField("Answer", Text.Truncate(CardScreens.ShownAnswer(card), CardScreens.FieldValue), inline: true);
                if (NoteFor(outcome) is { } note)
                {
                    e.AddField(result.Rating == Rating.Hard && !outcome.Overridden ? "Why Hard" : "Note", Text.Truncate(note, CardScreens.Note));
                }

                if (card.Explanation is { Length: > 0 } explanation)
                {
                    e.AddField("From the reading", Text.Truncate(explanation, CardScreens.FieldValue));
                }

                e.AddField("Next review", $"in {DiscordTime.Interval(result.NextDueUtc - outcome.AnsweredUtc)} · {DiscordTime.Full(result.NextDueUtc)}");
                if (result.LeechMessage is { } leech)
                {
                    e.AddField("Leech", Text.Truncate(leech, CardScreens.Leech));
                }

                if (outcome.Left is { } left)
                {
                    e.WithFooter(left.LeftToday());
                }
            })
            .AddActionRow(row =>
            {
                row.AddButton(ReviewIds.Next.Format(new(outcome.Prompt.Scope)), "Next card", ButtonStyle.Primary)
                    .AddButton(ReviewIds.Undo.Format(new(result.LogId, outcome.Prompt.Scope)), "Undo", ButtonStyle.Secondary);
                // A typed answer the grader refused may still be right: the student can say so, and instructors see it.
                // An empty answer (or spaces, punctuation, emoji) was right about nothing.
                if (typed && !outcome.Overridden && result.Rating is Rating.Again or Rating.Hard && OverrideAnswer.CanOverride(outcome.Given))
                {
                    row.AddButton(ReviewIds.Override.Format(new(result.LogId, outcome.Prompt.Scope)), OverrideLabel, ButtonStyle.Secondary);
                }
            })
            .Build();
    }

    /// <summary>
    /// No card is due now. A learning card back within the hour: say when, and offer to wait for it
    /// (Next card shows it once due). Otherwise the day is done. Either way, sum up the session.
    /// </summary>
    public static MessagePayload End(ReviewEnd end)
    {
        var summary = end.Session is { } session ? SessionText(session) : null;
        if (end.NextDueUtc is { } due)
        {
            // One rounding for the title and the text (DiscordTime.Minutes, as the answer's "Next review"):
            // a client's relative time rounds its own way and could say a minute less than the title.
            var minutes = DiscordTime.Minutes(due - end.NowUtc);
            var wait = $"{minutes} minute{(minutes == 1 ? "" : "s")}";
            return new MessageBuilder()
                .AddEmbed(e =>
                {
                    e.WithTitle($"Next card in {wait}").WithColor(Colors.Brand)
                        .WithDescription($"A card you are learning comes back in {wait}, at {DiscordTime.Clock(due)}; nothing else is due now. Wait here and press **Next card** when it is due.");
                    if (end.Left is { } left)
                    {
                        e.WithFooter(left.LeftToday());
                    }
                    if (summary is not null)
                    {
                        e.AddField("This session so far", summary);
                    }
                })
                .AddActionRow(row => row.AddButton(ReviewIds.Next.Format(new(end.Scope)), "Next card", ButtonStyle.Primary))
                .Build();
        }

        return new MessageBuilder()
            .AddEmbed(e =>
            {
                e.WithTitle("All caught up").WithDescription(DoneText).WithColor(Colors.Right);
                if (summary is not null)
                {
                    e.AddField("This session", summary);
                }
            })
            .Build();
    }

    /// <summary>The answer window: the question as its title when it fits, otherwise (and for a cloze, the whole sentence with its gap) in its body.</summary>
    public static InteractionCallbackData AnswerModal(ReviewPrompt prompt)
    {
        var builder = new ModalBuilder(ReviewIds.Modal.Format(new(prompt.CardId, prompt.Nonce, prompt.Scope)), Core.Decks.AnswerModal.TitleFor(prompt.Card));
        if (Core.Decks.AnswerModal.BodyFor(prompt.Card) is { } body)
        {
            builder.AddText(Text.Truncate(body, DiscordLimits.TextDisplayLength));
        }

        return builder
            .AddTextInput(ReviewIds.AnswerField, prompt.Card.Kind == CardKind.Cloze ? "The missing words" : "Answer", TextInputStyle.Short, required: true, maxLength: CardScreens.Given)
            .Build();
    }

    /// <summary>The choices' file-order indexes in the order shown: shuffled, but the same each time this prompt is drawn.</summary>
    public static IReadOnlyList<int> ShuffledChoices(ReviewPrompt prompt)
    {
        var order = Enumerable.Range(0, prompt.Card.Choices.Count).ToArray();
        new Random(HashCode.Combine(prompt.CardId, prompt.Nonce)).Shuffle(order);
        return order;
    }

    private static EmbedBuilder CardEmbed(EmbedBuilder embed, ReviewPrompt prompt)
        => embed
            .WithAuthor(Text.Truncate($"{prompt.DeckTitle} · {QueueName(prompt.Queue)}{(prompt.Left is { } left ? $" · {left.Total} left today: {left}" : "")}", CardScreens.Author))
            .WithDescription(Text.Truncate(prompt.Card.Prompt, DiscordLimits.EmbedDescriptionLength))
            .WithFooter(prompt.Card.Kind switch
            {
                CardKind.Mcq => "Pick one answer.",
                CardKind.Typed => "Press Answer and type it.",
                CardKind.Cloze => prompt.Card.Hint is { Length: > 0 } hint ? $"Hint: {Text.Truncate(hint, CardScreens.Hint)}" : "Fill in the blank.",
                _ => "Think of the answer, then show it.",
            });

    /// <summary>The card's text: the prompt, or for a cloze card once answered the whole sentence.</summary>
    private static string Body(DeckCard card, bool revealed)
        => revealed && card.Kind == CardKind.Cloze && card.SourceText is { } source ? Cloze.Reveal(source) : card.Prompt;

    /// <summary>What the student is told about the grade: why a near miss was Hard, the expected form, or an override.</summary>
    private static string? NoteFor(ReviewOutcome outcome)
    {
        if (outcome.Overridden)
        {
            return "Counted as Good at your word. Your instructors see the answer, so the card can accept it next time. Undo takes it back.";
        }

        return outcome.Result.Note is { Length: > 0 } note && !note.StartsWith("expected: ", StringComparison.Ordinal) ? note : null;
    }

    private static string SessionText(SessionSummary session)
    {
        var minutes = (int)Math.Round(session.Time.TotalMinutes);
        var time = minutes < 1 ? "under a minute" : minutes == 1 ? "1 minute" : $"{minutes} minutes";
        return string.Create(CultureInfo.InvariantCulture, $"{session.Reviewed} card{(session.Reviewed == 1 ? "" : "s")} reviewed, {session.Right} right, in {time}.");
    }

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
