using System.Text.RegularExpressions;
using StudyBot.Core.Decks.Generation;

namespace StudyBot.Core.Answers;

/// <summary>
/// An accepted answer with words that only restate or narrow it, each read past to a Hard (never a Good): a kind of
/// place after the place's name ("the Yangtze River", "Sichuan Province", "Hainan Island"), never when together they name
/// another place ("Kansas City", "Mexico City", "Washington State"); "in place" for where a listed "remain on/in X" says
/// the thing stays ("remain in place"); the country the card is about, after the answer ("rare earths from China");
/// and a "non-" form where the card accepts the un-/de-/dis- form of the same stem ("non-armed" for "unarmed"), never
/// where the bare word is the answer ("non-nuclear" for "nuclear" stays a denial).
/// </summary>
public static partial class RestatedForms
{
    public const string PlaceKindRule = "place-kind";
    public const string InPlaceRule = "in-place";
    public const string CardCountryRule = "card-country";
    public const string PrivativeRule = "privative";

    /// <summary>Words that say what kind of place a name is.</summary>
    private static readonly HashSet<string> _placeKinds = new(StringComparer.Ordinal)
    {
        "city", "river", "province", "island", "islands", "region", "county", "prefecture", "state", "peninsula", "lake",
        "sea", "mountains", "mountain", "valley", "strait", "desert", "district", "territory", "plateau", "basin", "delta", "bay",
    };

    /// <summary>
    /// Places named by a name and a kind of place that are not that name's place: "Kansas City" is not Kansas, "Mexico City"
    /// not Mexico. Any country or region of the places list before "City", and any city of it before "State", is one too.
    /// </summary>
    private static readonly HashSet<string> _otherPlaces = new(StringComparer.Ordinal)
    {
        "kansas city", "mexico city", "quebec city", "panama city", "guatemala city", "kuwait city", "vatican city", "belize city",
        "oklahoma city", "iowa city", "jersey city", "carson city", "jefferson city", "atlantic city", "salt lake city", "texas city",
        "ho chi minh city", "quezon city", "davao city", "cebu city", "djibouti city", "washington state", "new york state",
        "rhode island", "long island", "hong kong island", "prince edward island", "red river", "yellow river", "yellow sea",
        "red sea", "black sea", "dead sea", "great salt lake", "orange river", "hudson bay", "york county",
    };

    private static readonly HashSet<string> _countriesAndRegions = Gazetteer.Countries.Concat(Gazetteer.Regions)
        .Select(AnswerNormalizer.Normalize).ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> _countryNames = Gazetteer.Countries.Select(AnswerNormalizer.Normalize).ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> _known = Gazetteer.All.Select(AnswerNormalizer.Normalize).ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> _cities = Gazetteer.Cities.Select(AnswerNormalizer.Normalize).ToHashSet(StringComparer.Ordinal);

    /// <summary>Verbs of staying: "remain in place" says where a listed "remain on the peninsula" says.</summary>
    private static readonly HashSet<string> _stayVerbs = new(StringComparer.Ordinal)
    {
        "remain", "remains", "remained", "remaining", "stay", "stays", "stayed", "staying", "keep", "keeps", "kept", "keeping",
        "be", "is", "are", "stand", "stands", "standing",
    };

    /// <summary>The privative prefixes a "non-" may stand for.</summary>
    private static readonly string[] _privatives = ["un", "de", "dis", "in", "im", "il", "ir", "a"];

    /// <summary>The rule in the words the student sees.</summary>
    public static string Describe(string rule) => rule switch
    {
        PlaceKindRule => "a kind of place after the name",
        InPlaceRule => "\"in place\" for where it stays",
        CardCountryRule => "the country the card is about added",
        PrivativeRule => "\"non-\" for the card's prefix of the same meaning",
        _ => rule,
    };

    /// <summary>The student's answer with the restating words put back as the card's answer would say it, each with its rule.</summary>
    public static IEnumerable<(string Form, string Rule)> Of(string given, IReadOnlyList<string> accepted, string? cardText)
    {
        if (PlaceKindLeftAside(given) is { } place)
        {
            yield return (place, PlaceKindRule);
        }
        foreach (var form in InPlace(given, accepted))
        {
            yield return (form, InPlaceRule);
        }
        if (cardText is not null && CardCountryLeftAside(given, accepted, cardText) is { } bare)
        {
            yield return (bare, CardCountryRule);
        }
    }

    /// <summary>"the Yangtze River" without "River"; null when there is no kind of place, or name and kind make another place.</summary>
    private static string? PlaceKindLeftAside(string given)
    {
        var m = PlaceKind().Match(given);
        if (!m.Success || !_placeKinds.Contains(m.Groups["kind"].Value.ToLowerInvariant()))
        {
            return null;
        }
        var name = AnswerNormalizer.Normalize(m.Groups["name"].Value);
        var whole = $"{name} {m.Groups["kind"].Value.ToLowerInvariant()}";
        var kind = m.Groups["kind"].Value.ToLowerInvariant();
        if (name.Length == 0 || _otherPlaces.Contains(whole) || _known.Contains(whole)
            || (kind == "city" && _countriesAndRegions.Contains(name)) || (kind == "state" && _cities.Contains(name)))
        {
            return null;
        }
        return m.Groups["before"].Value + m.Groups["name"].Value;
    }

