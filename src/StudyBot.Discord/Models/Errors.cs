using System.Text.Json;

namespace StudyBot.Discord.Models;

/// <summary>Discord's JSON error body: <c>{code, message, errors?}</c>.</summary>
public sealed record DiscordErrorBody
{
    public int Code { get; init; }
    public string Message { get; init; } = "";
    public JsonElement? Errors { get; init; }
}

/// <summary>The body of a 429 answer.</summary>
public sealed record RateLimitBody
{
    public string Message { get; init; } = "";
    /// <summary>Seconds to wait, fractional.</summary>
    public double RetryAfter { get; init; }
    public bool Global { get; init; }
    public int? Code { get; init; }
}
