using System.Globalization;
using System.Text.RegularExpressions;

namespace StudyBot.Core.Answers;

/// <summary>
/// Short forms a teacher reads as the long ones, applied to the normalised words of both the answer and
/// the card's answers: months ("Sept", "Jan"), units ("pc", "pct", "yrs", "km", "mi", "bn"), compass
/// directions ("NE", "S. Africa"), decades ("the eighties", "'80s", "80s" are "1980s") and thousands as
/// "k" ("28.5k"). Each rewrite is named, so the grade can say which rule accepted the answer.
/// </summary>
public static partial class ShortForms
{
    public const string AbbreviationRule = "abbreviation";
    public const string DirectionRule = "direction";
    public const string DecadeRule = "decade";
    public const string NumberRule = "number";

    /// <summary>A misspelt unit, month or decade word read as the word it misspells ("decads", "seventys"): Hard, never Good.</summary>
    public const string SlipRule = "typo";

    /// <summary>The tens a decade word is made of ("seventy" in "seventies", "seventys").</summary>
    private static readonly string[] _tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly Dictionary<string, string> _words = new(StringComparer.Ordinal)
    {
        ["jan"] = "january", ["feb"] = "february", ["mar"] = "march", ["apr"] = "april", ["jun"] = "june",
        ["jul"] = "july", ["aug"] = "august", ["sep"] = "september", ["sept"] = "september", ["oct"] = "october",
        ["nov"] = "november", ["dec"] = "december",
        ["pc"] = "percent", ["pct"] = "percent", ["percentage"] = "percent",
        ["yrs"] = "years", ["yr"] = "year", ["hrs"] = "hours", ["hr"] = "hour", ["mins"] = "minutes",
        ["km"] = "kilometers", ["kms"] = "kilometers", ["kilometres"] = "kilometers", ["kilometre"] = "kilometer",
        ["mi"] = "miles", ["bn"] = "billion", ["mn"] = "million", ["mln"] = "million", ["mt"] = "mount",
    };

    private static readonly Dictionary<string, string> _directions = new(StringComparer.Ordinal)
    {
        ["ne"] = "northeast", ["nw"] = "northwest", ["se"] = "southeast", ["sw"] = "southwest",
    };

    /// <summary>One-letter directions, only before another word ("S Africa", "N Korea"): alone, "s" is not "south".</summary>
    private static readonly Dictionary<string, string> _letters = new(StringComparer.Ordinal)
    {
        ["n"] = "north", ["s"] = "south", ["e"] = "east", ["w"] = "west",
    };

    /// <summary>Words a one-letter direction stands before: continents, countries, regions ("S. Africa", "N. Korea", "W. Coast").</summary>
    private static readonly HashSet<string> _placeWords = new[]
        {
            "africa", "america", "asia", "europe", "korea", "pole", "ireland", "carolina", "dakota", "sudan", "vietnam", "wales",
            "island", "islands", "coast", "side", "end", "bank", "sea", "atlantic", "pacific", "china", "india", "germany", "yemen",
            "london", "england", "yorkshire", "macedonia", "ossetia", "virginia", "africans", "american", "americans", "african",
            "asian", "european", "korean", "koreans", "hemisphere", "indies", "cyprus", "caucasus", "york", "jersey",
        }
        .ToHashSet(StringComparer.Ordinal);

    private static readonly Dictionary<string, int> _decadeWords = new(StringComparer.Ordinal)
    {
        ["twenties"] = 20, ["thirties"] = 30, ["forties"] = 40, ["fifties"] = 50, ["sixties"] = 60,
        ["seventies"] = 70, ["eighties"] = 80, ["nineties"] = 90,
    };

