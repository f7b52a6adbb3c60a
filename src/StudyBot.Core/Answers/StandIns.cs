using System.Text.RegularExpressions;

namespace StudyBot.Core.Answers;

/// <summary>
/// Names that stand in for a place a teacher still recognises, each from a small general table, never one-off
/// strings: a place's old name ("Peking" for Beijing, "Bombay" for Mumbai, "Burma" for Myanmar), a country's people
/// for the country ("the Americans" for the United States, "the North Koreans" for North Korea), and a country's
/// leader for its state or regime ("rein in Kim" for "rein in Pyongyang", "Xi" for Beijing). Each is graded Hard at
/// best: the student named the right thing, not the way the card asks for it.
/// </summary>
public static partial class StandIns
{
    public const string OldNameRule = "old-name";
    public const string PeopleRule = "people";
    public const string LeaderRule = "leader";

    /// <summary>Old names of places and the names they have now.</summary>
    private static readonly (string Old, string Now)[] _oldNames =
    [
        ("Peking", "Beijing"), ("Peiping", "Beijing"), ("Canton", "Guangzhou"), ("Nanking", "Nanjing"), ("Tientsin", "Tianjin"),
        ("Chungking", "Chongqing"), ("Amoy", "Xiamen"), ("Formosa", "Taiwan"), ("Bombay", "Mumbai"), ("Calcutta", "Kolkata"),
        ("Madras", "Chennai"), ("Burma", "Myanmar"), ("Rangoon", "Yangon"), ("Siam", "Thailand"), ("Ceylon", "Sri Lanka"),
        ("Persia", "Iran"), ("Saigon", "Ho Chi Minh City"), ("Constantinople", "Istanbul"), ("Leningrad", "Saint Petersburg"),
        ("Stalingrad", "Volgograd"), ("Kampuchea", "Cambodia"), ("Rhodesia", "Zimbabwe"), ("Zaire", "Congo"), ("Dacca", "Dhaka"),
        ("Kiev", "Kyiv"), ("Bechuanaland", "Botswana"), ("Abyssinia", "Ethiopia"), ("Mesopotamia", "Iraq"), ("Dahomey", "Benin"),
        ("Upper Volta", "Burkina Faso"), ("East Pakistan", "Bangladesh"), ("Gold Coast", "Ghana"), ("Ulan Bator", "Ulaanbaatar"),
    ];

    /// <summary>Leaders and the country whose state or regime they stand for.</summary>
    private static readonly (string Leader, string Country)[] _leaders =
    [
        ("Kim Jong Un", "North Korea"), ("Kim Jong-un", "North Korea"), ("Kim Jong Il", "North Korea"), ("Kim", "North Korea"),
        ("Xi Jinping", "China"), ("Xi", "China"), ("Putin", "Russia"), ("Trump", "the United States"), ("Biden", "the United States"),
        ("Obama", "the United States"), ("Shinzo Abe", "Japan"), ("Abe", "Japan"), ("Moon Jae-in", "South Korea"),
        ("Moon Jae In", "South Korea"), ("Erdogan", "Turkey"), ("Modi", "India"), ("Macron", "France"), ("Merkel", "Germany"),
    ];

    /// <summary>The answer with one kind of stand-in put back as the place, each with the rule and what it stood for.</summary>
    public static IEnumerable<(string Form, string Rule, string Said, string Meant)> Of(string given)
    {
        foreach (var (old, now) in _oldNames)
        {
            if (Replace(given, old, now) is { } form)
            {
                yield return (form, OldNameRule, old, now);
            }
            // The name of today where the card keeps the old one ("Mumbai" where the card says Bombay).
            if (Replace(given, now, old) is { } back)
            {
                yield return (back, OldNameRule, now, old);
            }
        }
        foreach (var (leader, country) in _leaders)
        {
            if (Replace(given, leader, country) is { } form)
            {
                yield return (form, LeaderRule, leader, country);
            }
        }
        foreach (Match m in People().Matches(given))
        {
            var people = AnswerNormalizer.Normalize(m.Groups["people"].Value);
            var adjective = people.EndsWith('s') && Capitals.CountryOfPeople(people[..^1]) is not null ? people[..^1] : people;
            if (Capitals.CountryOfPeople(adjective) is { } country)
            {
                var name = string.Join(' ', country.Split('-', ' ').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
                yield return (string.Concat(given.AsSpan(0, m.Index), name, given.AsSpan(m.Index + m.Length)), PeopleRule, m.Value, name);
            }
        }
    }

    /// <summary>The text with the name as a whole word (an "'s" after it kept) replaced, or null when it is not there.</summary>
    private static string? Replace(string text, string name, string by)
    {
        var pattern = $@"(?<![\p{{L}}-]){Regex.Escape(name).Replace(@"\ ", @"[\s-]+", StringComparison.Ordinal)}(?![\p{{L}}-])";
        var result = Regex.Replace(text, pattern, by, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return result != text ? result : null;
    }

    /// <summary>"the Americans", "the Chinese", "the North Koreans": a people with "the", where the country is meant.</summary>
    [GeneratedRegex(@"\bthe\s+(?<people>(?:(?:north|south)\s+)?[\p{L}]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex People();
}
