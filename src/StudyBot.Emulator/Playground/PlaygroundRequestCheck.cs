using System.Net;
using Microsoft.Net.Http.Headers;

namespace StudyBot.Emulator.Playground;

/// <summary>
/// What the Playground's page and API accept, since any web page the user opens could otherwise
/// drive them: every request must name a loopback host (127.0.0.1, [::1] or localhost; another name
/// that resolves to 127.0.0.1 is DNS rebinding), and a POST must be <c>application/json</c> (which a
/// foreign page cannot send without a CORS preflight the Playground never grants) from the page's
/// own origin (<c>Origin</c>, else <c>Sec-Fetch-Site</c>, when the client sends them; a client that
/// sends neither is not a browser, and no web page can speak through it).
/// </summary>
internal static class PlaygroundRequestCheck
{
    /// <summary>Why the request is refused, or null to serve it.</summary>
    public static string? Problem(HttpRequest request)
    {
        if (!IsLoopback(request.Host))
        {
            return $"the Playground answers only at a loopback address (127.0.0.1, [::1] or localhost), not at '{request.Host}'";
        }
        if (!HttpMethods.IsPost(request.Method))
        {
            return null;
        }
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return $"the Playground API takes only application/json, not '{request.ContentType}'";
        }
        var own = $"{request.Scheme}://{request.Host}";
        if (request.Headers.Origin.Count > 0 && !string.Equals(request.Headers.Origin.ToString(), own, StringComparison.OrdinalIgnoreCase))
        {
            return $"the Playground API takes requests only from its own page ({own}), not from '{request.Headers.Origin}'";
        }
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
        {
            return $"the Playground API takes requests only from its own page, not from a {site} one";
        }
        return null;
    }

    /// <summary>An endpoint filter that answers 403 with the reason (as the API's JSON error) when <see cref="Problem"/> finds one.</summary>
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        Problem(context.HttpContext.Request) is { } problem
            ? Results.Content(new System.Text.Json.Nodes.JsonObject { ["error"] = problem }.ToJsonString(), "application/json", null, StatusCodes.Status403Forbidden)
            : await next(context);

    private static bool IsLoopback(HostString host) =>
        host.HasValue
        && (host.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Host, out var address) && IPAddress.IsLoopback(address)));
}
