using StudyBot.Core.Decks;
using StudyBot.Core.Scheduling;

namespace StudyBot.Core.Answers;

/// <summary>
/// Turns an answer into an FSRS rating. Typed and cloze: graded by <see cref="TypedGrader"/>. Multiple choice: a correct
/// option is Good, a wrong one Again. Basic: the student's own grade.
/// </summary>
public static class AnswerChecker
{
    public static AnswerVerdict Check(DeckCard card, StudentAnswer answer) => answer switch
    {
        TypedAnswer typed => CheckTyped(card, typed.Text),
        OverrideAnswer => CheckOverride(card),
        ChoiceAnswer choice => CheckChoice(card, choice.Index),
        SelfGrade grade => CheckSelfGrade(card, grade.Rating),
        _ => throw new ArgumentException($"Unknown answer type {answer.GetType().Name}.", nameof(answer)),
    };

    private static AnswerVerdict CheckTyped(DeckCard card, string text)
    {
        if (card.Answers.Count == 0)
        {
            throw new ArgumentException($"Card '{card.Id}' has no accepted answers to compare a typed answer with.", nameof(card));
        }
        return TypedGrader.Grade(card.Answers, text, $"{card.Prompt}\n{card.Explanation}");
    }

    private static AnswerVerdict CheckOverride(DeckCard card) => card.Kind is CardKind.Typed or CardKind.Cloze
        ? new AnswerVerdict(Rating.Good, OverrideAnswer.Note)
        : throw new ArgumentException($"Card '{card.Id}' is {card.Kind}: only a typed answer can be counted as right by the student.", nameof(card));

    private static AnswerVerdict CheckChoice(DeckCard card, int index)
    {
        if (card.Kind != CardKind.Mcq)
        {
            throw new ArgumentException($"Card '{card.Id}' is {card.Kind}, not multiple choice.", nameof(card));
        }
        if (index < 0 || index >= card.Choices.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Card '{card.Id}' has {card.Choices.Count} choices.");
        }
        if (card.Choices[index].Correct)
        {
            return new AnswerVerdict(Rating.Good, null);
        }
        var right = string.Join(" / ", card.Choices.Where(c => c.Correct).Select(c => c.Text));
        return new AnswerVerdict(Rating.Again, $"expected: {right}");
    }

    private static AnswerVerdict CheckSelfGrade(DeckCard card, Rating rating)
    {
        if (card.Kind is CardKind.Mcq or CardKind.Typed)
        {
            throw new ArgumentException($"Card '{card.Id}' is {card.Kind}: it is graded from the answer, not by the student.", nameof(card));
        }
        if (!Enum.IsDefined(rating))
        {
            throw new ArgumentOutOfRangeException(nameof(rating), rating, "A grade is 1 (Again) to 4 (Easy).");
        }
        return new AnswerVerdict(rating, null);
    }
}
