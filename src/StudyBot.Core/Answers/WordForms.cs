namespace StudyBot.Core.Answers;

/// <summary>
/// When two different words are still the same word to a teacher: British and American spelling
/// ("organise"/"organize", "colour"/"color", "defence"/"defense", "eastwards"/"eastward",
/// "travelled"/"traveled", "centre"/"center"), singular and plural ("concession"/"concessions",
/// "country"/"countries"), and other endings of one word ("disarm"/"disarmed"), which are not the same.
/// A spelling pair counts only when one of its words is spelled so in one of the two Englishes
/// (<see cref="EnglishWords"/>), so "filled"/"filed" and "four"/"for" stay different words.
/// </summary>
public static partial class WordForms
{
    /// <summary>British ending, American ending: the British form's ending is replaced.</summary>
    private static readonly (string British, string American, bool Always)[] _spellings =
    [
        ("isation", "ization", false), ("isations", "izations", false), ("ise", "ize", false), ("ised", "ized", false),
        ("ises", "izes", false), ("ising", "izing", false), ("iser", "izer", false), ("isers", "izers", false),
        ("yse", "yze", false), ("ysed", "yzed", false), ("ysing", "yzing", false),
        ("our", "or", false), ("ours", "ors", false), ("oured", "ored", false), ("ouring", "oring", false),
        ("ourable", "orable", false), ("ourite", "orite", false), ("ourites", "orites", false),
        ("ence", "ense", true), ("ences", "enses", true),
        ("wards", "ward", true),
        ("lled", "led", false), ("lling", "ling", false), ("ller", "ler", false), ("llers", "lers", false),
        ("tre", "ter", false), ("tres", "ters", false), ("ogue", "og", true), ("ogues", "ogs", true),
        ("gramme", "gram", false), ("grammes", "grams", false),
    ];

    /// <summary>The same word in British and American spelling.</summary>
    public static bool AreSpellingVariants(string a, string b)
    {
        if (a == b)
        {
            return false;
        }
        foreach (var (british, american, always) in _spellings)
        {
            if (IsPair(a, b, british, american) || IsPair(b, a, british, american))
            {
                return always || EnglishWords.IsRegional(a) || EnglishWords.IsRegional(b)
                    || EnglishWords.Contains(a) != EnglishWords.Contains(b);
            }
        }
        // Spellings of one English each, a letter or two apart: "sulphur"/"sulfur", "aluminium"/"aluminum".
        return EnglishWords.IsAmericanOnly(a) != EnglishWords.IsAmericanOnly(b)
            && EnglishWords.IsBritishOnly(a) != EnglishWords.IsBritishOnly(b)
            && EnglishWords.IsRegional(a) && EnglishWords.IsRegional(b)
            && DamerauLevenshtein.Distance(a, b) <= 2;
    }

    /// <summary>Latin and Greek plurals: nucleus/nuclei, analysis/analyses, bacterium/bacteria, phenomenon/phenomena.</summary>
    private static readonly (string Singular, string Plural)[] _classical = [("us", "i"), ("is", "es"), ("um", "a"), ("on", "a"), ("ex", "ices"), ("ix", "ices")];

    /// <summary>One is the plural of the other: -s, -es, -y/-ies, -f/-ves, Latin and Greek endings, and possessives read as "chinas".</summary>
    public static bool AreSingularPlural(string a, string b)
    {
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        if (shorter.Length < 2 || shorter == longer
            // "Versailles" is a name, "Versaille" a misspelling of it, not its singular.
            || (EnglishWords.IsProperName(longer) && !EnglishWords.Contains(shorter)))
        {
            return false;
        }
        return longer == shorter + "s"
            || longer == shorter + "es"
            || (shorter.EndsWith('y') && longer == shorter[..^1] + "ies")
            || (shorter.EndsWith('f') && longer == shorter[..^1] + "ves")
            || (shorter.EndsWith("fe", StringComparison.Ordinal) && longer == shorter[..^2] + "ves")
            || (shorter.EndsWith("man", StringComparison.Ordinal) && longer == shorter[..^3] + "men")
            || _classical.Any(c => IsClassical(a, b, c) || IsClassical(b, a, c));
    }

    private static bool IsClassical(string singular, string plural, (string Singular, string Plural) ending)
    {
        if (!singular.EndsWith(ending.Singular, StringComparison.Ordinal) || !plural.EndsWith(ending.Plural, StringComparison.Ordinal))
        {
            return false;
        }
        var stem = singular[..^ending.Singular.Length];
        return stem.Length >= 3 && plural == stem + ending.Plural && EnglishWords.Contains(singular);
    }

    /// <summary>Another ending of the same verb: -s, -ed, -d, -ing ("resents"/"resented", "lower"/"lowering", "restrain"/"restrained").</summary>
    public static bool AreOtherEndings(string a, string b)
        => a != b && Math.Min(a.Length, b.Length) >= 3 && Stems(a).Overlaps(Stems(b));

    /// <summary>A word of the list, or a regular form of one the list leaves out ("deservingly" of "deserving").</summary>
    public static bool IsWordOrFormOfOne(string word) => EnglishWords.Contains(word) || Stems(word).Any(s => s != word);

