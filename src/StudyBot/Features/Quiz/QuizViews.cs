using System.Globalization;
using System.Text;
using StudyBot.Core.Decks;
using StudyBot.Core.Scheduling;
using StudyBot.Data.Entities;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Quiz;

/// <summary>What surrounds a question: who asks it, and anything shown beside it (yesterday's results).</summary>
public sealed record QuestionFrame(string Author, string Title, string Footer, IReadOnlyList<(string Name, string Value)> Fields);

/// <summary>One line of a scoreboard.</summary>
public sealed record ScoreLine(ulong UserId, int Right, int Answered, TimeSpan RightTime);

/// <summary>One wrong wording of a typed question: how it was written first, one of its answers' ids, and how many gave it.</summary>
public sealed record WrongWording(string Text, long AnswerId, int Count);

/// <summary>How quiz questions look while open, after they close, and the scoreboard.</summary>
public static class QuizViews
{
    private const int ButtonLabel = 80;

    public static bool IsRight(Rating rating) => rating != Rating.Again;

    /// <summary>The right answer as a student would write it: the correct choices, or the card's first answer (not every accepted variant).</summary>
    public static string CorrectAnswer(DeckCard card) => CardScreens.ShownAnswer(card);

    public static MessagePayload Question(Data.Entities.Quiz quiz, DeckCard card, QuestionFrame frame)
    {
        var builder = new MessageBuilder()
            .AddEmbed(e =>
            {
                e.WithAuthor(Text.Truncate(frame.Author, 256))
                    .WithTitle(Text.Truncate(frame.Title, 256))
                    .WithDescription(Text.Truncate(card.Prompt, 3000))
                    .WithColor(Colors.Brand)
                    // An absolute time: a relative one would read "1 second ago" once the deadline passed.
                    .AddField("Closes at", quiz.Daily ? DiscordTime.Full(quiz.ClosesUtc) : DiscordTime.Clock(quiz.ClosesUtc), inline: true);
                if (card.Kind == CardKind.Cloze && card.Hint is { Length: > 0 } hint)
                {
                    e.AddField("Hint", Text.Truncate(hint, 1024), inline: true);
                }

                foreach (var (name, value) in frame.Fields)
                {
                    e.AddField(Text.Truncate(name, 256), Text.Truncate(value, 1024));
                }

                e.WithFooter(Text.Truncate(frame.Footer, 2048));
            });
        var choices = ChoicesOf(quiz, card);
        if (choices.Count > 0)
        {
            var order = Order(quiz.Id, choices.Count);
            // Answers longer than a button's label are listed in the question, the buttons lettered.
            var lettered = choices.Any(c => c.Text.Length > ButtonLabel);
            if (lettered)
            {
                builder.AddEmbed(e => e.WithTitle("Choices").WithColor(Colors.Brand)
                    .WithDescription(Text.Truncate(string.Join('\n', order.Select((index, i) => $"**{Letter(i)}.** {Text.Truncate(choices[index].Text, 900)}")), 4000)));
            }

            builder.AddActionRow(row =>
            {
                for (var i = 0; i < order.Length; i++)
                {
                    row.AddButton(QuizIds.Answer.Format(new(quiz.Id, order[i])), lettered ? Letter(i) : Text.Truncate(choices[order[i]].Text, ButtonLabel));
                }
            });
        }
        else
        {
            builder.AddActionRow(row => row.AddButton(QuizIds.Type.Format(new(quiz.Id)), "Type your answer", ButtonStyle.Primary));
        }

        return builder.Build();
    }

    /// <summary>The answer window: the question as its title when it fits, otherwise (and a cloze's whole sentence with its gap) in its body.</summary>
    public static InteractionCallbackData AnswerModal(long quizId, DeckCard card)
    {
        var builder = new ModalBuilder(QuizIds.Modal.Format(new(quizId)), Core.Decks.AnswerModal.TitleFor(card));
        if (Core.Decks.AnswerModal.BodyFor(card) is { } body)
        {
            builder.AddText(Text.Truncate(body, DiscordLimits.TextDisplayLength));
        }

        return builder.AddTextInput(QuizIds.AnswerField, "Answer", TextInputStyle.Short, required: true, maxLength: CardScreens.Given).Build();
    }