    /// <summary>"remain in place" as each listed "remain on X" / "remain in X" (the same verb of staying).</summary>
    private static IEnumerable<string> InPlace(string given, IReadOnlyList<string> accepted)
    {
        var m = InPlacePhrase().Match(given);
        if (!m.Success)
        {
            yield break;
        }
        var verb = m.Groups["verb"].Value.ToLowerInvariant();
        foreach (var answer in accepted)
        {
            var a = StayWhere().Match(answer);
            if (a.Success && _stayVerbs.Contains(a.Groups["verb"].Value.ToLowerInvariant())
                && (verb == a.Groups["verb"].Value.ToLowerInvariant() || WordForms.AreOtherEndings(verb, a.Groups["verb"].Value.ToLowerInvariant())))
            {
                yield return string.Concat(given.AsSpan(0, m.Groups["place"].Index), a.Groups["where"].Value, given.AsSpan(m.Groups["place"].Index + m.Groups["place"].Length));
            }
        }
    }

    /// <summary>"rare earths from China" without "from China", where the card's sentence names China and no accepted answer names a country.</summary>
    private static string? CardCountryLeftAside(string given, IReadOnlyList<string> accepted, string cardText)
    {
        var m = TrailingCountry().Match(given);
        if (!m.Success)
        {
            return null;
        }
        var name = AnswerNormalizer.Normalize(m.Groups["country"].Value);
        var country = Aliases.CanonicalWords(m.Groups["country"].Value);
        var card = Aliases.CanonicalWords(cardText);
        var named = _countryNames.Contains(name)
            ? $" {string.Join(' ', card)} ".Contains($" {name} ", StringComparison.Ordinal) || NamesInPossessive(cardText, name)
            : country.Count > 0 && country.All(Aliases.IsCanonical) && country.All(card.Contains);
        if (!named || accepted.Any(a => Aliases.CanonicalWords(a).Any(w => Aliases.IsCanonical(w) || _countryNames.Contains(w))))
        {
            return null;
        }
        return m.Groups["answer"].Value;
    }

    /// <summary>"England's main export": the card names the country in the possessive.</summary>
    private static bool NamesInPossessive(string cardText, string name)
        => AnswerNormalizer.Normalize(cardText.Replace("'s", "", StringComparison.Ordinal)).Split(' ') is var words
            && $" {string.Join(' ', words)} ".Contains($" {name} ", StringComparison.Ordinal);

    /// <summary>
    /// "non-armed" (or "nonarmed") read as "unarmed" where an accepted answer has that word: another privative prefix
    /// before the same stem (or a form of it: "non-nuclear" for "denuclearised"); null when no accepted word fits.
    /// </summary>
    public static string? Privative(string given, IReadOnlyList<string> accepted)
    {
        var m = NonWord().Match(given);
        if (!m.Success)
        {
            return null;
        }
        var stem = m.Groups["stem"].Value.ToLowerInvariant();
        foreach (var word in accepted.SelectMany(a => AnswerNormalizer.Normalize(a).Split(' ')))
        {
            foreach (var prefix in _privatives)
            {
                if (word.Length - prefix.Length >= 4 && word.StartsWith(prefix, StringComparison.Ordinal)
                    && SharesStem(word[prefix.Length..], stem) && (WordForms.IsWordOrFormOfOne(word[prefix.Length..]) || EnglishWords.Contains(stem)))
                {
                    return string.Concat(given.AsSpan(0, m.Index), word, given.AsSpan(m.Index + m.Length));
                }
            }
        }
        return null;
    }

    /// <summary>One word, another ending of it, or the two share their first 6 letters ("nuclear", "nuclearised").</summary>
    private static bool SharesStem(string a, string b)
        => a == b || WordForms.AreOtherEndings(a, b)
            || (Math.Min(a.Length, b.Length) >= 6 && a.AsSpan(0, 6).SequenceEqual(b.AsSpan(0, 6)));

    [GeneratedRegex(@"^(?<before>\s*(?:the\s+)?)(?<name>[\p{Lu}][\p{L}'-]*(?:\s+[\p{Lu}][\p{L}'-]*)*)\s+(?<kind>\p{L}+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceKind();

    [GeneratedRegex(@"\b(?<verb>\p{L}+)\s+(?<place>in\s+place)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InPlacePhrase();

    [GeneratedRegex(@"\b(?<verb>\p{L}+)\s+(?<where>(?:on|in|at)\s+.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StayWhere();

    [GeneratedRegex(@"^(?<answer>.*\p{L}.*?)\s+(?:from|of|in)\s+(?<country>(?:the\s+)?[\p{Lu}][\p{L}.]*(?:\s+[\p{Lu}][\p{L}.]*)*)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingCountry();

    [GeneratedRegex(@"\bnon-?\s*(?<stem>\p{L}{4,})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NonWord();
}
