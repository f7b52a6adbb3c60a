using System.Text.RegularExpressions;

namespace StudyBot.Core.Answers;

/// <summary>
/// More shapes of an answer a teacher reads as the answer itself, each a rewrite of the student's text that the
/// grader then grades in full (so a spelling slip inside it still counts as one, and a wrong answer stays wrong):
/// an apostrophe-less or spelled-out contraction ("didnt", "will not" for "won't"), a European thousands point
/// ("12.000" where the card's number is 12,000), a bracketed explanation after the answer ("Paris (France's
/// capital)"), a country's government or state for the country ("the French government" for "France"), the words
/// the card's own sentence has right next to the blank (added or left out), "the North" for the half of a divided
/// country the card names, and a list written with slashes or plain spaces between its items.
/// </summary>
public static partial class FairForms
{
    public const string ContractionRule = "contraction";
    public const string ThousandsPointRule = "thousands-point";
    public const string BracketRule = "bracket";
    public const string GovernmentRule = "government";
    public const string CardWordsRule = "card-words";
    public const string DividedCountryRule = "divided-country";
    public const string ListSplitRule = "list-split";
    public const string RelativeClauseRule = "relative-clause";
    public const string PrepositionRule = "preposition";
    public const string ListedPrefixRule = "listed-prefix";

    /// <summary>The most words of the card's sentence a student may repeat (or leave to the card) on either side of the answer.</summary>
    private const int MaxCardWords = 3;

    private static readonly (string Short, string Long)[] _contractions =
    [
        ("won't", "will not"), ("can't", "cannot"), ("can't", "can not"), ("don't", "do not"), ("doesn't", "does not"),
        ("didn't", "did not"), ("isn't", "is not"), ("aren't", "are not"), ("wasn't", "was not"), ("weren't", "were not"),
        ("hasn't", "has not"), ("haven't", "have not"), ("hadn't", "had not"), ("wouldn't", "would not"),
        ("couldn't", "could not"), ("shouldn't", "should not"), ("mustn't", "must not"), ("needn't", "need not"),
        ("shan't", "shall not"), ("they're", "they are"), ("we're", "we are"), ("you're", "you are"), ("i'm", "i am"),
        ("they've", "they have"), ("we've", "we have"), ("i've", "i have"), ("they'll", "they will"), ("we'll", "we will"),
    ];

    /// <summary>Words that turn an added phrase into another answer: never read past.</summary>
    private static readonly HashSet<string> _turning = new(StringComparer.Ordinal)
    {
        "or", "not", "no", "never", "nor", "but", "rather", "instead", "except", "than", "versus", "vs", "without", "neither",
    };

    private static readonly string[] _compass = ["north", "south", "east", "west"];

    private static readonly HashSet<string> _cities = Decks.Generation.Gazetteer.Cities.Select(AnswerNormalizer.Normalize).ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> _countries = Decks.Generation.Gazetteer.Countries.Select(c => c.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    /// <summary>A rule of this class, in the words the student sees, or null for a rule of another class.</summary>
    public static string? Describe(string rule) => rule switch
    {
        ContractionRule => "a contraction written another way",
        ThousandsPointRule => "a point between the thousands",
        BracketRule => "an explanation in brackets left aside",
        GovernmentRule => "the country's government for the country",
        CardWordsRule => "words the card's own sentence has next to the blank",
        DividedCountryRule => "\"the North\"/\"the South\" for the country the card names",
        ListSplitRule => "the list's items told apart",
        RelativeClauseRule => "\"who live\" for \"living\"",
        PrepositionRule => "\"to\" or \"for\", as the card's answers use both",
        ListedPrefixRule => "the prefix another of the card's answers has",
        _ => null,
    };

    /// <summary>The student's answer rewritten by each rule that applies, with the rule's name.</summary>
    public static IEnumerable<(string Form, string Rule)> Of(string given, IReadOnlyList<string> accepted, string? cardText)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { given };
        foreach (var (form, rule) in Candidates(given, accepted, cardText))
        {
            if (form.Any(char.IsLetterOrDigit) && seen.Add(form))
            {
                yield return (form, rule);
            }
        }
    }

