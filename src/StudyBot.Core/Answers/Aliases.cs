namespace StudyBot.Core.Answers;

/// <summary>
/// Common equivalents a teacher accepts without thinking: the short and long names of the countries
/// the essay decks are about. Each entry maps normalised words to one canonical token. A deck adds
/// its own variants per card (a typed card's <c>answers</c>, <c>{{c1::a|b}}</c> in a cloze).
/// </summary>
public static class Aliases
{
    private static readonly (string[] Words, string Canonical)[] _table =
    [
        .. Group("united-states", "united states of america", "united states", "usa", "u s a", "us", "u s", "america"),
        .. Group("united-kingdom", "united kingdom", "great britain", "britain", "uk", "u k"),
        .. Group("china", "peoples republic of china", "people s republic of china", "pr china", "p r china", "prc", "p r c", "china"),
        .. Group("north-korea", "democratic peoples republic of korea", "democratic people s republic of korea", "dprk", "nk", "north korea"),
        .. Group("south-korea", "republic of korea", "rok", "south korea"),
        // Not China: the Republic of China is Taiwan's state, so dropping "People's" names another one.
        .. Group("taiwan", "republic of china", "roc", "taiwan"),
    ];

    /// <summary>
    /// True for a token that stands for a country of the table, or for its possessive ("north-koreas" for
    /// "North Korea's", "NK's"), so it is never a mere qualifier.
    /// </summary>
    public static bool IsCanonical(string token)
        => _table.Any(entry => entry.Canonical == token || token == entry.Canonical + Possessive);

    /// <summary>The words with each canonical token spelled out as the country's name ("united-states" as "united states").</summary>
    public static List<string> SpellOut(IReadOnlyList<string> tokens)
        => tokens.SelectMany(t => IsCanonical(t) ? SpellOut(t) : [t]).ToList();

    // The normaliser drops the apostrophe, so "China's" arrives as "chinas": the possessive is the name's
    // token with an "s" joined to it, on both sides of a comparison.
    private const string Possessive = "s";

    private static string[] SpellOut(string token)
    {
        var possessive = !_table.Any(entry => entry.Canonical == token);
        var words = (possessive ? token[..^Possessive.Length] : token).Split('-');
        if (possessive)
        {
            words[^1] += Possessive;
        }
        return words;
    }

    /// <summary>A text's normalised words with every alias replaced by its canonical token.</summary>
    public static List<string> CanonicalWords(string text)
        => Canonicalize(AnswerNormalizer.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Replaces every alias in the words with its canonical token, longest alias first.</summary>
    public static List<string> Canonicalize(IReadOnlyList<string> tokens)
    {
        var result = new List<string>(tokens.Count);
        var i = 0;
        while (i < tokens.Count)
        {
            var matched = false;
            foreach (var (words, canonical) in _table)
            {
                if (words.Length > tokens.Count - i)
                {
                    continue;
                }
                if (Matches(tokens, i, words, possessive: false)
                    // "us" is also a pronoun: it names the country only alone or before a noun ("US troops").
                    && (words is not ["us"] || i == 0))
                {
                    result.Add(canonical);
                    i += words.Length;
                    matched = true;
                    break;
                }
                // "PRC's", "the UK's", "North Korea's": the possessive of any of a country's names is the
                // possessive of the one token ("America's" is left alone: "the Americas" are two continents).
                if (words is not ["america"] && Matches(tokens, i, words, possessive: true))
                {
                    result.Add(canonical + Possessive);
                    i += words.Length;
                    matched = true;
                    break;
                }
            }
            if (!matched)
            {
                result.Add(tokens[i]);
                i++;
            }
        }
        return result;
    }

    private static bool Matches(IReadOnlyList<string> tokens, int at, string[] words, bool possessive)
    {
        for (var k = 0; k < words.Length; k++)
        {
            var word = possessive && k == words.Length - 1 ? words[k] + Possessive : words[k];
            if (tokens[at + k] != word)
            {
                return false;
            }
        }
        return true;
    }

    private static IEnumerable<(string[] Words, string Canonical)> Group(string canonical, params string[] aliases)
        => aliases.Select(a => (a.Split(' '), canonical)).OrderByDescending(a => a.Item1.Length);
}
