using System.Globalization;
using System.Text.Json.Nodes;
using StudyBot.Emulator.RateLimits;
using StudyBot.Emulator.Recording;

namespace StudyBot.Emulator.Rest;

/// <summary>
/// Everything Discord does around a REST handler, in its order: faults, route match, the bot token,
/// rate limits with their headers; and the record of every request afterwards.
/// </summary>
internal sealed class RestPipeline(EmulatorCore core)
{
    public const string Prefix = "/api/v10";

    /// <summary>The catch-all that answers routes the emulator does not serve with Discord's 404.</summary>
    public const string UnknownRoute = "/{**rest}";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } raw && raw.StartsWith(Prefix, StringComparison.Ordinal)
            && raw != Prefix + UnknownRoute
            ? raw[Prefix.Length..]
            : null;
        // Recorded as the answer starts, so a client that has its answer also finds it in the record.
        var recorded = 0;
        void Record()
        {
            if (Interlocked.Exchange(ref recorded, 1) == 0)
            {
                RecordNow(context, route);
            }
        }
        context.Response.OnStarting(() =>
        {
            Record();
            return Task.CompletedTask;
        });
        var result = await PrepareAsync(context, route);
        if (result is null)
        {
            await next(context);
        }
        else
        {
            await result.ExecuteAsync(context);
        }
        Record();
    }

    private void RecordNow(HttpContext context, string? route)
    {
        // Discord does not hold shared-scope 429s against the client.
        if (context.Response.StatusCode is 401 or 403 or 429 && context.Response.Headers["X-RateLimit-Scope"] != "shared")
        {
            core.CountInvalidRequest();
        }
        var body = RestBody.Of(context);
        core.Recorder.Record(new RecordedRequest(
            core.Options.TimeProvider.GetUtcNow(),
            context.Request.Method,
            route,
            context.Request.Path + context.Request.QueryString,
            context.Response.StatusCode,
            body.RawJson,
            [.. body.Files.Select(f => f.FileName)]));
    }

    private async Task<IResult?> PrepareAsync(HttpContext context, string? route)
    {
        var bodyError = await RestBody.ReadAsync(context, core.Options.MaxFileBytes);
        if (core.Faults.ResponseDelay > TimeSpan.Zero)
        {
            await Task.Delay(core.Faults.ResponseDelay, context.RequestAborted);
        }
        if (route is null)
        {
            return context.GetEndpoint()?.DisplayName?.StartsWith("405", StringComparison.Ordinal) == true
                ? DiscordErrors.Error(405, 0, "405: Method Not Allowed")
                : DiscordErrors.NotFound();
        }
        if (core.Faults.TryTakeFailure(out var status))
        {
            return DiscordErrors.Error(status, 0, $"{status}: {(status == 500 ? "Internal Server Error" : "Server Error")}");
        }
        var tokenFree = IsInteractionRoute(route);
        if (!tokenFree && route != "/gateway" && context.Request.Headers.Authorization.ToString() != $"Bot {core.Options.BotToken}")
        {
            return DiscordErrors.Unauthorized();
        }
        if (core.Options.RateLimits.Enabled)
        {
            var decision = core.Limiter.Acquire($"{context.Request.Method} {route}", MajorParameter(context), globalExempt: tokenFree);
            WriteHeaders(context.Response, decision);
            if (decision.Limited)
            {
                return TooManyRequests(decision);
            }
        }
        return bodyError;
    }

    /// <summary>Interaction callbacks and webhooks need no bot token and are not under the global limit.</summary>
    private static bool IsInteractionRoute(string route) =>
        route.StartsWith("/interactions/", StringComparison.Ordinal) || route.StartsWith("/webhooks/", StringComparison.Ordinal);

    private static string MajorParameter(HttpContext context)
    {
        var values = context.Request.RouteValues;
        foreach (var key in new[] { "channel_id", "guild_id" })
        {
            if (values.TryGetValue(key, out var value))
            {
                return $"{key}={value}";
            }
        }
        if (values.TryGetValue("interaction_token", out var token))
        {
            return $"token={token}";
        }
        return "";
    }

    private static void WriteHeaders(HttpResponse response, RateLimitDecision decision)
    {
        if (decision.HasBucket)
        {
            response.Headers["X-RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
            response.Headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
            response.Headers["X-RateLimit-Reset"] = (decision.ResetAt.ToUnixTimeMilliseconds() / 1000.0).ToString("F3", CultureInfo.InvariantCulture);
            response.Headers["X-RateLimit-Reset-After"] = Seconds(decision.ResetAfter);
            response.Headers["X-RateLimit-Bucket"] = decision.BucketHash;
        }
        if (decision.Limited)
        {
            response.Headers.RetryAfter = Math.Ceiling(decision.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            response.Headers["X-RateLimit-Scope"] = decision.Global ? "global" : decision.Shared ? "shared" : "user";
            if (decision.Global)
            {
                response.Headers["X-RateLimit-Global"] = "true";
            }
        }
    }

    private static IResult TooManyRequests(RateLimitDecision decision) => DiscordErrors.Json(429, new JsonObject
    {
        ["message"] = decision.Shared ? "The resource is being rate limited." : "You are being rate limited.",
        ["retry_after"] = Math.Round(decision.RetryAfter.TotalSeconds, 3),
        ["global"] = decision.Global,
    });

    private static string Seconds(TimeSpan span) => Math.Max(0, span.TotalSeconds).ToString("F3", CultureInfo.InvariantCulture);
}
