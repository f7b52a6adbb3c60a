using System.Globalization;

namespace StudyBot.Core.Decks.Validation;

/// <summary>Where a card shows text: before answering (prompt, choices) or after (explanation, back).</summary>
public enum LeakField
{
    /// <summary>The question; for a cloze card the sentence with its other blanks filled in.</summary>
    Prompt,
    /// <summary>One of an mcq card's choices, right or wrong.</summary>
    Choice,
    /// <summary>Shown after answering.</summary>
    Explanation,
    /// <summary>The answer shown after answering; for a cloze card the whole sentence.</summary>
    Back,
}

/// <summary>
/// Card <see cref="ShowingCardId"/> prints <see cref="Answer"/>, which card <see cref="AnswerCardId"/>
/// accepts, in <see cref="Field"/> (for a choice, <see cref="ChoiceIndex"/> counts from 0);
/// <see cref="Excerpt"/> is the text around it as the card shows it.
/// </summary>
public sealed record CardLeak(string AnswerCardId, string ShowingCardId, string Answer, LeakField Field, int ChoiceIndex, string Excerpt)
{
    /// <summary>The field as a deck author names it: "prompt", "text", "choice 2", "explanation", "answer".</summary>
    public string Where(CardKind showingKind) => Field switch
    {
        LeakField.Prompt => showingKind == CardKind.Cloze ? "text" : "prompt",
        LeakField.Choice => $"choice {(ChoiceIndex + 1).ToString(CultureInfo.InvariantCulture)}",
        LeakField.Explanation => "explanation",
        _ => showingKind == CardKind.Cloze ? "revealed text" : "answer",
    };
}

/// <summary>
/// Finds cards that give another card's answer away: an answer card A accepts (a correct mcq
/// choice, a typed answer, a cloze deletion, a short basic answer) printed, its content words in a
/// row on word boundaries, compared the way the grader compares (<see cref="LeakWords"/>), by a
/// card B that is not A's sibling, before or after B is answered. Answers that are the deck's
/// topic (shown by many of its notes, see <see cref="IsTopic"/>) and trivial answers (stop words,
/// one digit, a two-letter word) are not leaks. Linear in the deck's text: answers are indexed by
/// their first word, and each shown word is looked up once.
/// </summary>
public static class LeakFinder
{
    /// <summary>A basic card's answer of more content words than this is a sentence to recall, not a term another card could print.</summary>
    public const int MaxBasicAnswerWords = 5;

    /// <summary>Longer accepted answers are not looked for: no other card prints twelve words of one answer by chance.</summary>
    public const int MaxAnswerWords = 12;

    private const int ExcerptRadius = 40;

    /// <summary>
    /// An answer shown by at least this share of the deck's notes (one in five, and at least
    /// <see cref="MinTopicNotes"/> of them) is what the deck is about, not a giveaway: "China" in a
    /// deck on China's policy.
    /// </summary>
    public const double TopicShare = 0.2;

    public const int MinTopicNotes = 5;

    public static bool IsTopic(int notesShowing, int notesInDeck) =>
        notesShowing >= MinTopicNotes && notesShowing >= TopicShare * notesInDeck;

    /// <summary>The sibling group of a card: cards with one note id are siblings; a card without one stands alone.</summary>
    public static string GroupOf(DeckCard card) => card.NoteId ?? "\u0001" + card.Id;

