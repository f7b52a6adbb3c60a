namespace StudyBot.Core.Answers;

/// <summary>
/// Capitals that stand for their country's government in writing about politics ("Beijing wants ...",
/// "London objected"): the country's canonical name (as <see cref="Aliases"/> or the normalised name) to
/// its capital. A capital given where the card asks for the country is Hard, never Good nor Again.
/// </summary>
public static class Capitals
{
    public enum CountryForm
    {
        None,
        Other,
        Possessive,
    }

    private static readonly Dictionary<string, string> _capitals = new(StringComparer.Ordinal)
    {
        ["china"] = "beijing", ["united-states"] = "washington", ["united-kingdom"] = "london", ["north-korea"] = "pyongyang",
        ["south-korea"] = "seoul", ["japan"] = "tokyo", ["russia"] = "moscow", ["france"] = "paris", ["germany"] = "berlin",
        ["india"] = "new delhi", ["pakistan"] = "islamabad", ["iran"] = "tehran", ["iraq"] = "baghdad", ["israel"] = "jerusalem",
        ["egypt"] = "cairo", ["turkey"] = "ankara", ["syria"] = "damascus", ["saudi arabia"] = "riyadh", ["italy"] = "rome",
        ["spain"] = "madrid", ["ukraine"] = "kyiv", ["poland"] = "warsaw", ["canada"] = "ottawa", ["mexico"] = "mexico city",
        ["brazil"] = "brasilia", ["argentina"] = "buenos aires", ["australia"] = "canberra", ["taiwan"] = "taipei",
        ["vietnam"] = "hanoi", ["mongolia"] = "ulaanbaatar", ["afghanistan"] = "kabul", ["greece"] = "athens",
        ["netherlands"] = "the hague", ["belgium"] = "brussels", ["sweden"] = "stockholm", ["norway"] = "oslo",
        ["cuba"] = "havana", ["venezuela"] = "caracas", ["south africa"] = "pretoria", ["nigeria"] = "abuja",
        ["kenya"] = "nairobi", ["ethiopia"] = "addis ababa", ["indonesia"] = "jakarta", ["philippines"] = "manila",
        ["thailand"] = "bangkok", ["myanmar"] = "naypyidaw", ["soviet union"] = "moscow", ["austria"] = "vienna",
        ["hungary"] = "budapest", ["portugal"] = "lisbon", ["ireland"] = "dublin", ["denmark"] = "copenhagen",
    };

    /// <summary>Adjectives of nationality and the country (canonical, as <see cref="Aliases"/> gives it) they belong to.</summary>
    private static readonly Dictionary<string, string> _demonyms = new(StringComparer.Ordinal)
    {
        ["chinese"] = "china", ["american"] = "united-states", ["british"] = "united-kingdom", ["japanese"] = "japan",
        ["russian"] = "russia", ["french"] = "france", ["german"] = "germany", ["indian"] = "india", ["korean"] = "korea",
        ["north korean"] = "north-korea", ["south korean"] = "south-korea", ["italian"] = "italy", ["spanish"] = "spain",
        ["mexican"] = "mexico", ["canadian"] = "canada", ["brazilian"] = "brazil", ["iranian"] = "iran", ["iraqi"] = "iraq",
        ["israeli"] = "israel", ["egyptian"] = "egypt", ["turkish"] = "turkey", ["syrian"] = "syria", ["pakistani"] = "pakistan",
        ["afghan"] = "afghanistan", ["vietnamese"] = "vietnam", ["mongolian"] = "mongolia", ["taiwanese"] = "taiwan",
        ["ukrainian"] = "ukraine", ["polish"] = "poland", ["greek"] = "greece", ["dutch"] = "netherlands", ["swedish"] = "sweden",
        ["australian"] = "australia", ["english"] = "england", ["soviet"] = "soviet union",
    };

    /// <summary>The forms that join a country to another in a compound ("Sino-Korean", "Anglo-French"): each its country.</summary>
    private static readonly Dictionary<string, string> _combining = new(StringComparer.Ordinal)
    {
        ["sino"] = "china", ["anglo"] = "england", ["franco"] = "france", ["russo"] = "russia", ["indo"] = "india",
        ["italo"] = "italy", ["hispano"] = "spain", ["greco"] = "greece", ["germano"] = "germany", ["nippo"] = "japan",
        ["austro"] = "austria", ["turko"] = "turkey", ["americo"] = "united-states",
    };

    /// <summary>
    /// <paramref name="word"/> is a people's adjective ("japanese") and the card's own words (<paramref name="cardWords"/>,
    /// read as <see cref="AnswerText"/> reads them) name other countries or peoples but not this one: "Japanese
    /// President Xi" on a card about "the Chinese leader".
    /// </summary>
    public static bool IsForeignTo(string word, IReadOnlyCollection<string> cardWords)
    {
        if (!_demonyms.TryGetValue(word, out var country))
        {
            return false;
        }
        bool names(string token, string place) => token == place || token.StartsWith(place + "-", StringComparison.Ordinal) || token.EndsWith("-" + place, StringComparison.Ordinal);
        if (cardWords.Any(t => t == word || names(t, country)))
        {
            return false;
        }
        return cardWords.Any(t => _demonyms.ContainsKey(t) || _demonyms.Values.Any(place => names(t, place)));
    }

    /// <summary>The country (canonical, as <see cref="Aliases"/> gives it) of a people's adjective ("american", "north korean"), or null.</summary>
    public static string? CountryOfPeople(string adjective) => _demonyms.GetValueOrDefault(adjective);

    /// <summary>A people's adjective ("korean", "chinese") or a country's combining form ("sino").</summary>
    public static bool IsDemonym(string word) => _demonyms.ContainsKey(word) || _combining.ContainsKey(word);

    /// <summary>
    /// How <paramref name="given"/> names the country whose nationality adjective <paramref name="expected"/> is, or the
    /// other way round: <see cref="CountryForm.Possessive"/> for "China's" where the card says "Chinese" (the same
    /// meaning), <see cref="CountryForm.Other"/> for "China" or "Chinese" in place of the other.
    /// </summary>
    public static CountryForm CountryFormOf(IReadOnlyList<string> given, IReadOnlyList<string> expected)
    {
        var g = string.Join(' ', given);
        var e = string.Join(' ', expected);
        // "Sino" says "Chinese": a combining form is the adjective in another shape.
        if (_combining.TryGetValue(g, out var combined) && (_demonyms.GetValueOrDefault(e) == combined || e == combined))
        {
            return CountryForm.Possessive;
        }
        if (_demonyms.TryGetValue(e, out var country))
        {
            return g == country || g == country + "s" && !country.Contains('-', StringComparison.Ordinal) || g == country + " s"
                ? (g == country ? CountryForm.Other : CountryForm.Possessive)
                : CountryForm.None;
        }
        return _demonyms.TryGetValue(g, out var ofGiven) && ofGiven == e ? CountryForm.Other : CountryForm.None;
    }

    /// <summary>
    /// True when one answer (normalised words) names the capital of the country the other names: "Beijing" for
    /// "China", or "China" where the card, as the reading does, says "Beijing".
    /// </summary>
    public static bool StandForEachOther(IReadOnlyList<string> given, IReadOnlyList<string> expected)
        => IsCapitalOf(string.Join(' ', given), string.Join(' ', expected)) || IsCapitalOf(string.Join(' ', expected), string.Join(' ', given));

    private static bool IsCapitalOf(string city, string country) => _capitals.TryGetValue(country, out var capital) && capital == city;
}
