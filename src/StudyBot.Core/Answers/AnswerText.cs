using System.Globalization;
using System.Text.RegularExpressions;

namespace StudyBot.Core.Answers;

/// <summary>
/// An answer read the way a teacher reads it: split into list items (at commas, semicolons, "and",
/// "or", "&amp;"), each item normalised (<see cref="AnswerNormalizer"/>), numbers in digits
/// (<see cref="NumberWords"/>), "%" and "per cent" as "percent", hedges before a number ("about",
/// "roughly", ...) and articles dropped, country names in canonical form (<see cref="Aliases"/>).
/// </summary>
public sealed partial class AnswerText
{
    /// <summary>The rule that read "as fast as it can" as "as fast as possible".</summary>
    public const string AsPossibleRule = "as-possible";

    private static readonly HashSet<string> _hedges = new(StringComparer.Ordinal)
    {
        "about", "roughly", "approximately", "approx", "around", "some", "nearly", "almost", "circa", "estimated",
    };

    private static readonly HashSet<string> _articles = new(StringComparer.Ordinal) { "the", "a", "an" };

    private static readonly HashSet<string> _negations = new(StringComparer.Ordinal)
    {
        "not", "no", "never", "nor", "neither", "none", "without", "isnt", "arent", "wasnt", "werent", "dont",
        "doesnt", "didnt", "cannot", "cant", "wont", "non",
    };

    private AnswerText(IReadOnlyList<IReadOnlyList<string>> items, IReadOnlyList<string> whole, bool hasOr, IReadOnlySet<string> applied)
    {
        Items = items;
        Whole = whole;
        HasOr = hasOr;
        Applied = applied;
    }

    /// <summary>
    /// Words written with a capital inside the answer (its first word only when the next one has a capital too),
    /// normalised: parts of a name ("Lincoln Chafee", "Singapore Sling", "New South Wales"). Empty when the whole answer is in capitals or in lower case.
    /// </summary>
    public IReadOnlySet<string> Capitalized { get; private init; } = new HashSet<string>();

    /// <summary>The rules that rewrote a short form while reading (<see cref="ShortForms"/>): "abbreviation", "decade", ...</summary>
    public IReadOnlySet<string> Applied { get; }

    /// <summary>The list items, each as canonical words; one item for an answer that is not a list.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Items { get; }

    /// <summary>All canonical words, separators ("and", "or") included, for comparing the answer as a whole.</summary>
    public IReadOnlyList<string> Whole { get; }

    /// <summary>The answer offers alternatives ("China or Russia").</summary>
    public bool HasOr { get; }

    public bool IsEmpty => Whole.Count == 0;

    /// <summary>Words that deny ("not", "never", "isn't") in the answer.</summary>
    public IEnumerable<string> Negations => Whole.Where(_negations.Contains);

    /// <summary>A word that denies ("not", "never", "without").</summary>
    public static bool IsNegation(string word) => _negations.Contains(word);

    /// <summary>
    /// Whether two negations deny the same way: "not" and its contractions ("didnt", "cant", "wont",
    /// "cannot") are one denial; "no", "never", "nor", "neither", "none", "without" and "non" each their own.
    /// </summary>
    public static bool SameDenial(string a, string b) => DenialKey(a) == DenialKey(b);

    private static string DenialKey(string word) =>
        word is "no" or "never" or "nor" or "neither" or "none" or "without" or "non" ? word : "not";

