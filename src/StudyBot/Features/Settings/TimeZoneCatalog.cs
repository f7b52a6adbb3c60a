using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using StudyBot.Hosting;

namespace StudyBot.Features.Settings;

/// <summary>A zone offered to the user: the IANA id to store and what to show.</summary>
public sealed record ZoneMatch(string Id, string Label);

/// <summary>
/// The IANA zones for autocomplete, found the way people name them: part of the id ("new york",
/// "berlin"), a country or region ("india", "pacific"), an abbreviation ("CET", "EST") or a UTC
/// offset ("UTC+5:30", "-8", "GMT+2"). Listing the system's zones reads every tzdata file (seconds on
/// a busy machine, past Discord's 3-second window), so it is read once, in the background at start.
/// </summary>
public sealed partial class TimeZoneCatalog(StudyClock clock) : BackgroundService
{
    public const int MaxChoices = 25;

    private readonly Lazy<Task<IReadOnlyList<TimeZoneInfo>>> _zones = new(() => Task.Run(Load));

    public async Task<IReadOnlyList<string>> ZonesAsync() => [.. (await _zones.Value).Select(z => z.Id)];

    /// <summary>Zones matching what the user typed, best first (Discord shows at most 25).</summary>
    public async Task<IReadOnlyList<ZoneMatch>> MatchAsync(string typed)
    {
        var zones = await _zones.Value;
        var byId = zones.ToDictionary(z => z.Id, StringComparer.OrdinalIgnoreCase);
        var text = typed.Trim();
        var now = clock.Time.GetUtcNow();
        var found = new List<(TimeZoneInfo Zone, string? Why)>();

        void Add(string id, string? why)
        {
            if (byId.TryGetValue(id, out var zone) && found.All(f => f.Zone.Id != zone.Id))
            {
                found.Add((zone, why));
            }
        }

        if (text.Length == 0)
        {
            foreach (var id in new[] { "UTC", "America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/London", "Europe/Berlin", "Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney" })
            {
                Add(id, null);
            }
        }
        else if (ParseOffset(text) is { } offset)
        {
            foreach (var zone in zones.Where(z => z.GetUtcOffset(now) == offset))
            {
                Add(zone.Id, null);
            }
        }
        else
        {
            if (ZoneNames.Aliases.TryGetValue(text, out var exact))
            {
                foreach (var id in exact)
                {
                    Add(id, text);
                }
            }

            var needle = text.Replace(' ', '_');
            foreach (var zone in zones.Where(z => z.Id.Contains(needle, StringComparison.OrdinalIgnoreCase)).OrderBy(z => z.Id.Length))
            {
                Add(zone.Id, null);
            }

            foreach (var (name, ids) in ZoneNames.Aliases.Where(a => a.Key.Length > 3 && a.Key.StartsWith(text, StringComparison.OrdinalIgnoreCase)))
            {
                foreach (var id in ids)
                {
                    Add(id, name);
                }
            }
        }

        return [.. found.Take(MaxChoices).Select(f => new ZoneMatch(f.Zone.Id, Label(f.Zone, f.Why, now)))];
    }

    /// <summary>The IANA id for what a student typed without picking a suggestion: an id, or a name with one best zone; null when unknown.</summary>
    public async Task<string?> ResolveAsync(string typed)
    {
        var text = typed.Trim();
        var zones = await _zones.Value;
        if (zones.FirstOrDefault(z => z.Id.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } zone)
        {
            return zone.Id;
        }

        return (await MatchAsync(text)).FirstOrDefault()?.Id;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => _zones.Value;

    private static string Label(TimeZoneInfo zone, string? why, DateTimeOffset now)
    {
        var offset = zone.GetUtcOffset(now);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var label = string.Create(CultureInfo.InvariantCulture, $"{zone.Id} (UTC{sign}{offset.Duration():hh\\:mm}{(why is null ? "" : ", " + why)})");
        return label.Length <= 100 ? label : zone.Id;
    }

    /// <summary>"UTC+5:30", "GMT-8", "+02:00", "-8", "utc+2" as an offset; null when the text is not one.</summary>
    internal static TimeSpan? ParseOffset(string text)
    {
        var match = OffsetPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var hours = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minutes = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        if (hours > 14 || minutes >= 60)
        {
            return null;
        }

        var span = new TimeSpan(hours, minutes, 0);
        return match.Groups["s"].Value == "-" ? -span : span;
    }

    [GeneratedRegex(@"^\s*(?:utc|gmt)?\s*(?<s>[+-])\s*(?<h>\d{1,2})(?::?(?<m>\d{2}))?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OffsetPattern();

    private static IReadOnlyList<TimeZoneInfo> Load()
        => [.. TimeZoneInfo.GetSystemTimeZones(skipSorting: true)
            .Where(z => z.Id.Contains('/') && !z.Id.StartsWith("Etc/", StringComparison.Ordinal) || z.Id == "UTC")
            .OrderBy(z => z.Id, StringComparer.Ordinal)];
}
