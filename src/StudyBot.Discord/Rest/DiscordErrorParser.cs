using System.Net;
using System.Text.Json;
using StudyBot.Discord.Models;

namespace StudyBot.Discord.Rest;

/// <summary>
/// Turns an error answer into a typed exception, flattening 50035's nested <c>_errors</c> into
/// field paths. Every text taken from the body passes through <see cref="SecretRedactor"/>.
/// </summary>
internal static class DiscordErrorParser
{
    public static DiscordApiException ToException(string route, HttpStatusCode status, byte[] body, string? token)
    {
        DiscordErrorBody? error = null;
        try
        {
            error = body.Length == 0 ? null : JsonSerializer.Deserialize(body, DiscordJsonContext.Default.DiscordErrorBody);
        }
        catch (JsonException)
        {
            // Not Discord's JSON (a proxy's HTML page, say): report the status alone.
        }

        var code = error?.Code ?? 0;
        var message = string.IsNullOrEmpty(error?.Message) ? status.ToString() : SecretRedactor.Redact(error.Message, token);
        var fields = new List<string>();
        if (error?.Errors is { ValueKind: JsonValueKind.Object } errors)
        {
            Collect(errors, "", fields);
            for (var i = 0; i < fields.Count; i++)
            {
                fields[i] = SecretRedactor.Redact(fields[i], token);
            }
        }

        return status == HttpStatusCode.Unauthorized
            ? new DiscordUnauthorizedException(route, code, message)
            : new DiscordApiException(route, status, code, message, fields);
    }

    private static void Collect(JsonElement node, string path, List<string> into)
    {
        foreach (var property in node.EnumerateObject())
        {
            if (property.Name == "_errors" && property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in property.Value.EnumerateArray())
                {
                    var text = item.TryGetProperty("message", out var m) ? m.GetString() : item.ToString();
                    var code = item.TryGetProperty("code", out var c) ? c.ToString() : null;
                    into.Add($"{(path.Length == 0 ? "(body)" : path)}: {text}{(code is null ? "" : $" [{code}]")}");
                }
            }
            else if (property.Value.ValueKind == JsonValueKind.Object)
            {
                Collect(property.Value, path.Length == 0 ? property.Name : path + "." + property.Name, into);
            }
        }
    }
}
