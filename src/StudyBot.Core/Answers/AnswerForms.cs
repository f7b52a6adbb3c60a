using System.Text.RegularExpressions;

namespace StudyBot.Core.Answers;

/// <summary>
/// Words around an answer that a teacher reads past: filler before or after it ("I think it's ...",
/// "it was ...", "the answer is ...", "... I believe") and a title before a name ("President",
/// "General", "Dr.", "Chinese President"). Each strip gives a candidate the grader tries besides the
/// answer as typed; the answer as typed wins a tie.
/// </summary>
public static partial class AnswerForms
{
    public const string FillerRule = "filler";
    public const string TitleRule = "title";
    public const string TitlesRule = "title-inside";

    /// <summary>The answer without filler before and after it, or null when there is none (or nothing else).</summary>
    public static string? WithoutFiller(string given)
    {
        var text = given.Replace('\u2019', '\'').Trim();
        var stripped = TrailingFiller().Replace(text, "");
        stripped = LeadingOpinion().Replace(stripped, "");
        stripped = LeadingCopula().Replace(stripped, "");
        stripped = LeadingPreposition().Replace(stripped, "");
        stripped = WithoutPlaceKind(stripped);
        stripped = stripped.Trim(' ', ',', ':', '.', '-');
        return stripped.Length > 0 && stripped != text && stripped.Any(char.IsLetterOrDigit) ? stripped : null;
    }

    /// <summary>
    /// "the city of Beijing" as "Beijing", unless the kind is part of a country's own name that the rest does not name
    /// ("the Republic of China" is Taiwan's state, not China; "the Republic of Korea" is South Korea).
    /// </summary>
    private static string WithoutPlaceKind(string text)
    {
        var stripped = LeadingPlaceKind().Replace(text, "");
        if (stripped == text)
        {
            return text;
        }
        var before = Countries(text);
        return before.Count > 0 && !before.SetEquals(Countries(stripped)) ? text : stripped;
    }

    private static HashSet<string> Countries(string text)
        => Aliases.CanonicalWords(text).Where(Aliases.IsCanonical).ToHashSet(StringComparer.Ordinal);

    /// <summary>The name without the title before it ("President Xi Jinping" is "Xi Jinping"), or null.</summary>
    public static string? WithoutTitle(string given)
    {
        var stripped = LeadingTitle().Replace(given.Trim(), "");
        return stripped.Length > 0 && stripped != given.Trim() && stripped.Any(char.IsLetter) ? stripped : null;
    }

    /// <summary>The answer without a title before a name inside it ("too much power over President Trump"), or null when there is none.</summary>
    public static string? WithoutTitles(string given)
    {
        var stripped = InnerTitle().Replace(given.Trim(), "");
        return stripped.Length > 0 && stripped != given.Trim() && stripped.Any(char.IsLetter) ? stripped : null;
    }

    /// <summary>
    /// The answer without words that only stress it ("as fast as it possibly can", "a very rapid expansion"), or null
    /// when it has none; a word that one of the card's answers has is kept ("very" where the card says "very high").
    /// </summary>
    public static string? WithoutIntensifiers(string given, IEnumerable<string> accepted)
    {
        var kept = AnswerNormalizer.WordSet(accepted);
        var stripped = Intensifier().Replace(given, m => kept.Contains(m.Groups["word"].Value.ToLowerInvariant()) ? m.Value : "").Trim();
        return stripped.Length > 0 && stripped != given.Trim() && stripped.Any(char.IsLetterOrDigit) ? stripped : null;
    }

    /// <summary>
    /// <paramref name="acronym"/> is written in capitals (dots allowed) and its letters are the initials of
    /// <paramref name="name"/>'s words, small words left out: "NATO" for the North Atlantic Treaty Organization,
    /// "U.N." for the United Nations, "EU" for European Union (not "WTO" for the World Health Organization).
    /// </summary>
    public static bool IsAcronymOf(string acronym, string name)
    {
        var letters = acronym.Trim().Replace(".", "", StringComparison.Ordinal);
        if (letters.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
        {
            letters = letters[4..].Trim();
        }
        if (letters.Length is < 2 or > 6 || !letters.All(char.IsAsciiLetterUpper))
        {
            return false;
        }
        var words = AnswerNormalizer.Normalize(name).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !_smallWords.Contains(w)).ToList();
        return words.Count == letters.Length && words.All(w => char.IsAsciiLetter(w[0]))
            && string.Concat(words.Select(w => char.ToUpperInvariant(w[0]))) == letters;
    }