    private static void AddWord(HashSet<string> stems, string stem)
    {
        if (EnglishWords.Contains(stem))
        {
            stems.Add(stem);
        }
    }

    /// <summary>Endings of another part of speech, each with what the stem ends in without it.</summary>
    private static readonly (string Ending, string Replacement)[] _derivations =
    [
        ("ence", "ent"), ("ency", "ent"), ("ance", "ant"), ("ancy", "ant"), ("ily", "y"), ("ly", ""), ("ness", ""),
        ("isation", "ise"), ("ization", "ize"), ("isation", "ize"), ("ization", "ise"), ("ation", "ate"), ("ation", "e"), ("ation", ""), ("tion", "te"), ("ction", "ct"),
        ("sion", "de"), ("ctive", "ct"), ("sive", "de"), ("al", "e"), ("aint", "ain"),
        // "delivery"/"deliver", "machinery"/"machine", "production"/"produce", "competition"/"compete".
        ("ery", "er"), ("ery", "e"), ("uction", "uce"), ("ition", "e"),
    ];

    /// <summary>
    /// The word's stems, and their stems in turn: "negotiations" by "negotiation" to "negotiate", "deservedly" by
    /// "deserved" to "deserve", "restraint" to "restrain". "-ment" makes no stem: "statement" is not "state".
    /// </summary>
    private static HashSet<string> Stems(string word)
    {
        var stems = StemsOnce(word);
        foreach (var stem in stems.Where(s => s != word).ToList())
        {
            stems.UnionWith(StemsOnce(stem));
        }
        return stems;
    }

