namespace StudyBot.Features.Settings;

/// <summary>
/// How people name time zones, mapped to IANA ids: countries and regions ("india", "pacific"),
/// abbreviations ("CET", "EST"), cities the IANA id does not name. A name may mean several zones
/// (then all are offered); the first is the most common.
/// </summary>
public static class ZoneNames
{
    public static readonly IReadOnlyDictionary<string, string[]> Aliases = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        // Abbreviations, summer and winter alike.
        ["utc"] = ["UTC"], ["gmt"] = ["Europe/London", "UTC"], ["z"] = ["UTC"],
        ["est"] = ["America/New_York"], ["edt"] = ["America/New_York"], ["et"] = ["America/New_York"],
        ["cst"] = ["America/Chicago", "Asia/Shanghai"], ["cdt"] = ["America/Chicago"], ["ct"] = ["America/Chicago"],
        ["mst"] = ["America/Denver", "America/Phoenix"], ["mdt"] = ["America/Denver"], ["mt"] = ["America/Denver"],
        ["pst"] = ["America/Los_Angeles"], ["pdt"] = ["America/Los_Angeles"], ["pt"] = ["America/Los_Angeles"],
        ["akst"] = ["America/Anchorage"], ["hst"] = ["Pacific/Honolulu"],
        ["bst"] = ["Europe/London"], ["wet"] = ["Europe/Lisbon"], ["west"] = ["Europe/Lisbon"],
        ["cet"] = ["Europe/Berlin", "Europe/Paris", "Europe/Madrid", "Europe/Rome", "Europe/Amsterdam"], ["cest"] = ["Europe/Berlin", "Europe/Paris"],
        ["eet"] = ["Europe/Athens", "Europe/Helsinki", "Europe/Kyiv", "Africa/Cairo"], ["eest"] = ["Europe/Athens", "Europe/Helsinki"],
        ["msk"] = ["Europe/Moscow"], ["ist"] = ["Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"], ["pkt"] = ["Asia/Karachi"],
        ["ict"] = ["Asia/Bangkok", "Asia/Ho_Chi_Minh"], ["wib"] = ["Asia/Jakarta"], ["sgt"] = ["Asia/Singapore"], ["hkt"] = ["Asia/Hong_Kong"],
        ["jst"] = ["Asia/Tokyo"], ["kst"] = ["Asia/Seoul"], ["aest"] = ["Australia/Sydney", "Australia/Brisbane"], ["aedt"] = ["Australia/Sydney"],
        ["acst"] = ["Australia/Adelaide"], ["awst"] = ["Australia/Perth"], ["nzst"] = ["Pacific/Auckland"], ["nzdt"] = ["Pacific/Auckland"],
        ["sast"] = ["Africa/Johannesburg"], ["wat"] = ["Africa/Lagos"], ["eat"] = ["Africa/Nairobi"], ["brt"] = ["America/Sao_Paulo"], ["art"] = ["America/Argentina/Buenos_Aires"],
        // Regions people say.
        ["eastern"] = ["America/New_York"], ["central"] = ["America/Chicago", "Europe/Berlin"], ["mountain"] = ["America/Denver"],
        ["pacific"] = ["America/Los_Angeles"], ["alaska"] = ["America/Anchorage"], ["hawaii"] = ["Pacific/Honolulu"], ["arizona"] = ["America/Phoenix"],
        ["atlantic"] = ["America/Halifax"], ["newfoundland"] = ["America/St_Johns"],
        ["central europe"] = ["Europe/Berlin", "Europe/Paris"], ["eastern europe"] = ["Europe/Athens", "Europe/Kyiv"], ["western europe"] = ["Europe/Lisbon", "Europe/London"],
        // Countries.
        ["india"] = ["Asia/Kolkata"], ["pakistan"] = ["Asia/Karachi"], ["bangladesh"] = ["Asia/Dhaka"], ["nepal"] = ["Asia/Kathmandu"], ["sri lanka"] = ["Asia/Colombo"],
        ["china"] = ["Asia/Shanghai"], ["hong kong"] = ["Asia/Hong_Kong"], ["taiwan"] = ["Asia/Taipei"], ["japan"] = ["Asia/Tokyo"],
        ["korea"] = ["Asia/Seoul"], ["south korea"] = ["Asia/Seoul"], ["north korea"] = ["Asia/Pyongyang"], ["mongolia"] = ["Asia/Ulaanbaatar"],
        ["vietnam"] = ["Asia/Ho_Chi_Minh"], ["thailand"] = ["Asia/Bangkok"], ["indonesia"] = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"],
        ["philippines"] = ["Asia/Manila"], ["malaysia"] = ["Asia/Kuala_Lumpur"], ["singapore"] = ["Asia/Singapore"],
        ["australia"] = ["Australia/Sydney", "Australia/Melbourne", "Australia/Brisbane", "Australia/Adelaide", "Australia/Perth"], ["new zealand"] = ["Pacific/Auckland"],
        ["usa"] = ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"], ["united states"] = ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"],
        ["canada"] = ["America/Toronto", "America/Vancouver", "America/Edmonton", "America/Winnipeg", "America/Halifax"], ["mexico"] = ["America/Mexico_City"],
        ["brazil"] = ["America/Sao_Paulo"], ["argentina"] = ["America/Argentina/Buenos_Aires"], ["chile"] = ["America/Santiago"], ["colombia"] = ["America/Bogota"], ["peru"] = ["America/Lima"],
        ["uk"] = ["Europe/London"], ["britain"] = ["Europe/London"], ["england"] = ["Europe/London"], ["scotland"] = ["Europe/London"], ["ireland"] = ["Europe/Dublin"],
        ["germany"] = ["Europe/Berlin"], ["france"] = ["Europe/Paris"], ["spain"] = ["Europe/Madrid"], ["italy"] = ["Europe/Rome"], ["netherlands"] = ["Europe/Amsterdam"],
        ["belgium"] = ["Europe/Brussels"], ["switzerland"] = ["Europe/Zurich"], ["austria"] = ["Europe/Vienna"], ["sweden"] = ["Europe/Stockholm"], ["norway"] = ["Europe/Oslo"],
        ["denmark"] = ["Europe/Copenhagen"], ["finland"] = ["Europe/Helsinki"], ["poland"] = ["Europe/Warsaw"], ["czechia"] = ["Europe/Prague"], ["portugal"] = ["Europe/Lisbon"],
        ["greece"] = ["Europe/Athens"], ["turkey"] = ["Europe/Istanbul"], ["ukraine"] = ["Europe/Kyiv"], ["russia"] = ["Europe/Moscow"], ["israel"] = ["Asia/Jerusalem"],
        ["iran"] = ["Asia/Tehran"], ["saudi arabia"] = ["Asia/Riyadh"], ["uae"] = ["Asia/Dubai"], ["egypt"] = ["Africa/Cairo"], ["nigeria"] = ["Africa/Lagos"],
        ["kenya"] = ["Africa/Nairobi"], ["south africa"] = ["Africa/Johannesburg"], ["morocco"] = ["Africa/Casablanca"], ["ethiopia"] = ["Africa/Addis_Ababa"],
        // Cities the IANA ids do not name.
        ["washington"] = ["America/New_York"], ["boston"] = ["America/New_York"], ["miami"] = ["America/New_York"], ["atlanta"] = ["America/New_York"],
        ["san francisco"] = ["America/Los_Angeles"], ["seattle"] = ["America/Los_Angeles"], ["dallas"] = ["America/Chicago"], ["houston"] = ["America/Chicago"],
        ["beijing"] = ["Asia/Shanghai"], ["mumbai"] = ["Asia/Kolkata"], ["delhi"] = ["Asia/Kolkata"], ["new delhi"] = ["Asia/Kolkata"], ["bangalore"] = ["Asia/Kolkata"],
        ["munich"] = ["Europe/Berlin"], ["frankfurt"] = ["Europe/Berlin"], ["kiev"] = ["Europe/Kyiv"], ["saigon"] = ["Asia/Ho_Chi_Minh"], ["osaka"] = ["Asia/Tokyo"],
    };
}
