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
        .. Group("china", "peoples republic of china", "people s republic of china", "prc", "china"),
        .. Group("north-korea", "democratic peoples republic of korea", "democratic people s republic of korea", "dprk", "nk", "north korea"),
        .. Group("south-korea", "republic of korea", "rok", "south korea"),
    ];

    /// <summary>True for a token that stands for a country of the table (so it is never a mere qualifier).</summary>
    public static bool IsCanonical(string token) => _table.Any(entry => entry.Canonical == token);

    /// <summary>The words with each canonical token spelled out as the country's name ("united-states" as "united states").</summary>
    public static List<string> SpellOut(IReadOnlyList<string> tokens)
        => tokens.SelectMany(t => IsCanonical(t) ? t.Split('-') : [t]).ToList();

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
                if (words.Length <= tokens.Count - i && Matches(tokens, i, words)
                    // "us" is also a pronoun: it names the country only alone or before a noun ("US troops").
                    && (words is not ["us"] || i == 0))
                {
                    result.Add(canonical);
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

    private static bool Matches(IReadOnlyList<string> tokens, int at, string[] words)
    {
        for (var k = 0; k < words.Length; k++)
        {
            if (tokens[at + k] != words[k])
            {
                return false;
            }
        }
        return true;
    }

    private static IEnumerable<(string[] Words, string Canonical)> Group(string canonical, params string[] aliases)
        => aliases.Select(a => (a.Split(' '), canonical)).OrderByDescending(a => a.Item1.Length);
}
