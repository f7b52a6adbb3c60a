using System.Globalization;
using StudyBot.Core.Answers;
using StudyBot.Core.Scheduling;

namespace StudyBot.Core.Decks;

/// <summary>
/// Wrong choices for asking a basic (front/back) card as multiple choice, the way flash-card sites
/// build them: other cards' answers from the same deck and of the same kind, closest in form first
/// (a number for a number, a name for a name, a sentence for a sentence, of similar length).
/// An answer is never offered as wrong when the card's grader would accept it (a variant or a
/// spelling of a right answer), when it is written in the card's own prompt, or when it belongs to
/// a card kept apart from this one: a sibling (one note id) or a card that shows this card's
/// answer or whose answer this card shows.
/// </summary>
public static class Distractors
{
    /// <summary>Wrong choices wanted beside the right one (four choices in all, as on a multiple-choice test).</summary>
    public const int Wanted = 3;

    /// <summary>Fewer than this and the card is asked as a typed question instead: two choices would be a coin toss.</summary>
    public const int Fewest = 2;

    /// <summary>The choices of a card asked this way, or none when the deck cannot give <see cref="Fewest"/> wrong ones.</summary>
    /// <param name="keptApart">Ids of the deck's cards that give this one away or that it gives away (leak pairs); siblings are found by note id here.</param>
    /// <returns>The right answer first, then the wrong ones, best fitting first.</returns>
    public static IReadOnlyList<string> Choices(DeckCard card, IReadOnlyList<DeckCard> deck, IReadOnlySet<string> keptApart, Random random)
    {
        var wrong = Choose(card, deck, keptApart, Wanted, random);
        return wrong.Count < Fewest ? [] : [CardScreens.ShownAnswer(card), .. wrong];
    }

    /// <summary>Up to <paramref name="count"/> wrong answers for <paramref name="card"/> from <paramref name="deck"/>, closest in form first.</summary>
    public static IReadOnlyList<string> Choose(DeckCard card, IReadOnlyList<DeckCard> deck, IReadOnlySet<string> keptApart, int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(deck);
        ArgumentNullException.ThrowIfNull(keptApart);
        if (card.Answers.Count == 0 || count <= 0)
        {
            return [];
        }

        var right = CardScreens.ShownAnswer(card);
        var target = Form.Of(right);
        var prompt = AnswerNormalizer.Normalize(card.Prompt);
        var taken = new HashSet<string>(card.Answers.Select(AnswerNormalizer.Normalize), StringComparer.Ordinal);
        var scored = new List<(string Text, double Score)>();
        foreach (var other in deck)
        {
            if (other.Id == card.Id || other.Kind != card.Kind || other.Answers.Count == 0 || keptApart.Contains(other.Id)
                || (card.NoteId is { } note && other.NoteId == note))
            {
                continue;
            }

            var text = CardScreens.ShownAnswer(other).Trim();
            var normal = AnswerNormalizer.Normalize(text);
            if (normal.Length == 0 || !taken.Add(normal) || ContainsWords(prompt, normal) || Accepted(card, text))
            {
                continue;
            }

            // A little noise so that equally fitting answers take turns across questions.
            scored.Add((text, target.Distance(Form.Of(text)) + (random.NextDouble() * 0.25)));
        }

        return [.. scored.OrderBy(s => s.Score).Take(count).Select(s => s.Text)];
    }

    /// <summary>The card's grader would count this text as right (Hard or better): it is a right answer, not a wrong one.</summary>
    private static bool Accepted(DeckCard card, string text)
        => TypedGrader.Grade(card.Answers, text, $"{card.Prompt}\n{card.Explanation}").Rating != Rating.Again;

    /// <summary>The normalized prompt holds the normalized answer as whole words: a choice the question itself names.</summary>
    private static bool ContainsWords(string prompt, string answer)
        => $" {prompt} ".Contains($" {answer} ", StringComparison.Ordinal);

    /// <summary>What kind of answer a text is, as a reader sees it at a glance.</summary>
    private enum Shape
    {
        Number,
        Year,
        Name,
        Word,
        Phrase,
        Sentence,
    }

    private readonly record struct Form(Shape Shape, int Words, int Length, bool Capital)
    {
        public static Form Of(string text)
        {
            var trimmed = text.Trim();
            var words = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var digits = trimmed.Count(char.IsDigit);
            var letters = trimmed.Count(char.IsLetter);
            var capital = trimmed.Length > 0 && char.IsUpper(trimmed[0]);
            var shape = trimmed.Length == 4 && digits == 4 && int.Parse(trimmed, CultureInfo.InvariantCulture) is >= 1000 and <= 2100
                ? Shape.Year
                : digits > 0 && digits >= letters
                    ? Shape.Number
                    : words.Length >= 6 || (words.Length >= 3 && trimmed[^1] is '.' or '!' or '?')
                        ? Shape.Sentence
                        : words.Length == 1
                            ? Shape.Word
                            : words.All(w => char.IsUpper(w[0]) || w.Length <= 3) ? Shape.Name : Shape.Phrase;
            return new Form(shape, words.Length, trimmed.Length, capital);
        }

        /// <summary>0 for the same form and length; a different kind of answer costs more than any length difference among its kind.</summary>
        public double Distance(Form other)
        {
            var shape = Shape == other.Shape ? 0 : Near(Shape, other.Shape) ? 1.5 : 3;
            var capital = Capital == other.Capital ? 0 : 0.5;
            var length = Math.Abs(Math.Log((Length + 2.0) / (other.Length + 2.0)));
            var words = Math.Abs(Words - other.Words) * 0.1;
            return shape + capital + length + words;
        }

        private static bool Near(Shape a, Shape b) => (a, b) switch
        {
            (Shape.Number, Shape.Year) or (Shape.Year, Shape.Number) => true,
            (Shape.Name, Shape.Word) or (Shape.Word, Shape.Name) => true,
            (Shape.Phrase, Shape.Name) or (Shape.Name, Shape.Phrase) => true,
            (Shape.Phrase, Shape.Sentence) or (Shape.Sentence, Shape.Phrase) => true,
            (Shape.Word, Shape.Phrase) or (Shape.Phrase, Shape.Word) => true,
            _ => false,
        };
    }
}