    private static IEnumerable<(string Form, string Rule)> Candidates(string given, IReadOnlyList<string> accepted, string? cardText)
    {
        var text = given.Replace('\u2019', '\'').Trim();
        foreach (var form in Contractions(text))
        {
            yield return (form, ContractionRule);
        }
        if (ThousandsPoint(text, accepted) is { } joined)
        {
            yield return (joined, ThousandsPointRule);
        }
        var unbracketed = Unbracketed(text);
        if (unbracketed is not null)
        {
            yield return (unbracketed, BracketRule);
        }
        var core = unbracketed ?? text;
        if (InnerBrackets(core) is { } glossless)
        {
            yield return (glossless, BracketRule);
            core = glossless;
        }
        foreach (var form in RelativeClauses(core))
        {
            yield return (form, RelativeClauseRule);
        }
        foreach (var form in PrepositionSwaps(core, accepted))
        {
            yield return (form, PrepositionRule);
        }
        foreach (var form in ListedPrefixes(core, accepted))
        {
            yield return (form, ListedPrefixRule);
        }
        if (Government(core, accepted) is { } country)
        {
            yield return (country, GovernmentRule);
        }
        if (cardText is not null)
        {
            foreach (var form in CardWords(core, accepted, cardText))
            {
                yield return (form, CardWordsRule);
            }
            if (DividedCountry(core, accepted, cardText) is { } named)
            {
                yield return (named, DividedCountryRule);
            }
        }
        foreach (var form in ListSplits(core, accepted))
        {
            yield return (form, ListSplitRule);
        }
    }

