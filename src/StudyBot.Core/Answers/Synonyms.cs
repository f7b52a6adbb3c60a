using System.Text.RegularExpressions;
using StudyBot.Core.Scheduling;

namespace StudyBot.Core.Answers;

/// <summary>
/// A fair synonym the other rules cannot know ("atomic" for "nuclear", "vicinity" for "neighbourhood"): an answer
/// that says an accepted answer with ONE word (or one WordNet collocation such as "arms race") put in another word
/// of the same meaning is Hard, never Good, with a note naming both words. Two words are of the same meaning when
/// WordNet 3.0 puts them in one synset (same part of speech) among the card word's most common senses
/// (<see cref="CommonSenses"/> by WordNet's sense order, which is by frequency in its tagged texts) and among the
/// student word's own (<see cref="GivenSenses"/>), each a sense seen in WordNet's tagged texts (or the word's first). Never a pair WordNet calls antonyms, nor one the grader's other
/// checks tell apart: other prefixes of a stem ("legal"/"illegal"), compass points, units, numbers, country names,
/// months and days, and never a name (a word written with a capital inside an answer, or a name in the word list).
/// The lexicon (Answers/Synonyms/README.md) is read on first use only, when the other rules have refused an answer.
/// </summary>
public static partial class Synonyms
{
    /// <summary>The rule's name in a verdict (<c>studybot deck grade --explain</c>).</summary>
    public const string Rule = "synonym";

    /// <summary>The card word's senses searched, in WordNet's order (most frequent first).</summary>
    internal const int CommonSenses = 3;

    /// <summary>The student word's senses searched.</summary>
    internal const int GivenSenses = 4;

    /// <summary>The longest collocation read as one word ("neck of the woods").</summary>
    private const int MaxSpanWords = 4;

    /// <summary>Answers longer than this (in words) are not searched: a synonym is a word, not an essay.</summary>
    private const int MaxAnswerWords = 16;

    /// <summary>The most re-gradings one answer may cost.</summary>
    private const int MaxTries = 8;