    private static HashSet<string> StemsOnce(string word)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal) { word };
        // Another part of speech of one word: "deterrence"/"deterrent", "rapidly"/"rapid", "easily"/"easy", "awareness"/"aware".
        // Also a noun of a verb: "protection"/"protect", "invasion"/"invade", "industrialisation"/"industrialise".
        foreach (var (ending, replacement) in _derivations)
        {
            if (word.Length - ending.Length >= 4 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                AddWord(stems, word[..^ending.Length] + replacement);
            }
        }
        foreach (var ending in new[] { "ing", "ed", "es", "s", "d" })
        {
            if (word.Length - ending.Length < 3 || !word.EndsWith(ending, StringComparison.Ordinal))
            {
                continue;
            }
            // Only stems that are words: "tiled" is "tile", never "til", so not another ending of "tilled" ("till").
            var stem = word[..^ending.Length];
            AddWord(stems, stem);
            if (ending is "ing" or "ed")
            {
                AddWord(stems, stem + "e");
                // "planned": the doubled last consonant, when the stem as written is no word.
                if (stem.Length >= 4 && stem[^1] == stem[^2] && !EnglishWords.Contains(stem))
                {
                    AddWord(stems, stem[..^1]);
                }
            }
        }
        return stems;
    }

    /// <summary>Units of time, length, weight, money and share, by their singular: "months" is another unit than "years".</summary>
    private static readonly HashSet<string> _units = new(StringComparer.Ordinal)
    {
        "second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "millennium", "generation",
        "millimetre", "millimeter", "centimetre", "centimeter", "metre", "meter", "kilometre", "kilometer", "km", "inch", "foot", "feet",
        "yard", "mile", "mi", "gram", "kilogram", "kg", "tonne", "ton", "pound", "ounce", "litre", "liter", "gallon",
        "dollar", "cent", "euro", "yuan", "yen", "percent", "pct", "thousand", "million", "billion", "trillion", "times", "fold",
    };

    /// <summary>The unit words in singular and plural ("decade", "decades", "century", "centuries"), three letters or more.</summary>
    public static IEnumerable<string> UnitWords => _unitWords.Value;

    private static readonly Lazy<string[]> _unitWords = new(() => _units.Where(u => u.Length >= 3 && u.All(char.IsAsciiLetterLower))
        .SelectMany(u => new[] { u, u.EndsWith('y') ? u[..^1] + "ies" : u + "s" })
        .Where(EnglishWords.Contains)
        .ToArray());

    /// <summary>Both are units, and not the same one: "months" and "years", "miles" and "kilometres".</summary>
    public static bool AreOtherUnits(string a, string b)
    {
        var (ua, ub) = (Unit(a), Unit(b));
        return ua is not null && ub is not null && ua != ub && !AreSpellingVariants(ua, ub);
    }

    private static string? Unit(string word)
    {
        foreach (var candidate in new[] { word, word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y" : word, word.TrimEnd('s') })
        {
            if (_units.Contains(candidate))
            {
                return candidate == "feet" ? "foot" : candidate;
            }
        }
        return null;
    }

    /// <summary>Both name a direction, and not the same one: "westward" and "eastward", "north-east" and "south-east" (not "east" and "eastward").</summary>
    public static bool AreOtherDirections(string a, string b)
    {
        var (da, db) = (Direction(a), Direction(b));
        return da is not null && db is not null && da != db;
    }

    /// <summary>
    /// <paramref name="given"/> names a compass point <paramref name="expected"/> does not, in words run together, split
    /// or hyphenated: "north-western provinces" against "northeastern provinces" is another direction, never a slip.
    /// A point left out is not judged here ("north eest" may be a slip of "north east"; the spelling allowance decides).
    /// </summary>
    public static bool NameOtherCompassPoints(string given, string expected)
    {
        var (pg, pe) = (CompassPoints(given), CompassPoints(expected));
        if (pg.Length == 0 || pe.Length == 0)
        {
            return false;
        }
        var at = 0;
        foreach (var point in pg)
        {
            at = pe.IndexOf(point, at) + 1;
            if (at == 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A word that names compass points ("north", "southwestern", "eastwards").</summary>
    public static bool IsDirection(string word) => Direction(word) is not null;

    /// <summary>The compass points named inside a text, in order, as letters ("nw" for "north-western provinces").</summary>
    private static string CompassPoints(string text)
    {
        var letters = new System.Text.StringBuilder();
        foreach (System.Text.RegularExpressions.Match m in CompassWord().Matches(text.ToLowerInvariant()))
        {
            letters.Append(m.Value[0]);
        }
        return letters.ToString();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"north|south|east|west")]
    private static partial System.Text.RegularExpressions.Regex CompassWord();

    /// <summary>The compass points a word names, as letters ("ne" for "northeastern", "e" for "eastwards"); null for any other word.</summary>
    private static string? Direction(string word)
    {
        var w = word.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        foreach (var ending in new[] { "wards", "ward", "erly", "ern", "erner", "erners" })
        {
            if (w.EndsWith(ending, StringComparison.Ordinal))
            {
                w = w[..^ending.Length];
                break;
            }
        }
        var letters = "";
        foreach (var point in new[] { "north", "south", "east", "west" })
        {
            if (w.StartsWith(point, StringComparison.Ordinal))
            {
                letters += point[0];
                w = w[point.Length..];
            }
        }
        return letters.Length > 0 && w.Length == 0 ? letters : null;
    }

    /// <summary>
    /// <paramref name="clipped"/> is the first letters of <paramref name="word"/>, the way "chem" and "bio" stand for
    /// chemical and biological: 3 letters or more, 3 or more cut off, never a meaning-changing prefix alone ("anti",
    /// "trans") and never a word of its own with its own plural or ending ("ant" for "antarctic": "ants").
    /// </summary>
    public static bool IsClipped(string clipped, string word)
        => clipped.Length >= 3 && word.Length - clipped.Length >= 3 && word.StartsWith(clipped, StringComparison.Ordinal)
            && clipped.All(char.IsAsciiLetterLower) && EnglishWords.IsCommon(word) && !_prefixes.Contains(clipped)
            && !(EnglishWords.Contains(clipped) && new[] { "s", "es", "ed", "ing" }.Any(ending => EnglishWords.Contains(clipped + ending)));

    /// <summary>English prefixes that change a word's meaning: "illegal", "exothermic"/"endothermic", "import"/"export".</summary>
    private static readonly string[] _prefixes =
    [
        "counter", "under", "inter", "intra", "hyper", "super", "micro", "macro", "multi", "trans", "extra", "over", "anti", "endo",
        "hypo", "mono", "poly", "post", "semi", "down", "dis", "exo", "non", "mis", "out", "pre", "pro", "sub", "tri", "uni", "un",
        "in", "im", "il", "ir", "de", "ex", "bi", "co", "up", "re", "a",
    ];

    /// <summary>
    /// The same stem behind different prefixes, or behind a prefix and none: "legal"/"illegal", "import"/"export",
    /// "exothermic"/"endothermic", "inbound"/"outbound". The stem must be long enough to be one (4 letters or more).
    /// </summary>
    public static bool HaveOtherPrefixes(string a, string b)
    {
        if (a == b)
        {
            return false;
        }
        foreach (var pa in _prefixes.Append(""))
        {
            if (!a.StartsWith(pa, StringComparison.Ordinal))
            {
                continue;
            }
            foreach (var pb in _prefixes.Append(""))
            {
                if (pa == pb || !b.StartsWith(pb, StringComparison.Ordinal) || a.Length - pa.Length < 4
                    || !a.AsSpan(pa.Length).SequenceEqual(b.AsSpan(pb.Length)))
                {
                    continue;
                }
                // A prefix against none: the bare stem must be a word ("legal"), or both whole words must be.
                var stem = a[pa.Length..];
                if ((pa.Length > 0 && pb.Length > 0) || EnglishWords.Contains(stem) || (EnglishWords.Contains(a) && EnglishWords.Contains(b)))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static bool IsPair(string british, string american, string britishEnding, string americanEnding)
        => british.EndsWith(britishEnding, StringComparison.Ordinal)
            && american.EndsWith(americanEnding, StringComparison.Ordinal)
            && british.Length - britishEnding.Length == american.Length - americanEnding.Length
            && british.Length - britishEnding.Length >= 2
            && string.CompareOrdinal(british, 0, american, 0, british.Length - britishEnding.Length) == 0;
}