    /// <summary>Every pair where one card shows another's answer, once per (answer card, showing card), first field first.</summary>
    public static IReadOnlyList<CardLeak> Find(IReadOnlyList<DeckCard> cards)
    {
        var phrases = IndexAnswers(cards);
        if (phrases.Count == 0)
        {
            return [];
        }
        var byFirstWord = phrases.Values.GroupBy(p => p.Words[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        // Every place a phrase is shown, and which notes show it (for the topic rule).
        var sightings = new List<(Phrase Phrase, int Card, LeakField Field, int Choice, string Text)>();
        foreach (var (card, index) in cards.Select((c, i) => (c, i)))
        {
            foreach (var (field, choice, text) in Shown(card))
            {
                var words = LeakWords.Of(text);
                var seen = new HashSet<Phrase>();
                for (var i = 0; i < words.Count; i++)
                {
                    if (!byFirstWord.TryGetValue(words[i], out var candidates))
                    {
                        continue;
                    }
                    foreach (var phrase in candidates)
                    {
                        if (StartsAt(words, i, phrase.Words) && seen.Add(phrase))
                        {
                            phrase.Notes.Add(GroupOf(card));
                            sightings.Add((phrase, index, field, choice, text));
                        }
                    }
                }
            }
        }

        var notesInDeck = cards.Select(GroupOf).Distinct(StringComparer.Ordinal).Count();
        var leaks = new List<CardLeak>();
        var reported = new HashSet<(int Answer, int Showing)>();
        foreach (var (phrase, showing, field, choice, text) in sightings.OrderBy(s => s.Card).ThenBy(s => s.Field).ThenBy(s => s.Choice))
        {
            if (IsTopic(phrase.Notes.Count, notesInDeck))
            {
                continue;
            }
            foreach (var (owner, raw) in phrase.Owners)
            {
                if (GroupOf(cards[owner]) == GroupOf(cards[showing]) || !reported.Add((owner, showing)))
                {
                    continue;
                }
                leaks.Add(new CardLeak(cards[owner].Id, cards[showing].Id, raw, field, choice, Excerpt(text, raw, phrase.Words)));
            }
        }
        return leaks;
    }

    /// <summary>The pairs of cards that must not be seen on one day because one shows the other's answer, each pair once (ordinal order).</summary>
    public static IReadOnlyList<(string A, string B)> Pairs(IReadOnlyList<CardLeak> leaks) =>
        leaks.Select(l => string.CompareOrdinal(l.AnswerCardId, l.ShowingCardId) < 0 ? (l.AnswerCardId, l.ShowingCardId) : (l.ShowingCardId, l.AnswerCardId))
            .Distinct()
            .ToList();

    private sealed class Phrase(IReadOnlyList<string> words)
    {
        public IReadOnlyList<string> Words { get; } = words;
        public List<(int Card, string Raw)> Owners { get; } = [];
        public HashSet<string> Notes { get; } = new(StringComparer.Ordinal);
    }

    private static Dictionary<string, Phrase> IndexAnswers(IReadOnlyList<DeckCard> cards)
    {
        var phrases = new Dictionary<string, Phrase>(StringComparer.Ordinal);
        for (var index = 0; index < cards.Count; index++)
        {
            foreach (var raw in AcceptedAnswers(cards[index]))
            {
                var words = LeakWords.Of(raw);
                if (words.Count > MaxAnswerWords || LeakWords.IsTrivial(words, raw))
                {
                    continue;
                }
                var key = string.Join(' ', words);
                if (!phrases.TryGetValue(key, out var phrase))
                {
                    phrases[key] = phrase = new Phrase(words);
                }
                if (!phrase.Owners.Any(o => o.Card == index))
                {
                    phrase.Owners.Add((index, raw));
                }
            }
        }
        return phrases;
    }

    /// <summary>
    /// What a student could type or pick to get <paramref name="card"/> right: for a cloze card the
    /// text of its deletions, not the looser alternatives after '|' ("the States" is accepted for
    /// "the United States", but a card saying "buffer state" does not give that blank away).
    /// </summary>
    private static IEnumerable<string> AcceptedAnswers(DeckCard card) => card.Kind switch
    {
        CardKind.Mcq => card.Choices.Where(c => c.Correct).Select(c => c.Text),
        CardKind.Basic => card.Answers.Where(a => LeakWords.Of(a).Count <= MaxBasicAnswerWords),
        CardKind.Cloze => Deletions(card) ?? card.Answers,
        _ => card.Answers,
    };

    private static IEnumerable<string>? Deletions(DeckCard card)
    {
        var hash = card.Id.LastIndexOf("#c", StringComparison.Ordinal);
        if (card.SourceText is null || hash < 0 || !int.TryParse(card.Id.AsSpan(hash + 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }
        var own = Formats.Cloze.Parse(card.SourceText).Deletions.Where(d => d.Number == number).Select(d => d.Answer).ToList();
        return own.Count > 0 ? own : null;
    }

    /// <summary>Everything the card prints, before and after it is answered.</summary>
    private static IEnumerable<(LeakField Field, int Choice, string Text)> Shown(DeckCard card)
    {
        yield return (LeakField.Prompt, 0, card.Prompt);
        for (var i = 0; i < card.Choices.Count; i++)
        {
            yield return (LeakField.Choice, i, card.Choices[i].Text);
        }
        if (card.Explanation is { } explanation)
        {
            yield return (LeakField.Explanation, 0, explanation);
        }
        if (card.Kind == CardKind.Cloze && card.SourceText is { } source)
        {
            yield return (LeakField.Back, 0, Formats.Cloze.Reveal(source));
        }
        else if (card.Kind is CardKind.Basic or CardKind.Typed && card.Answers.Count > 0)
        {
            yield return (LeakField.Back, 0, card.Answers[0]);
        }
    }

    private static bool StartsAt(IReadOnlyList<string> words, int at, IReadOnlyList<string> phrase)
    {
        if (at + phrase.Count > words.Count)
        {
            return false;
        }
        for (var k = 0; k < phrase.Count; k++)
        {
            if (words[at + k] != phrase[k])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The shown text around the answer: where the answer is written as the card has it, else the
    /// shortest run of the text's words that reads as the answer ("twenty-eight thousand" for 28,000).
    /// </summary>
    private static string Excerpt(string text, string raw, IReadOnlyList<string> phrase)
    {
        var flat = text.ReplaceLineEndings(" ");
        var at = CultureInfo.InvariantCulture.CompareInfo.IndexOf(flat, raw.Trim(), CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace);
        var length = raw.Trim().Length;
        if (at < 0)
        {
            (at, length) = Locate(flat, phrase);
        }
        if (at < 0)
        {
            return Shorten(flat, 0, Math.Min(flat.Length, 2 * ExcerptRadius));
        }
        var start = Math.Max(0, at - ExcerptRadius);
        var end = Math.Min(flat.Length, at + length + ExcerptRadius);
        return Shorten(flat, start, end);
    }

    private static (int At, int Length) Locate(string text, IReadOnlyList<string> phrase)
    {
        var starts = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && (i == 0 || char.IsWhiteSpace(text[i - 1])))
            {
                starts.Add(i);
            }
        }
        var key = string.Join(' ', phrase);
        for (var s = 0; s < starts.Count; s++)
        {
            for (var e = s + 1; e <= Math.Min(starts.Count, s + (3 * phrase.Count) + 2); e++)
            {
                var end = e < starts.Count ? starts[e] : text.Length;
                if (string.Join(' ', LeakWords.Of(text[starts[s]..end])).Contains(key, StringComparison.Ordinal))
                {
                    return (starts[s], end - starts[s]);
                }
            }
        }
        return (-1, 0);
    }

    private static string Shorten(string text, int start, int end)
    {
        var excerpt = text[start..end].Trim();
        return (start > 0 ? "..." : "") + excerpt + (end < text.Length ? "..." : "");
    }
}