    /// <summary>Rewrites the words in place and adds the names of the rules that changed something.</summary>
    public static List<string> Expand(IReadOnlyList<string> words, ISet<string> applied)
    {
        var result = new List<string>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (Unslipped(word) is { } meant)
            {
                applied.Add(SlipRule);
                word = meant;
            }
            if (_words.TryGetValue(word, out var full))
            {
                result.Add(full);
                applied.Add(word == "percentage" ? NumberRule : AbbreviationRule);
            }
            else if (_directions.TryGetValue(word, out var direction))
            {
                result.Add(direction);
                applied.Add(DirectionRule);
            }
            else if (_letters.TryGetValue(word, out var letter) && i + 1 < words.Count && _placeWords.Contains(words[i + 1])
                && (i == 0 || words[i - 1].Length > 1))
            {
                result.Add(letter);
                applied.Add(DirectionRule);
            }
            else if (Decade(word) is { } decade)
            {
                // "nineteen eighties", "19 80s": the century is already in the decade.
                if (result.Count > 0 && result[^1] is "nineteen" or "19")
                {
                    result.RemoveAt(result.Count - 1);
                }
                result.Add(decade);
                if (decade != word)
                {
                    applied.Add(DecadeRule);
                }
            }
            else
            {
                result.Add(word);
            }
        }
        return result;
    }

    /// <summary>
    /// The unit, month or decade word a word that is no English word misspells, the one word of those within its typo
    /// budget ("decads" for decades, "kilomters" for kilometers, "Septmber"), or a tens word with a plural's "s" for its
    /// decade ("seventys", "eightys"); null for any other word, so the other rules read the word as meant and the grade
    /// still counts the slip.
    /// </summary>
    private static string? Unslipped(string word)
    {
        if (word.Length < 4 || !word.All(char.IsAsciiLetterLower) || EnglishWords.Contains(word) || _words.ContainsKey(word)
            || _directions.ContainsKey(word) || _decadeWords.ContainsKey(word))
        {
            return null;
        }
        if (_tens.FirstOrDefault(t => word == t + "s" || word == t + "es") is { } tens)
        {
            return tens[..^1] + "ies";
        }
        // The distance is at least the difference in length: words too long or short for a slip are never measured,
        // so a long run of letters costs a length check per candidate, not a full comparison.
        var near = _decadeWords.Keys.Concat(_words.Values).Concat(WordForms.UnitWords)
            .Distinct(StringComparer.Ordinal)
            .Where(w => Math.Abs(w.Length - word.Length) <= TypoTolerance.AllowedEdits(w.Length))
            .Select(w => (Word: w, Distance: DamerauLevenshtein.Distance(word, w)))
            .Where(c => c.Distance <= TypoTolerance.AllowedEdits(c.Word.Length))
            .ToList();
        if (near.Count == 0)
        {
            return null;
        }
        var nearest = near.Where(c => c.Distance == near.Min(n => n.Distance)).Select(c => c.Word).ToList();
        // "decads" is as near to "decade" as to "decades": of one word's singular and plural, the one ending as the word does.
        if (nearest.Count == 2 && WordForms.AreSingularPlural(nearest[0], nearest[1]))
        {
            nearest = nearest.Where(w => w[^1] == word[^1]).ToList();
        }
        return nearest.Count == 1 ? nearest[0] : null;
    }

    /// <summary>"28.5k" is 28500, "5k" is 5000 (before the text is split into words).</summary>
    public static string Thousands(string text, ISet<string> applied)
        => ThousandsK().Replace(text, m =>
        {
            applied.Add(NumberRule);
            var value = decimal.Parse(m.Groups["n"].Value.Replace(',', '.'), CultureInfo.InvariantCulture) * 1000;
            return value.ToString("0.############", CultureInfo.InvariantCulture);
        });

    /// <summary>A decade in one canonical form ("1980s"), or null for a word that is not a decade.</summary>
    private static string? Decade(string word)
    {
        if (_decadeWords.TryGetValue(word, out var tens))
        {
            return $"19{tens}s";
        }
        var match = DecadeDigits().Match(word);
        if (!match.Success)
        {
            return null;
        }
        var digits = match.Groups["d"].Value;
        return digits.Length switch
        {
            4 => $"{digits}s",
            _ => digits[0] is '0' or '1' ? $"20{digits}s" : $"19{digits}s",
        };
    }

    // "1970ies": the plural some write in other languages' style.
    [GeneratedRegex(@"^(?<d>\d0|\d{3}0)(?:s|ies)$")]
    private static partial Regex DecadeDigits();

    [GeneratedRegex(@"(?<![\d.,])(?<n>\d{1,6}(?:[.,]\d{1,3})?)\s?[kK]\b")]
    private static partial Regex ThousandsK();
}
