namespace StudyBot.Core.Decks.Generation;

/// <summary>
/// The other names an answer goes by (a capital for its country, a demonym, an old name), so that
/// a blank is refused when its answer shows up elsewhere in the prompt under another name.
/// </summary>
public interface INameAliases
{
    IEnumerable<string> AliasesOf(string name);
}

/// <summary>
/// The generator's table of names that are not the answer but name it all the same: capitals and
/// governments for their countries in political writing (Pyongyang = North Korea, Washington = the
/// United States), demonyms and old names. A country's long and short names ("DPRK", "PRC", "UK")
/// are not repeated here: the answer checker's table (<see cref="Answers.Aliases"/>) holds them
/// and the giveaway check reads it too, so each name lives in one place.
/// </summary>
public sealed class BuiltInNameAliases : INameAliases
{
    public static readonly BuiltInNameAliases Instance = new();

    private static readonly string[][] _groups =
    [
        ["North Korea", "Pyongyang", "North Korean", "the North"],
        ["South Korea", "Seoul", "South Korean"],
        ["United States", "Washington", "U.S.", "America", "American", "Americans"],
        ["China", "Beijing", "Chinese"],
        ["Japan", "Tokyo", "Japanese"],
        ["Russia", "Moscow", "Russian", "Soviet Union", "USSR", "Soviet", "Soviets", "Kremlin"],
        ["United Kingdom", "Britain", "British", "London", "England", "English"],
        ["France", "Paris", "French"],
        ["Germany", "Berlin", "German"],
        ["Rome", "Roman", "Romans"],
        ["Octavian", "Augustus"],
        ["Greece", "Athens", "Greek"],
        ["Turkey", "Ankara", "Turkish"],
        ["Iran", "Tehran", "Iranian", "Persia"],
    ];

    private static readonly Dictionary<string, string[]> _byName = Build();

    public IEnumerable<string> AliasesOf(string name) =>
        _byName.TryGetValue(Strip(name), out var group) ? group.Where(n => !n.Equals(Strip(name), StringComparison.OrdinalIgnoreCase)) : [];

    private static string Strip(string name) => name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? name[4..] : name;

    private static Dictionary<string, string[]> Build()
    {
        var map = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in _groups)
        {
            foreach (var name in group)
            {
                map[Strip(name)] = group;
            }
        }
        return map;
    }
}