    private static readonly HashSet<string> _smallWords = new(StringComparer.Ordinal) { "the", "a", "an", "of", "and", "for", "in", "on", "to" };

    [GeneratedRegex(@"\b(?<word>possibly|really|very|truly|absolutely|extremely|utterly|highly|incredibly|quite|indeed|actually|certainly|definitely|simply|totally|completely|entirely)\b\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Intensifier();

    /// <summary>A title word, not first, before a capitalised word.</summary>
    [GeneratedRegex(@"(?<=\S\s+)(?:(?:vice\s+|former\s+)?president|general|gen\.|dr\.?|doctor|mr\.?|mrs\.?|ms\.?|chairman|premier|prime\s+minister|senator|sen\.|governor|professor|prof\.|leader|supreme\s+leader|dictator|king|queen|prince|princess|emperor|chancellor|secretary|ambassador|admiral|colonel|captain|marshal|pope|sir)\s+(?=(?-i:[A-Z]))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InnerTitle();

    [GeneratedRegex(@"^(?:(?:i|we)\s+(?:think|believe|guess|suppose|reckon|would\s+say)|i'?d\s+say|i'?m\s+(?:pretty\s+|fairly\s+|quite\s+)?sure|(?:my|the)\s+answer\s+(?:is|would\s+be)|answer\s*:|according\s+to\s+the\s+(?:essay|text|reading|article|authors?))\s*(?:that\s+)?[,:]?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingOpinion();

    [GeneratedRegex(@"^(?:(?:it|that|this)\s*(?:'s|\s+is|\s+was|\s+would\s+be|\s+should\s+be|\s+must\s+be)|its|thats|(?:they|these|those)\s+(?:are|were)|they're|(?:he|she)\s*(?:'s|\s+is|\s+was)|(?:it'?s|it\s+is|it\s+was)\s+called|called)\s+(?:called\s+)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingCopula();

    /// <summary>"in 1789", "on June 12", "during the 1960s", "the year 1066": a preposition or "the year" before a date.</summary>
    [GeneratedRegex(@"^(?:(?:in\s+)?the\s+year\s+(?=\d)|(?:in|on|during|since|by)\s+(?=(?:the\s+)?(?:'?\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingPreposition();

    /// <summary>"the city of Seoul", "the state of Texas": the kind of place before its name.</summary>
    [GeneratedRegex(@"^(?:the\s+)?(?:city|town|village|capital|country|nation|state|province|region|island|port|kingdom|republic)\s+of\s+(?=(?-i:[A-Z]))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingPlaceKind();

    [GeneratedRegex(@"[\s,]*(?:,|\s)\s*(?:i\s+(?:think|believe|guess|suppose|reckon)|i'?m\s+(?:pretty\s+|fairly\s+)?sure|if\s+i\s+remember(?:\s+(?:right|correctly))?|i\s+think\s+so)\s*[.!?]*\s*$|\s*[.!?]+\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingFiller();

    [GeneratedRegex(@"^(?:(?:[A-Za-z]+\s+)?[A-Za-z]+(?:ese|an|ish|ch|i)\s+)?(?:(?:vice\s+|former\s+|late\s+)?president|pres\.?|(?:general\s+)?secretary(?:\s+general)?|secretary\s+of\s+state|general|gen\.?|dr\.?|doctor|mr\.?|mrs\.?|ms\.?|miss|mister|madame|mme\.?|monsieur|herr|sir|dame|lord|lady|chairman|chairwoman|premier|(?:prime|foreign|defen[cs]e)\s+minister|minister|pm|king|queen|prince|princess|emperor|empress|tsar|czar|senator|sen\.?|governor|gov\.?|professor|prof\.?|(?:supreme\s+)?leader|dictator|comrade|(?:field\s+)?marshal|admiral|colonel|col\.?|captain|capt\.?|chancellor|ambassador|reverend|rev\.?|pope|saint|st\.?)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingTitle();
}
