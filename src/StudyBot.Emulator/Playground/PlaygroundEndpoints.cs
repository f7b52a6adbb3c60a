using System.Text.Json;
using System.Text.Json.Nodes;
using StudyBot.Emulator.Interactions;

namespace StudyBot.Emulator.Playground;

/// <summary>
/// The Playground page ("/", from embedded files) and the small JSON API it polls and posts to, both
/// behind <see cref="PlaygroundRequestCheck"/> (loopback host; JSON POSTs from the page's own origin).
/// </summary>
internal static class PlaygroundEndpoints
{
    private static readonly Dictionary<string, string> _contentTypes = new()
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    /// <summary>What the page's reset dialog sends once the user confirmed.</summary>
    public const string ResetConfirmation = "reset";

    public static void Map(WebApplication app, DiscordEmulator emulator)
    {
        app.MapGet("/", () => Embedded("index.html")).AddEndpointFilter(PlaygroundRequestCheck.FilterAsync);
        app.MapGet("/playground/{file}", (string file) => Embedded(file)).AddEndpointFilter(PlaygroundRequestCheck.FilterAsync);
        var api = app.MapGroup("/playground/api");
        api.AddEndpointFilter(PlaygroundRequestCheck.FilterAsync);
        api.MapGet("/state", () => Json(emulator.PlaygroundSession.StateJson(emulator.PlaygroundReset is not null)));
        api.MapGet("/messages", (HttpContext context) =>
        {
            try
            {
                return Json(emulator.PlaygroundSession.MessagesJson(context.Request.Query["as"], context.Request.Query["channel"]));
            }
            catch (ArgumentException e)
            {
                return Results.Content(new JsonObject { ["error"] = e.Message }.ToJsonString(), "application/json", null, 400);
            }
        });
        Post("/command", (session, body) => session.RunAsync(Optional(body, "as"), Optional(body, "channel"), Text(body, "text"), Files(body)));
        api.MapPost("/autocomplete", (Func<HttpContext, Task<IResult>>)(async context =>
        {
            var body = await ReadAsync(context);
            try
            {
                var choices = await emulator.PlaygroundSession.AutocompleteAsync(Optional(body, "as"), Optional(body, "channel"), Text(body, "text"));
                return Json(new JsonObject { ["choices"] = choices });
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or TimeoutException or FormatException)
            {
                return Json(new JsonObject { ["choices"] = new JsonArray(), ["error"] = e.Message });
            }
        }));
        Post("/click", (session, body) => session.ClickAsync(Optional(body, "as"), Text(body, "message_id"), Text(body, "custom_id")));
        Post("/select", (session, body) => session.SelectAsync(Optional(body, "as"), Text(body, "message_id"), Text(body, "custom_id"),
            [.. (body["values"] as JsonArray ?? []).Select(v => v!.GetValue<string>())]));
        Post("/modal", (session, body) => session.SubmitModalAsync(Optional(body, "as"), Text(body, "interaction_id"),
            (body["values"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? "")));
        Post("/modal/cancel", (session, body) =>
        {
            session.CloseModal(Optional(body, "as"));
            return Task.CompletedTask;
        });
        Post("/notices/dismiss", (session, body) =>
        {
            session.DismissNotices(Optional(body, "as"), Optional(body, "id"));
            return Task.CompletedTask;
        });
        // Reset deletes the user's Playground: only after the page's "Reset?" dialog, which sends the confirmation.
        Post("/reset", (_, body) => Optional(body, "confirm") != ResetConfirmation
            ? throw new ArgumentException($"Reset deletes everything done in the Playground; confirm it on the page (the request needs \"confirm\": \"{ResetConfirmation}\").")
            : emulator.PlaygroundReset is { } reset
                ? reset()
                : throw new InvalidOperationException("This Playground has no bot host to reset."));

        void Post(string path, Func<PlaygroundSession, JsonObject, Task> action) =>
            api.MapPost(path, (Func<HttpContext, Task<IResult>>)(context => Act(context, action)));

        async Task<IResult> Act(HttpContext context, Func<PlaygroundSession, JsonObject, Task> action)
        {
            var body = await ReadAsync(context);
            try
            {
                await action(emulator.PlaygroundSession, body);
                return Json(new JsonObject { ["ok"] = true });
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException)
            {
                return Results.Content(new JsonObject { ["error"] = e.Message }.ToJsonString(), "application/json", null, 400);
            }
        }
    }

    private static IResult Embedded(string file)
    {
        var stream = typeof(PlaygroundEndpoints).Assembly.GetManifestResourceStream($"playground/{file}");
        return stream is null
            ? Results.NotFound()
            : Results.Stream(stream, _contentTypes.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream"));
    }

    private static IResult Json(JsonNode node) => Results.Content(node.ToJsonString(), "application/json");

    private static async Task<JsonObject> ReadAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? Optional(JsonObject body, string key) => body[key]?.GetValue<string>();

    private static string Text(JsonObject body, string key) =>
        body[key]?.GetValue<string>() ?? throw new ArgumentException($"The request needs '{key}'.");

    /// <summary>Files picked for attachment options: {option: {filename, content_type, base64}}.</summary>
    private static Dictionary<string, AttachmentInput> Files(JsonObject body) =>
        (body["files"] as JsonObject ?? []).Where(p => p.Value is JsonObject).ToDictionary(
            p => p.Key,
            p => new AttachmentInput(
                p.Value!["filename"]?.GetValue<string>() ?? p.Key,
                Convert.FromBase64String(p.Value["base64"]?.GetValue<string>() ?? ""),
                p.Value["content_type"]?.GetValue<string>() is { Length: > 0 } type ? type : "application/octet-stream"));
}
