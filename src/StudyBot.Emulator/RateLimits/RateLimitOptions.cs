namespace StudyBot.Emulator.RateLimits;

/// <summary>
/// A bucket: <paramref name="Limit"/> requests per <paramref name="Window"/>. A <paramref name="Shared"/>
/// bucket stands for a resource limit shared with others (Discord's scope "shared").
/// </summary>
public sealed record RouteLimit(int Limit, TimeSpan Window, bool Shared = false);

public sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Used by every route not listed in <see cref="Routes"/>.</summary>
    public RouteLimit Default { get; set; } = new(5, TimeSpan.FromSeconds(5));

    /// <summary>Keyed by "METHOD /route/{template}", e.g. "POST /channels/{channel_id}/messages".</summary>
    public Dictionary<string, RouteLimit> Routes { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["POST /interactions/{interaction_id}/{interaction_token}/callback"] = new(50, TimeSpan.FromSeconds(1)),
        ["PATCH /webhooks/{application_id}/{interaction_token}/messages/{message_id}"] = new(50, TimeSpan.FromSeconds(1)),
        ["POST /webhooks/{application_id}/{interaction_token}"] = new(50, TimeSpan.FromSeconds(1)),
    };

    /// <summary>Requests per second per bot across routes (Discord: 50); callbacks and webhooks are exempt.</summary>
    public int GlobalPerSecond { get; set; } = 50;
}