    public static MessagePayload Results(Data.Entities.Quiz quiz, DeckCard card, string deckTitle)
    {
        var total = quiz.Answers.Count;
        var right = quiz.Answers.Count(a => IsRight(a.Rating));
        var summary = total == 0 ? "Nobody answered." : $"{right} of {total} answered correctly ({100.0 * right / total:0}%).";
        var message = new MessageBuilder()
            .AddEmbed(e =>
            {
                e.WithAuthor(Text.Truncate($"{(quiz.Daily ? "Question of the day" : "Quiz")} · {deckTitle}", 256))
                    .WithTitle(quiz.Daily ? "Question of the day: closed" : $"Question {quiz.Position + 1}: closed")
                    .WithDescription(Text.Truncate(card.Prompt, 3000))
                    .WithColor(Colors.Neutral)
                    .AddField(ChoicesOf(quiz, card).Count > 0 ? "Answers" : "Answer", Text.Truncate(AnswerLines(quiz, card), 1024))
                    .AddField("Score", summary);
                if (Fastest(quiz) is { } fastest)
                {
                    e.AddField("Fastest right answer", fastest, inline: true);
                }

                if (card.Explanation is { Length: > 0 } explanation)
                {
                    e.AddField("From the reading", Text.Truncate(explanation, 1024));
                }
            })
            .Build();
        // A typed question's wrong wordings stay behind a button: instructors see them privately and may accept one.
        var wrong = ChoicesOf(quiz, card).Count == 0 && WrongWordings(quiz).Count > 0;
        return message with
        {
            Components = wrong
                ? new MessageBuilder().AddActionRow(r => r.AddButton(QuizIds.WrongAnswers.Format(new(quiz.Id)), WrongAnswersLabel)).Build().Components
                : [],
        };
    }

    public const string WrongAnswersLabel = "Wrong answers (instructors)";

    /// <summary>Discord allows five rows of five buttons.</summary>
    private const int MaxAcceptButtons = 25;

    /// <summary>The distinct wrong wordings of a question (case, spaces and end punctuation aside), most given first; none that answer nothing.</summary>
    public static IReadOnlyList<WrongWording> WrongWordings(Data.Entities.Quiz quiz)
        => [.. quiz.Answers
            .Where(a => !IsRight(a.Rating))
            .Where(a => Core.Answers.OverrideAnswer.CanOverride(a.AnswerText))
            .GroupBy(a => string.Join(' ', a.AnswerText.Trim().TrimEnd('.', '!', '?').Split(' ', StringSplitOptions.RemoveEmptyEntries)), StringComparer.OrdinalIgnoreCase)
            .Select(g => new WrongWording(g.OrderBy(a => a.Id).First().AnswerText.Trim(), g.Min(a => a.Id), g.Count()))
            .OrderByDescending(w => w.Count)
            .ThenBy(w => w.AnswerId)];

