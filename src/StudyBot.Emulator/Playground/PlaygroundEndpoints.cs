using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using StudyBot.Emulator.Interactions;

namespace StudyBot.Emulator.Playground;

/// <summary>The Playground page ("/", from embedded files) and the small JSON API it polls and posts to.</summary>
internal static class PlaygroundEndpoints
{
    private static readonly Dictionary<string, string> s_contentTypes = new()
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
    };

    public static void Map(WebApplication app, DiscordEmulator emulator)
    {
        app.MapGet("/", () => Embedded("index.html"));
        app.MapGet("/playground/{file}", (string file) => Embedded(file));
        var api = app.MapGroup("/playground/api");
        api.MapGet("/state", () => Json(emulator.PlaygroundSession.StateJson()));
        api.MapGet("/messages", () => Json(emulator.PlaygroundSession.MessagesJson()));
        Post("/command", (session, body) => session.RunAsync(Text(body, "text"), Files(body)));
        api.MapPost("/autocomplete", (Func<HttpContext, Task<IResult>>)(async context =>
        {
            var body = await ReadAsync(context);
            try
            {
                return Json(new JsonObject { ["choices"] = await emulator.PlaygroundSession.AutocompleteAsync(Text(body, "text")) });
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or TimeoutException or FormatException)
            {
                return Json(new JsonObject { ["choices"] = new JsonArray(), ["error"] = e.Message });
            }
        }));
        Post("/click", (session, body) => session.ClickAsync(Text(body, "message_id"), Text(body, "custom_id")));
        Post("/select", (session, body) => session.SelectAsync(Text(body, "message_id"), Text(body, "custom_id"),
            [.. (body["values"] as JsonArray ?? []).Select(v => v!.GetValue<string>())]));
        Post("/modal", (session, body) => session.SubmitModalAsync(Text(body, "interaction_id"),
            (body["values"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? "")));
        api.MapPost("/modal/cancel", () =>
        {
            emulator.PlaygroundSession.CloseModal();
            return Results.NoContent();
        });
        api.MapPost("/notices/dismiss", () =>
        {
            emulator.PlaygroundSession.DismissNotices();
            return Results.NoContent();
        });

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
            : Results.Stream(stream, s_contentTypes.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream"));
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