    public static AnswerText Read(string text)
    {
        var applied = new SortedSet<string>(StringComparer.Ordinal);
        var prepared = ShortForms.Thousands(ThousandsSeparator().Replace(text, ""), applied);
        // "9/10", "9 out of 10": a fraction of a hundred is that percent ("90 percent"); "1/3" and dates ("9/11") stay as written.
        prepared = Fraction().Replace(prepared, m =>
        {
            var (part, whole) = (int.Parse(m.Groups["part"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["whole"].Value, CultureInfo.InvariantCulture));
            if (whole is < 2 or > 100 || part > whole || part * 100 % whole != 0)
            {
                return m.Value;
            }
            applied.Add(ShortForms.NumberRule);
            return $" {part * 100 / whole} percent ";
        });
        prepared = DecimalPoint().Replace(prepared, " point ");
        // "as fast as it can" says "as fast as possible".
        prepared = AsPossible().Replace(prepared, m =>
        {
            applied.Add(AsPossibleRule);
            return $"as {m.Groups["how"].Value} as possible";
        });
        prepared = prepared.Replace("%", " percent ", StringComparison.Ordinal).Replace("&", " and ", StringComparison.Ordinal);
        var items = new List<IReadOnlyList<string>>();
        var whole = new List<string>();
        var hasOr = false;
        foreach (var piece in prepared.Split([',', ';']))
        {
            var words = Words(piece, applied);
            if (words.Count == 0)
            {
                continue;
            }
            // "September, 2017": a number after a comma qualifies what precedes it; it is not a list item.
            if (words.All(NumberWords.IsNumber) && items.Count > 0)
            {
                items[^1] = [.. items[^1], .. words];
                whole.AddRange(words);
                continue;
            }
            whole.AddRange(words);
            var item = new List<string>();
            foreach (var word in words)
            {
                if (word is "and" or "or")
                {
                    hasOr |= word == "or";
                    AddItem(items, item);
                    item = [];
                    continue;
                }
                item.Add(word);
            }
            AddItem(items, item);
        }
        return new AnswerText(items, whole, hasOr, applied) { Capitalized = CapitalizedWords(text) };
    }

    private static HashSet<string> CapitalizedWords(string text)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (!text.Any(char.IsLower))
        {
            return result;
        }
        var words = text.Split([' ', '\t', ',', ';', '-', '/'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            // The first word is capitalised by habit, unless a capitalised word follows it: "New South Wales" is one name.
            if (char.IsUpper(words[i][0]) && (i > 0 || (words.Length > 1 && char.IsUpper(words[1][0]))))
            {
                result.Add(AnswerNormalizer.Normalize(words[i]));
            }
        }
        return result;
    }

    private static void AddItem(List<IReadOnlyList<string>> items, List<string> item)
    {
        var withoutArticles = item.Where(w => !_articles.Contains(w)).ToList();
        var canonical = withoutArticles.Count > 0 ? withoutArticles : item;
        if (canonical.Count > 0)
        {
            items.Add(canonical);
        }
    }

    private static List<string> Words(string piece, ISet<string> applied)
    {
        var normal = AnswerNormalizer.Normalize(piece);
        if (normal.Length == 0)
        {
            return [];
        }
        var words = new List<string>();
        var raw = normal.Split(' ');
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == "per" && i + 1 < raw.Length && raw[i + 1] == "cent")
            {
                words.Add("percent");
                i++;
                continue;
            }
            words.Add(raw[i] == "pct" ? "percent" : raw[i]);
        }
        var numbers = NumberWords.Read(ShortForms.Expand(words, applied));
        // A hedge counts only before a number: "about 90 percent" is 90 percent, "some" alone is a word.
        var unhedged = new List<string>(numbers.Count);
        for (var i = 0; i < numbers.Count; i++)
        {
            if (_hedges.Contains(numbers[i]) && i + 1 < numbers.Count && NumberWords.IsNumber(numbers[i + 1]))
            {
                continue;
            }
            unhedged.Add(numbers[i]);
        }
        return Aliases.Canonicalize(unhedged);
    }

    // A comma, space or thin space between digit groups of three: "28,500", "5 000".
    [GeneratedRegex(@"(?<=(?<![\d.])\d{1,3}(?:[,\u00A0\u202F ]\d{3})*)[,\u00A0\u202F ](?=\d{3}(?!\d))")]
    private static partial Regex ThousandsSeparator();

    [GeneratedRegex(@"\bas\s+(?<how>[\p{L}-]+)\s+as\s+(?:it|they|he|she|we|you|one|i)\s+(?:can|could)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AsPossible();

    [GeneratedRegex(@"(?<![\d./,])(?<part>\d{1,3})\s*(?:/|\bout\s+of\b)\s*(?<whole>\d{1,3})(?![\d/]|[.,]\d|\s*(?:%|percent|per\s*cent))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Fraction();

    [GeneratedRegex(@"(?<=\d)\.(?=\d)")]
    private static partial Regex DecimalPoint();
}