    /// <summary>What an instructor sees privately under "Wrong answers": each wrong wording with its count, and a button to accept it for everyone.</summary>
    public static MessagePayload WrongWordingsView(Data.Entities.Quiz quiz, DeckCard card, IReadOnlyList<WrongWording> wordings)
    {
        var lines = new StringBuilder();
        foreach (var w in wordings.Take(40))
        {
            lines.Append("“").Append(Text.Truncate(w.Text, 80)).Append("” — ").Append(w.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        var builder = new MessageBuilder()
            .Ephemeral()
            .AddEmbed(e => e
                .WithTitle(quiz.Daily ? "Question of the day: wrong answers" : $"Question {quiz.Position + 1}: wrong answers")
                .WithDescription(wordings.Count == 0 ? "No answer was graded wrong." : Text.Truncate(lines.ToString(), 4000))
                .AddField("Card's answer", Text.Truncate(CorrectAnswer(card), 1024))
                .WithColor(Colors.Neutral)
                .WithFooter("Accepting a wording makes it one of the card's answers in a new version of the deck "
                    + "(progress kept): everyone who typed it is re-scored here and in their own schedule, and it counts as right from now on."));
        foreach (var row in wordings.Take(MaxAcceptButtons).Chunk(5))
        {
            builder.AddActionRow(r =>
            {
                foreach (var w in row)
                {
                    r.AddButton(QuizIds.AcceptWording.Format(new(quiz.Id, w.AnswerId)), Text.Truncate($"Accept “{w.Text}”", 80), ButtonStyle.Success);
                }
            });
        }

        return builder.Build();
    }

    /// <summary>The next day's post opens with this: yesterday's question, its answer and how the class did.</summary>
    public static (string Name, string Value) Yesterday(Data.Entities.Quiz quiz, DeckCard card)
    {
        var total = quiz.Answers.Count;
        var right = quiz.Answers.Count(a => IsRight(a.Rating));
        var text = new StringBuilder()
            .Append(Text.Truncate(card.Prompt, 300)).Append('\n')
            .Append("Answer: **").Append(Text.Truncate(CorrectAnswer(card), 300)).Append("**\n")
            .Append(total == 0 ? "Nobody answered." : $"{right} of {total} answered correctly.");
        if (Fastest(quiz) is { } fastest)
        {
            text.Append(" Fastest: ").Append(fastest).Append('.');
        }

        return ("Yesterday's question", text.ToString());
    }

    /// <summary>The channel's note about questions skipped because the bot came back with too little of their time left.</summary>
    public static MessagePayload SkippedNote(IReadOnlyList<int> positions, int total, TimeSpan shortest)
    {
        var which = string.Join(", ", positions.Select(p => (p + 1).ToString(CultureInfo.InvariantCulture)));
        var one = positions.Count == 1;
        return new MessagePayload
        {
            Content = string.Create(CultureInfo.InvariantCulture,
                $"Question{(one ? "" : "s")} {which} of {total} {(one ? "was" : "were")} skipped: StudyBot was away (a restart) and came back with under {shortest.TotalSeconds:0} seconds left to answer. The scoreboard counts {(one ? "it" : "them")} as skipped."),
            AllowedMentions = new AllowedMentions(),
        };
    }

    public static MessagePayload Scoreboard(QuizSession session, string deckTitle, IReadOnlyList<ScoreLine> lines, int asked, int skipped = 0)
    {
        var ranking = new StringBuilder();
        var rank = 0;
        foreach (var line in lines.Take(20))
        {
            rank++;
            ranking.Append(rank.ToString(CultureInfo.InvariantCulture)).Append(". <@").Append(line.UserId.ToString(CultureInfo.InvariantCulture)).Append("> — ")
                .Append(line.Right.ToString(CultureInfo.InvariantCulture)).Append(" right of ").Append(line.Answered.ToString(CultureInfo.InvariantCulture))
                .Append(line.Right > 0 ? string.Create(CultureInfo.InvariantCulture, $" · {line.RightTime.TotalSeconds:0.0} s") : "").Append('\n');
        }

        if (lines.Count > 20)
        {
            ranking.Append("…and ").Append((lines.Count - 20).ToString(CultureInfo.InvariantCulture)).Append(" more.");
        }

        return new MessageBuilder()
            .AddEmbed(e => e
                .WithAuthor(Text.Truncate($"Quiz · {deckTitle}", 256))
                .WithTitle(session.Stopped ? "Quiz stopped: scoreboard" : "Quiz over: scoreboard")
                .WithDescription(lines.Count == 0 ? "Nobody answered." : Text.Truncate(ranking.ToString(), 4000))
                .WithColor(Colors.Right)
                .AddField("Questions", skipped > 0 ? string.Create(CultureInfo.InvariantCulture, $"{asked} ({skipped} skipped after a restart)") : asked.ToString(CultureInfo.InvariantCulture), inline: true)
                .AddField("Players", lines.Count.ToString(CultureInfo.InvariantCulture), inline: true)
                .WithFooter("Ranked by right answers, then by the time they took. Every answer also counted as a review."))
            .Build();
    }

    public static string AnswerReply(QuizAnswerOutcome outcome) => outcome switch
    {
        { Closed: true } => "This question has closed; your answer was not counted.",
        { Repeated: true } => $"You already answered: **{outcome.Chosen}**. Only your first answer counts.",
        { Right: true } => $"Recorded: **{outcome.Chosen}** is right!{(outcome.Note is { Length: > 0 } note ? $" ({note})" : "")} It also counts as a review of this card.",
        _ => $"Recorded: **{outcome.Chosen}**. The right answer is shown when the question closes.",
    };

    private static string AnswerLines(Data.Entities.Quiz quiz, DeckCard card)
    {
        var choices = ChoicesOf(quiz, card);
        if (choices.Count == 0)
        {
            return $"✅ {Text.Truncate(CorrectAnswer(card), 900)}";
        }

        var lines = new StringBuilder();
        foreach (var index in Order(quiz.Id, choices.Count))
        {
            var choice = choices[index];
            var votes = quiz.Answers.Count(a => a.AnswerText == choice.Text);
            lines.Append(choice.Correct ? "✅ " : "▫️ ").Append(Text.Truncate(choice.Text, 180)).Append(" — ").Append(votes.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return lines.ToString();
    }

    /// <summary>
    /// The question's choices in stored order: a multiple-choice card's own, or those made for a
    /// basic card asked as multiple choice (<see cref="QuizForms"/>, the right one first); none for a typed question.
    /// </summary>
    public static IReadOnlyList<McqChoice> ChoicesOf(Data.Entities.Quiz quiz, DeckCard card)
        => quiz.Choices is { } stored
            ? [.. QuizForms.Read(stored).Select((text, i) => new McqChoice(text, i == 0))]
            : card.Kind == CardKind.Mcq ? card.Choices : [];

    private static string Letter(int i) => ((char)('A' + i)).ToString();

    private static string? Fastest(Data.Entities.Quiz quiz)
        => quiz.Answers.Where(a => IsRight(a.Rating)).MinBy(a => a.AnsweredUtc) is { } first
            ? string.Create(CultureInfo.InvariantCulture, $"<@{first.UserId}> in {Math.Max(0, (first.AnsweredUtc - quiz.OpenedUtc).TotalSeconds):0.0} s")
            : null;

    /// <summary>The same shuffled order for everyone and for the results: seeded by the quiz id.</summary>
    private static int[] Order(long quizId, int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(unchecked((int)quizId * 7919)).Shuffle(order);
        return order;
    }
}
