namespace StudyBot.Core.Decks.Generation;

/// <summary>
/// Place names the generator recognises without a model: countries, capitals and large cities,
/// and regions and waters that news and history texts often name. A place found in the text is
/// typed by this list; distractors for a place come from the text first, then from the same group here.
/// </summary>
public static class Gazetteer
{
    public static readonly IReadOnlyList<string> Countries =
    [
        "Afghanistan", "Albania", "Algeria", "Argentina", "Armenia", "Australia", "Austria", "Azerbaijan", "Bangladesh",
        "Belarus", "Belgium", "Bolivia", "Brazil", "Bulgaria", "Cambodia", "Canada", "Chile", "China", "Colombia", "Croatia",
        "Cuba", "Czechia", "Denmark", "Egypt", "Estonia", "Ethiopia", "Finland", "France", "Georgia", "Germany", "Ghana",
        "Greece", "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iraq", "Ireland", "Israel", "Italy", "Japan", "Jordan",
        "Kazakhstan", "Kenya", "Kuwait", "Laos", "Latvia", "Lebanon", "Libya", "Lithuania", "Malaysia", "Mexico", "Mongolia",
        "Morocco", "Myanmar", "Nepal", "Netherlands", "New Zealand", "Nigeria", "North Korea", "Norway", "Pakistan", "Panama",
        "Peru", "Philippines", "Poland", "Portugal", "Qatar", "Romania", "Russia", "Saudi Arabia", "Serbia", "Singapore",
        "Slovakia", "South Africa", "South Korea", "Spain", "Sri Lanka", "Sudan", "Sweden", "Switzerland", "Syria", "Taiwan",
        "Thailand", "Turkey", "Ukraine", "United Kingdom", "United States", "Uruguay", "Uzbekistan", "Venezuela", "Vietnam",
        "Yemen", "Korea", "America", "Britain", "England", "Scotland", "Wales", "the Soviet Union", "Judea", "Gaul", "Egypt",
        "Carthage", "Byzantium", "Parthia", "Persia",
    ];

    public static readonly IReadOnlyList<string> Cities =
    [
        "Beijing", "Shanghai", "Shenyang", "Dandong", "Hong Kong", "Pyongyang", "Seoul", "Busan", "Incheon", "Tokyo", "Osaka",
        "Washington", "New York", "Los Angeles", "Chicago", "Boston", "San Francisco", "Moscow", "Vladivostok", "London",
        "Paris", "Berlin", "Rome", "Madrid", "Vienna", "Geneva", "Brussels", "Amsterdam", "Stockholm", "Oslo", "Warsaw",
        "Kyiv", "Istanbul", "Cairo", "Tehran", "Baghdad", "Delhi", "New Delhi", "Mumbai", "Karachi", "Bangkok", "Hanoi",
        "Manila", "Jakarta", "Sydney", "Toronto", "Ottawa", "Mexico City", "Havana", "Singapore", "Panmunjom", "Kaesong",
        "Albany", "Buffalo", "Rochester", "Syracuse", "Philadelphia", "Baltimore", "Detroit", "Cleveland", "Montreal",
        "Constantinople", "Athens", "Alexandria", "Dalian", "Ankara",
    ];

    public static readonly IReadOnlyList<string> Regions =
    [
        "Asia", "East Asia", "Northeast Asia", "Europe", "Africa", "the Middle East", "Latin America", "the Pacific",
        "Siberia", "Manchuria", "Tibet", "Xinjiang", "Liaoning", "Jilin", "Okinawa", "Guam", "Hawaii", "Alaska", "California",
        "Texas", "New England", "the Midwest", "the Korean Peninsula", "the DMZ", "the Yalu River", "the Tumen River",
        "the Yellow Sea", "the Sea of Japan", "the East China Sea", "the South China Sea", "the Taiwan Strait", "the Hudson River",
        "Lake Erie", "Lake Ontario", "the Great Lakes", "the Atlantic", "the Mississippi", "the Appalachians", "New York State",
        "Ohio", "Pennsylvania", "Michigan", "Vermont", "the Mediterranean", "the Mediterranean Sea", "the Black Sea", "Western Europe",
        "Eastern Europe", "northern Europe", "North Africa", "the Turkish straits", "Punggye-ri", "North Hamgyong Province",
    ];

    private static readonly Dictionary<string, PlaceGroup> _groups = Build();

    public enum PlaceGroup { Country, City, Region }

    public static IEnumerable<string> All => _groups.Keys;

    public static bool TryGroup(string name, out PlaceGroup group) => _groups.TryGetValue(name, out group);

    public static IEnumerable<string> InGroup(PlaceGroup group) => _groups.Where(g => g.Value == group).Select(g => g.Key);

    private static Dictionary<string, PlaceGroup> Build()
    {
        var groups = new Dictionary<string, PlaceGroup>(StringComparer.Ordinal);
        foreach (var name in Regions)
        {
            groups[name.StartsWith("the ", StringComparison.Ordinal) ? name[4..] : name] = PlaceGroup.Region;
        }
        foreach (var name in Cities)
        {
            groups[name] = PlaceGroup.City;
        }
        foreach (var name in Countries)
        {
            groups[name.StartsWith("the ", StringComparison.Ordinal) ? name[4..] : name] = PlaceGroup.Country;
        }
        return groups;
    }
}
