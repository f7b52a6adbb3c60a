using Microsoft.Extensions.Hosting;

namespace StudyBot.Features.Settings;

/// <summary>
/// The IANA zone ids for autocomplete. Listing the system's zones reads every tzdata file (seconds on
/// a busy machine, past Discord's 3-second window), so it is read once, in the background at start.
/// </summary>
public sealed class TimeZoneCatalog : BackgroundService
{
    private readonly Lazy<Task<IReadOnlyList<string>>> _zones = new(() => Task.Run(Load));

    public Task<IReadOnlyList<string>> ZonesAsync() => _zones.Value;

    /// <summary>Zone ids containing what the student typed (Discord shows at most 25).</summary>
    public async Task<IReadOnlyList<string>> MatchAsync(string typed)
    {
        var needle = typed.Trim().Replace(' ', '_');
        return (await ZonesAsync()).Where(id => id.Contains(needle, StringComparison.OrdinalIgnoreCase)).Take(25).ToList();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => ZonesAsync();

    private static IReadOnlyList<string> Load()
        => TimeZoneInfo.GetSystemTimeZones()
            .Select(z => z.Id)
            .Where(id => id.Contains('/') || id == "UTC")
            .Order(StringComparer.Ordinal)
            .ToList();
}