    private static readonly HashSet<string> _calendar = new(StringComparer.Ordinal)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    };

    /// <summary>Words that only point, join or deny: never a synonym's word, and never inside one.</summary>
    private static readonly HashSet<string> _functionWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "of", "in", "on", "at", "to", "by", "for", "from", "with", "and", "or", "as", "its", "their", "his", "her",
        "it", "is", "are", "was", "were", "be", "been", "this", "that", "these", "those", "not", "no", "more", "less", "most", "least",
        "very", "up", "down", "out", "off", "over", "under", "before", "after", "i", "we", "you", "they", "he", "she",
    };

    private static readonly Lazy<SynonymLexicon> _lexicon = new(SynonymLexicon.Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Whether the lexicon has been read (it is read on the first answer that needs it).</summary>
    internal static bool IsLoaded => _lexicon.IsValueCreated;

    internal static SynonymLexicon Lexicon => _lexicon.Value;

    /// <summary>
    /// Two words (or collocations, words joined by spaces) of one meaning in WordNet, as <see cref="Synonyms"/> says:
    /// the same synset among <paramref name="expected"/>'s common senses and <paramref name="given"/>'s, no antonyms,
    /// and not two forms of one word.
    /// </summary>
    public static bool AreSynonyms(string given, string expected)
    {
        var g = Words(given);
        var e = Words(expected);
        return g.Length > 0 && e.Length > 0 && IsSynonym(g, e);
    }

    /// <summary>
    /// The Hard verdict for <paramref name="given"/> when one of its words (or collocations), put back as the card's
    /// word, makes an answer <paramref name="grade"/> rates Good; null when there is none.
    /// </summary>
    public static AnswerVerdict? Regrade(IReadOnlyList<string> accepted, string given, string? cardText,
        Func<IReadOnlyList<string>, string, string?, AnswerVerdict> grade)
    {
        var givenTokens = Tokens(given, card: false);
        if (givenTokens.Count == 0 || givenTokens.Count > MaxAnswerWords)
        {
            return null;
        }
        // Each span's senses once: the card's spans against the answer's, then only the pairs that share one are checked further.
        var expectedSpans = accepted.SelectMany(a => Spans(a, Tokens(a, card: true))).DistinctBy(s => s.Key)
            .Where(s => Eligible(s.Words))
            .Select(s => (Span: s, Senses: Lexicon.Senses(s.Words, CommonSenses)))
            .Where(s => s.Senses.Count > 0)
            .ToList();
        if (expectedSpans.Count == 0)
        {
            return null;
        }
        var tries = 0;
        foreach (var g in Spans(given, givenTokens).Where(g => Eligible(g.Words)))
        {
            var givenSenses = Lexicon.Senses(g.Words, GivenSenses);
            foreach (var (e, expectedSenses) in expectedSpans)
            {
                if (g.Key == e.Key || !givenSenses.Overlaps(expectedSenses) || !AreNotToldApart(g.Words, e.Words))
                {
                    continue;
                }
                var swapped = string.Concat(given.AsSpan(0, g.Start), e.Text, given.AsSpan(g.End));
                if (grade(accepted, swapped, cardText).Rating == Rating.Good)
                {
                    return new AnswerVerdict(Rating.Hard, $"Hard: '{g.Text}' read as a synonym of '{e.Text}'; expected {accepted[0]}") { Rule = Rule };
                }
                if (++tries >= MaxTries)
                {
                    return null;
                }
            }
        }
        return null;
    }

    /// <summary>Two words WordNet calls antonyms ("increase"/"decrease"), in any of their forms.</summary>
    public static bool AreAntonyms(string a, string b)
    {
        var (wa, wb) = (Words(a), Words(b));
        return wa.Length > 0 && wb.Length > 0 && Lexicon.AreAntonyms(wa, wb);
    }

    private static bool IsSynonym(string[] given, string[] expected)
        => !given.SequenceEqual(expected) && Eligible(given) && Eligible(expected)
            && Lexicon.Senses(given, GivenSenses).Overlaps(Lexicon.Senses(expected, CommonSenses)) && AreNotToldApart(given, expected);

    /// <summary>
    /// Two words sharing a synset that nothing else tells apart: not another prefix, direction or unit, not two forms of
    /// one word ("region"/"regions" is for the other rules), not antonyms.
    /// </summary>
    private static bool AreNotToldApart(string[] given, string[] expected)
        => !given.Zip(expected).Any(p => p.First != p.Second && Contradict(p.First, p.Second))
            && !Lexicon.Lemmas(given).Overlaps(Lexicon.Lemmas(expected))
            && !Lexicon.AreAntonyms(given, expected);

    /// <summary>
    /// Words the grader's other checks tell apart: prefixes of one stem, compass points, units, and a word with "-ment"
    /// built on the whole of the other ("move"/"movement", "state"/"statement"): the word-form rules refuse those.
    /// </summary>
    private static bool Contradict(string a, string b)
        => WordForms.HaveOtherPrefixes(a, b) || WordForms.AreOtherDirections(a, b) || WordForms.AreOtherUnits(a, b)
            || IsBuiltOn(a, b) || IsBuiltOn(b, a);

    private static bool IsBuiltOn(string longer, string shorter)
        => shorter.Length >= 3 && longer == shorter + "ment";

    /// <summary>
    /// A word or collocation that may be a synonym: common words only, no number, direction, country, date or name, and
    /// no word that only points, joins or denies at either end ("neck of the woods" is one, "of the" none).
    /// </summary>
    private static bool Eligible(string[] words)
        => !_functionWords.Contains(words[0]) && !_functionWords.Contains(words[^1])
            && words.All(w => w.Length > 1 && !AnswerText.IsNegation(w) && !NumberWords.IsNumber(w) && !WordForms.IsDirection(w)
                && !Aliases.IsCanonical(w) && !_calendar.Contains(w) && !EnglishWords.IsProperName(w) && !Capitals.IsDemonym(w));

    private readonly record struct Token(int Start, int End, string Word, bool Name);

    private readonly record struct Span(int Start, int End, string Text, string[] Words)
    {
        public string Key => string.Join(' ', Words);
    }

    /// <summary>
    /// The words of a text, lower case, each marked when it is a name's part: written with a capital after the first word;
    /// in a card's answer also its first word unless the answer is in sentence case ("Trump" and "Treaty of Versailles" are
    /// names, "Nuclear weapons" is not).
    /// </summary>
    private static List<Token> Tokens(string text, bool card)
    {
        var matches = Word().Matches(text);
        var tokens = new List<Token>(matches.Count);
        var lower = text.Any(char.IsLower);
        // Sentence case ("Nuclear weapons") capitalises the first word only; a title ("Treaty of Versailles") its words.
        var sentenceCase = matches.Skip(1).Any(m => char.IsLower(m.Value[0])) && !matches.Skip(1).Any(m => char.IsUpper(m.Value[0]));
        foreach (System.Text.RegularExpressions.Match m in matches)
        {
            var word = AnswerNormalizer.Normalize(m.Value).Replace(" ", "", StringComparison.Ordinal);
            var capital = lower && char.IsUpper(m.Value[0]);
            tokens.Add(new Token(m.Index, m.Index + m.Length, word, capital && (tokens.Count > 0 || (card && !sentenceCase))));
        }
        return tokens;
    }

    /// <summary>Runs of one to <see cref="MaxSpanWords"/> words joined only by spaces or hyphens, none part of a name.</summary>
    private static IEnumerable<Span> Spans(string text, List<Token> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            for (var j = i; j < tokens.Count && j - i < MaxSpanWords; j++)
            {
                if (tokens[j].Name || (j > i && text.AsSpan(tokens[j - 1].End, tokens[j].Start - tokens[j - 1].End).Trim(" -").Length > 0))
                {
                    break;
                }
                yield return new Span(tokens[i].Start, tokens[j].End, text[tokens[i].Start..tokens[j].End],
                    tokens.Skip(i).Take(j - i + 1).Select(t => t.Word).ToArray());
            }
        }
    }

    private static string[] Words(string text) => Tokens(text, card: false).Select(t => t.Word).ToArray();

    [GeneratedRegex(@"\p{L}+(?:'\p{L}+)?")]
    private static partial Regex Word();
}
