using System.ComponentModel.DataAnnotations;

namespace StudyBot.Discord.Rest;

/// <summary>The <c>Discord:Rest</c> section: how hard the client may push before it stops itself.</summary>
public sealed class DiscordRestOptions
{
    /// <summary>Discord allows 50 requests per second per bot outside interaction routes.</summary>
    public int GlobalRequestsPerSecond { get; set; } = 50;

    /// <summary>429s retried per request before giving up with <see cref="DiscordRateLimitedException"/>.</summary>
    public int MaxRateLimitRetries { get; set; } = 3;

    /// <summary>Retries of 500/502/503/504 for requests that are safe to repeat (not POST).</summary>
    public int MaxServerErrorRetries { get; set; } = 2;

    /// <summary>
    /// 401/403/429 answers tolerated within <see cref="InvalidRequestWindow"/> before the client
    /// refuses to send; Discord bans the IP at 10,000 in 10 minutes, so stop far earlier.
    /// </summary>
    public int InvalidRequestLimit { get; set; } = 1000;

    public TimeSpan InvalidRequestWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Added to every reset and retry-after: Discord rounds them to milliseconds, and a request that
    /// lands a fraction of a millisecond early still counts against the spent bucket.
    /// </summary>
    public TimeSpan RateLimitMargin { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>DM channel ids remembered per user (a DM channel never changes); the least used are dropped beyond this.</summary>
    public int DmChannelCacheSize { get; set; } = 100_000;

    public long MaxFileSizeBytes { get; set; } = 10 * 1024 * 1024;

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal IEnumerable<ValidationResult> Validate()
    {
        if (GlobalRequestsPerSecond is < 1 or > 50)
        {
            yield return new ValidationResult("Discord:Rest:GlobalRequestsPerSecond must be between 1 and 50 (Discord's global limit).");
        }

        if (InvalidRequestLimit is < 1 or >= 10_000)
        {
            yield return new ValidationResult("Discord:Rest:InvalidRequestLimit must be between 1 and 9999 (Discord bans at 10,000 per 10 minutes).");
        }

        if (DmChannelCacheSize < 0)
        {
            yield return new ValidationResult("Discord:Rest:DmChannelCacheSize cannot be negative (0 turns the cache off).");
        }

        if (MaxRateLimitRetries < 0 || MaxServerErrorRetries < 0)
        {
            yield return new ValidationResult("Discord:Rest retry counts cannot be negative.");
        }
    }
}
