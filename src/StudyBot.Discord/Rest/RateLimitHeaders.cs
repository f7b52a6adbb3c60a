using System.Globalization;
using System.Net.Http.Headers;

namespace StudyBot.Discord.Rest;

/// <summary>The X-RateLimit-* headers of one answer; each is null when Discord did not send it.</summary>
public sealed record RateLimitHeaders(
    int? Limit,
    int? Remaining,
    TimeSpan? ResetAfter,
    string? Bucket,
    bool IsGlobal,
    RateLimitScope? Scope,
    TimeSpan? RetryAfter)
{
    public static RateLimitHeaders Parse(HttpResponseHeaders headers)
    {
        return new RateLimitHeaders(
            Int(headers, "X-RateLimit-Limit"),
            Int(headers, "X-RateLimit-Remaining"),
            Seconds(headers, "X-RateLimit-Reset-After"),
            Text(headers, "X-RateLimit-Bucket"),
            string.Equals(Text(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase),
            Text(headers, "X-RateLimit-Scope") switch
            {
                "user" => RateLimitScope.User,
                "global" => RateLimitScope.Global,
                "shared" => RateLimitScope.Shared,
                _ => null,
            },
            Seconds(headers, "Retry-After"));
    }

    private static string? Text(HttpResponseHeaders headers, string name)
        => headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static int? Int(HttpResponseHeaders headers, string name)
        => int.TryParse(Text(headers, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static TimeSpan? Seconds(HttpResponseHeaders headers, string name)
        => double.TryParse(Text(headers, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? TimeSpan.FromSeconds(value)
            : null;
}

/// <summary>Whose limit a 429 was: this bot's (user), all bots' global one, or a resource shared by many (shared; not counted against us).</summary>
public enum RateLimitScope
{
    User,
    Global,
    Shared,
}
