using System.Net;

namespace StudyBot.Discord.Rest;

/// <summary>Discord's JSON error codes StudyBot reacts to.</summary>
public static class DiscordErrorCode
{
    public const int UnknownChannel = 10003;
    public const int UnknownGuild = 10004;
    public const int UnknownMember = 10007;
    public const int UnknownMessage = 10008;
    public const int UnknownUser = 10013;
    public const int UnknownInteraction = 10062;
    public const int InteractionAlreadyAcknowledged = 40060;
    public const int MissingAccess = 50001;
    public const int CannotSendMessagesToUser = 50007;
    public const int MissingPermissions = 50013;
    public const int InvalidFormBody = 50035;
}

/// <summary>Discord answered with an error. Carries the route template (never the filled path or a token).</summary>
public class DiscordApiException : Exception
{
    public DiscordApiException(string route, HttpStatusCode status, int code, string discordMessage, IReadOnlyList<string> fieldErrors)
        : base(Describe(route, status, code, discordMessage, fieldErrors))
    {
        Route = route;
        Status = status;
        Code = code;
        DiscordMessage = discordMessage;
        FieldErrors = fieldErrors;
    }

    public string Route { get; }

    public HttpStatusCode Status { get; }

    /// <summary>Discord's JSON error code, 0 when the body had none.</summary>
    public int Code { get; }

    public string DiscordMessage { get; }

    /// <summary>For 50035: one entry per rejected field, <c>path: message</c> (e.g. <c>embeds.0.title: Must be 256 or fewer in length.</c>).</summary>
    public IReadOnlyList<string> FieldErrors { get; }

    /// <summary>The user blocks DMs from this server or bot: a normal outcome, not a fault.</summary>
    public bool IsCannotDirectMessage => Code == DiscordErrorCode.CannotSendMessagesToUser;

    /// <summary>The interaction is gone (answered too late) — 10062.</summary>
    public bool IsUnknownInteraction => Code == DiscordErrorCode.UnknownInteraction;

    public bool IsAlreadyAcknowledged => Code == DiscordErrorCode.InteractionAlreadyAcknowledged;

    private static string Describe(string route, HttpStatusCode status, int code, string message, IReadOnlyList<string> fields)
    {
        var text = $"Discord rejected {route}: {(int)status} {message}" + (code != 0 ? $" (code {code})" : "");
        return fields.Count == 0 ? text : text + ": " + string.Join("; ", fields);
    }
}

/// <summary>401: Discord does not accept the bot token. Retrying cannot help.</summary>
public sealed class DiscordUnauthorizedException(string route, int code, string discordMessage)
    : DiscordApiException(route, HttpStatusCode.Unauthorized, code, discordMessage + " — the bot token was rejected; check DISCORD_TOKEN", []);

/// <summary>Still rate limited after the configured number of waits.</summary>
public sealed class DiscordRateLimitedException(string route, TimeSpan retryAfter, bool global)
    : Exception($"Discord kept rate limiting {route} ({(global ? "global" : "route")} limit; retry after {retryAfter.TotalSeconds:0.###} s); gave up.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>The client stopped itself: too many 401/403/429 answers recently.</summary>
public sealed class DiscordInvalidRequestLimitException(string route, int count, TimeSpan window)
    : Exception($"Not sending {route}: {count} answers of 401/403/429 in the last {window.TotalMinutes:0.#} minutes reached the client's limit (Discord bans the IP at 10,000). Fix the token, permissions or request rate, then retry later.");

/// <summary>A body was refused before sending because Discord would reject it.</summary>
public sealed class DiscordLimitException(string field, string problem)
    : ArgumentException($"{field}: {problem}")
{
    /// <summary>The JSON path of the offending field, e.g. <c>embeds[0].fields[3].value</c>.</summary>
    public string Field { get; } = field;
}