    /// <summary>"didnt" and "didn't" as "did not", "will not" as "won't": whichever way the card writes it.</summary>
    private static IEnumerable<string> Contractions(string text)
    {
        var expanded = text;
        var contracted = text;
        foreach (var (shortForm, longForm) in _contractions)
        {
            var apostropheLess = shortForm.Replace("'", "", StringComparison.Ordinal);
            expanded = Regex.Replace(expanded, $@"\b(?:{Regex.Escape(shortForm)}|{apostropheLess})\b", longForm, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            contracted = Regex.Replace(contracted, $@"\b{Regex.Escape(longForm)}\b", shortForm, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }
        if (expanded != text)
        {
            yield return expanded;
        }
        if (contracted != text)
        {
            yield return contracted;
        }
    }

    /// <summary>"12.000" as 12000, only where an accepted answer has that number (else it is twelve point nought).</summary>
    private static string? ThousandsPoint(string text, IReadOnlyList<string> accepted)
    {
        var changed = false;
        var result = EuropeanThousands().Replace(text, m =>
        {
            var number = m.Value.Replace(".", "", StringComparison.Ordinal);
            if (!accepted.Any(a => AnswerText.Read(a).Whole.Contains(number)))
            {
                return m.Value;
            }
            changed = true;
            return number;
        });
        return changed ? result : null;
    }

    /// <summary>"Paris (France's capital)": the answer before a bracketed explanation that offers no alternative or denial.</summary>
    private static string? Unbracketed(string text)
    {
        var m = TrailingBracket().Match(text);
        if (!m.Success)
        {
            return null;
        }
        var inside = AnswerNormalizer.Normalize(m.Groups["inside"].Value).Split(' ');
        return inside.Any(_turning.Contains) ? null : m.Groups["answer"].Value.Trim();
    }

    /// <summary>"iron (Fe), copper and tin": an explanation in brackets inside the answer (one item of a list) left aside.</summary>
    private static string? InnerBrackets(string text)
    {
        var removed = false;
        var result = InnerBracket().Replace(text, m =>
        {
            if (AnswerNormalizer.Normalize(m.Groups["inside"].Value).Split(' ').Any(_turning.Contains))
            {
                return m.Value;
            }
            removed = true;
            return "";
        });
        return removed && result.Any(char.IsLetterOrDigit) ? result.Trim() : null;
    }

    /// <summary>
    /// "people who live in China" for "people living in China": a relative clause ("who", "that", "which", with "is" or
    /// "are" or without) read as the participle, when the word list knows the participle.
    /// </summary>
    private static IEnumerable<string> RelativeClauses(string text)
    {
        foreach (Match m in RelativeClause().Matches(text))
        {
            var verb = m.Groups["verb"].Value.ToLowerInvariant();
            var participles = verb.EndsWith("ing", StringComparison.Ordinal) && m.Groups["be"].Success
                ? [verb]
                : Participles(verb).Where(EnglishWords.Contains).Distinct(StringComparer.Ordinal).ToList();
            foreach (var participle in participles)
            {
                yield return string.Concat(text.AsSpan(0, m.Index), participle, text.AsSpan(m.Index + m.Length));
            }
        }
    }

    /// <summary>The -ing forms a verb (or its third person, "lives") may have: "living", "planning", "studying".</summary>
    private static IEnumerable<string> Participles(string verb)
    {
        var stems = new List<string> { verb };
        if (verb.EndsWith("ies", StringComparison.Ordinal) && verb.Length > 4)
        {
            stems.Add(verb[..^3] + "y");
        }
        if (verb.EndsWith("es", StringComparison.Ordinal) && verb.Length > 3)
        {
            stems.Add(verb[..^2]);
        }
        if (verb.EndsWith('s') && verb.Length > 3)
        {
            stems.Add(verb[..^1]);
        }
        foreach (var stem in stems)
        {
            yield return stem + "ing";
            if (stem.EndsWith('e') && !stem.EndsWith("ee", StringComparison.Ordinal))
            {
                yield return stem[..^1] + "ing";
            }
            if (stem.Length >= 3 && !"aeiouwxy".Contains(stem[^1], StringComparison.Ordinal))
            {
                yield return stem + stem[^1] + "ing";
            }
        }
    }

    /// <summary>"a threat for China" where the card accepts "a threat to China" and "a danger for China": "to" and "for" swapped, when the card's answers use both.</summary>
    private static IEnumerable<string> PrepositionSwaps(string text, IReadOnlyList<string> accepted)
    {
        var words = AnswerNormalizer.WordSet(accepted);
        if (!words.Contains("to") || !words.Contains("for"))
        {
            yield break;
        }
        foreach (Match m in ToOrFor().Matches(text))
        {
            var other = m.Value.Equals("to", StringComparison.OrdinalIgnoreCase) ? "for" : "to";
            yield return string.Concat(text.AsSpan(0, m.Index), other, text.AsSpan(m.Index + m.Length));
        }
    }

    /// <summary>The prefixes a card's answers may add to a word another of its answers has bare ("reunification" beside "unified").</summary>
    private static readonly string[] _listedPrefixes = ["re", "un", "de", "dis", "non"];

    /// <summary>
    /// "reunified" where the card accepts "unified" and "reunification": a word with a prefix that another accepted answer
    /// puts before the same stem, read without it, so that it meets the bare accepted word. A prefix no accepted answer has
    /// ("disunified") is left as it is, and stays another word.
    /// </summary>
    private static IEnumerable<string> ListedPrefixes(string text, IReadOnlyList<string> accepted)
    {
        var acceptedWords = AnswerNormalizer.WordSet(accepted);
        foreach (Match m in WordToken().Matches(text))
        {
            var word = m.Value.ToLowerInvariant();
            foreach (var prefix in _listedPrefixes)
            {
                var rest = word.Length - prefix.Length >= 5 && word.StartsWith(prefix, StringComparison.Ordinal) ? word[prefix.Length..] : null;
                if (rest is null || acceptedWords.Contains(word)
                    || !acceptedWords.Any(a => a != word && a.Length - prefix.Length >= 5 && a.StartsWith(prefix, StringComparison.Ordinal) && SharedStart(a[prefix.Length..], rest) >= 5))
                {
                    continue;
                }
                yield return string.Concat(text.AsSpan(0, m.Index), rest, text.AsSpan(m.Index + m.Length));
            }
        }
    }

    private static int SharedStart(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }
        return n;
    }

    /// <summary>"the French government", "the government of France", "the Roman state": the country, where no accepted answer names a government.</summary>
    private static string? Government(string text, IReadOnlyList<string> accepted)
    {
        var m = GovernmentAfter().Match(text);
        if (!m.Success)
        {
            m = GovernmentOf().Match(text);
        }
        if (!m.Success)
        {
            return null;
        }
        var word = AnswerNormalizer.Normalize(m.Groups["kind"].Value);
        var stem = word.TrimEnd('s');
        if (accepted.Any(a => AnswerNormalizer.Normalize(a).Split(' ').Any(w => w.StartsWith(stem, StringComparison.Ordinal))))
        {
            return null;
        }
        var country = m.Groups["x"].Value.Trim();
        // "Washington State", "New York State": a city's name before "state" names another place, not a government.
        if (stem == "state" && _cities.Contains(AnswerNormalizer.Normalize(country)))
        {
            return null;
        }
        // A name: written with a capital, or a country's other name ("US", "PRC").
        return char.IsUpper(country[0]) || Aliases.Canonicalize(AnswerNormalizer.Normalize(country).Split(' ')).Any(Aliases.IsCanonical) ? country : null;
    }

    /// <summary>
    /// The answer with the words next to the blank that the student repeated from the card taken away, or added where an
    /// accepted answer repeats them: "far more leverage" where the card reads "China has far [...] over Pyongyang".
    /// </summary>
    private static IEnumerable<string> CardWords(string text, IReadOnlyList<string> accepted, string cardText)
    {
        var (before, after) = AroundBlank(cardText);
        var words = Words(text);
        if (words.Count == 0)
        {
            yield break;
        }
        var normal = words.Select(AnswerNormalizer.Normalize).ToList();
        for (var k = 1; k <= Math.Min(MaxCardWords, before.Count); k++)
        {
            var tail = before.Skip(before.Count - k).ToList();
            if (normal.Count > k && normal.Take(k).SequenceEqual(tail) && IsPlain(tail))
            {
                yield return string.Join(' ', words.Skip(k));
            }
            if (IsPlain(tail) && AcceptedHas(accepted, tail, atStart: true))
            {
                yield return string.Join(' ', tail.Concat(words));
            }
        }
        for (var k = 1; k <= Math.Min(MaxCardWords, after.Count); k++)
        {
            var head = after.Take(k).ToList();
            if (normal.Count > k && normal.Skip(normal.Count - k).SequenceEqual(head) && IsPlain(head))
            {
                yield return string.Join(' ', words.Take(words.Count - k));
            }
            if (IsPlain(head) && AcceptedHas(accepted, head, atStart: false))
            {
                yield return string.Join(' ', words.Concat(head));
            }
        }
    }

    /// <summary>An accepted answer begins (or ends) with these words of the card.</summary>
    private static bool AcceptedHas(IReadOnlyList<string> accepted, List<string> words, bool atStart) => accepted.Any(a =>
    {
        var w = AnswerNormalizer.Normalize(a).Split(' ');
        return w.Length > words.Count && (atStart ? w.Take(words.Count) : w.Skip(w.Length - words.Count)).SequenceEqual(words);
    });

    /// <summary>Words that add nothing of their own: no alternative, denial, number or name.</summary>
    private static bool IsPlain(IReadOnlyList<string> words)
        => words.All(w => !_turning.Contains(w) && !NumberWords.IsNumber(w)) && words.Any(w => w.Length > 0);

    /// <summary>The normalised words right before and right after the card's blank ("[...]", "[a hint]", "_____"), within its sentence.</summary>
    private static (List<string> Before, List<string> After) AroundBlank(string cardText)
    {
        var m = Blank().Match(cardText);
        if (!m.Success)
        {
            return ([], []);
        }
        var left = cardText[..m.Index];
        var right = cardText[(m.Index + m.Length)..];
        left = left[(left.LastIndexOfAny(['.', '!', '?', ':', ';', '\n', '"', '(']) + 1)..];
        var end = right.IndexOfAny(['.', '!', '?', ':', ';', '\n', '"', ')', ',']);
        right = end < 0 ? right : right[..end];
        var before = Words(left).Select(AnswerNormalizer.Normalize).Where(w => w.Length > 0).ToList();
        var after = Words(right).Select(AnswerNormalizer.Normalize).Where(w => w.Length > 0).ToList();
        return (before, after);
    }

    /// <summary>
    /// "the North" for "North Korea" where an accepted answer or the card's sentence names that country ("North Korea",
    /// "South Vietnam", "East Germany"); the other half ("the South") is left as it is, and stays wrong.
    /// </summary>
    private static string? DividedCountry(string text, IReadOnlyList<string> accepted, string cardText)
    {
        var named = accepted.Append(cardText)
            .SelectMany(source => DividedName().Matches(source))
            .Select(m => (Compass: m.Groups["compass"].Value.ToLowerInvariant(), Country: m.Groups["country"].Value, Name: m.Value))
            .ToList();
        // Divided: the places list knows both halves, or the card names both.
        var divided = named.Where(n => named.Any(o => o.Country == n.Country && o.Compass != n.Compass)
                || _compass.Count(c => _countries.Contains($"{c} {n.Country.ToLowerInvariant()}")) > 1)
            .GroupBy(n => n.Compass)
            .Select(g => g.First())
            .ToList();
        var result = text;
        foreach (var (compass, country, name) in divided)
        {
            result = Regex.Replace(result, $@"\bthe\s+{compass}(?<possessive>'s|s')?(?![\s-]*{Regex.Escape(country)})\b",
                m => name + m.Groups["possessive"].Value, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }
        return result != text ? result : null;
    }

    /// <summary>
    /// A list written with slashes or with only spaces between its items ("iron/copper/tin", "Spain Portugal France"):
    /// the items told apart with commas when an accepted answer is a list and every piece is one of its items.
    /// </summary>
    private static IEnumerable<string> ListSplits(string text, IReadOnlyList<string> accepted)
    {
        var lists = accepted.Select(AnswerText.Read).Where(a => a.Items.Count > 1).ToList();
        if (lists.Count == 0)
        {
            yield break;
        }
        if (text.Contains('/', StringComparison.Ordinal))
        {
            yield return text.Replace("/", ", ", StringComparison.Ordinal);
        }
        var answer = AnswerText.Read(text.Replace("/", ", ", StringComparison.Ordinal));
        foreach (var list in lists)
        {
            var items = new List<string>();
            var split = false;
            foreach (var item in answer.Items)
            {
                var pieces = Partition(item, list.Items);
                if (pieces is null)
                {
                    items.Add(string.Join(' ', item));
                    continue;
                }
                split |= pieces.Count > 1;
                items.AddRange(pieces);
            }
            if (split)
            {
                yield return string.Join(", ", items);
            }
        }
    }

    /// <summary>The words cut into pieces each of which is an item of the list (spelled within its typo budget), or null.</summary>
    private static List<string>? Partition(IReadOnlyList<string> words, IReadOnlyList<IReadOnlyList<string>> items)
    {
        if (words.Count < 2)
        {
            return null;
        }
        // best[i]: the pieces that cover words[i..], found from the end.
        var best = new List<string>?[words.Count + 1];
        best[words.Count] = [];
        for (var i = words.Count - 1; i >= 0; i--)
        {
            foreach (var item in items)
            {
                var n = item.Count;
                if (i + n > words.Count || best[i + n] is not { } rest)
                {
                    continue;
                }
                var piece = string.Join(' ', words.Skip(i).Take(n));
                var target = string.Join(' ', item);
                if (piece == target || DamerauLevenshtein.Distance(piece, target) <= TypoTolerance.AllowedEdits(target.Length))
                {
                    best[i] = [piece, .. rest];
                    break;
                }
            }
        }
        return best[0];
    }

    private static List<string> Words(string text) => text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();

    [GeneratedRegex(@"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d]|[.,]\d)")]
    private static partial Regex EuropeanThousands();

    [GeneratedRegex(@"^(?<answer>[^()]*[\p{L}\p{N}][^()]*?)\s*\((?<inside>[^()]*)\)\s*[.!]?\s*$")]
    private static partial Regex TrailingBracket();

    [GeneratedRegex(@"^(?:the\s+)?(?<x>\S.*?)\s+(?<kind>government|state|regime|administration|authorities|leadership)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GovernmentAfter();

    [GeneratedRegex(@"^(?:the\s+)?(?<kind>government|regime|administration|authorities|leadership)\s+(?:of|in)\s+(?:the\s+)?(?<x>\S.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GovernmentOf();

    [GeneratedRegex(@"\s*\((?<inside>[^()]*)\)")]
    private static partial Regex InnerBracket();

    [GeneratedRegex(@"\b(?:who|that|which)\s+(?:(?<be>is|are|was|were)\s+)?(?<verb>\p{L}+)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelativeClause();

    [GeneratedRegex(@"\b(?:to|for)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ToOrFor();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex WordToken();

    [GeneratedRegex(@"\[[^\]\n]*\]|_{3,}")]
    private static partial Regex Blank();

    [GeneratedRegex(@"\b(?<compass>North|South|East|West)\s+(?<country>[A-Z][a-z]+)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DividedName();
}
