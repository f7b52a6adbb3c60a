using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using StudyBot.Emulator.State;

namespace StudyBot.Emulator.Rest;

/// <summary>A request body read once: the JSON (payload_json for multipart) and any files[n] parts.</summary>
internal sealed class RestBody
{
    private const string ItemKey = "studybot.emulator.body";
    private const long MaxRequestBytes = 64L * 1024 * 1024;

    public string? RawJson { get; private init; }
    public JsonNode? Json { get; private init; }
    public IReadOnlyList<UploadedFile> Files { get; private init; } = [];

    public static RestBody Of(HttpContext context) => context.Items[ItemKey] as RestBody ?? new RestBody();

    /// <summary>Reads and stores the body; returns an error result when Discord would refuse it outright.</summary>
    public static async Task<IResult?> ReadAsync(HttpContext context, long maxFileBytes)
    {
        var request = context.Request;
        if (request.ContentLength > MaxRequestBytes)
        {
            return TooLarge();
        }
        if (request.HasFormContentType && MediaTypeHeaderValue.TryParse(request.ContentType, out var media)
            && media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return await ReadMultipartAsync(context, HeaderUtilities.RemoveQuotes(media.Boundary).Value ?? "", maxFileBytes);
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length == 0)
        {
            return null;
        }
        var text = Encoding.UTF8.GetString(buffer.ToArray());
        return Parse(context, text, []);
    }

    private static async Task<IResult?> ReadMultipartAsync(HttpContext context, string boundary, long maxFileBytes)
    {
        var reader = new MultipartReader(boundary, context.Request.Body);
        string? payload = null;
        var files = new List<UploadedFile>();
        while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                continue;
            }
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            using var buffer = new MemoryStream();
            await section.Body.CopyToAsync(buffer, context.RequestAborted);
            if (name == "payload_json")
            {
                payload = Encoding.UTF8.GetString(buffer.ToArray());
                continue;
            }
            if (buffer.Length > maxFileBytes)
            {
                context.Items[ItemKey] = new RestBody { RawJson = payload };
                return TooLarge();
            }
            var fileName = HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value ?? name;
            var index = name.StartsWith("files[", StringComparison.Ordinal) && int.TryParse(name[6..^1], out var n) ? n : files.Count;
            files.Add(new UploadedFile(index, fileName, section.ContentType ?? "application/octet-stream", buffer.ToArray()));
        }
        return payload is null ? Store(context, null, null, files) : Parse(context, payload, files);
    }

    private static IResult? Parse(HttpContext context, string text, List<UploadedFile> files)
    {
        try
        {
            return Store(context, text, JsonNode.Parse(text), files);
        }
        catch (JsonException)
        {
            context.Items[ItemKey] = new RestBody { RawJson = text, Files = files };
            return DiscordErrors.Error(400, DiscordErrors.InvalidJson, "The request body contains invalid JSON.");
        }
    }

    private static IResult? Store(HttpContext context, string? raw, JsonNode? json, List<UploadedFile> files)
    {
        context.Items[ItemKey] = new RestBody { RawJson = raw, Json = json, Files = files };
        return null;
    }

    private static IResult TooLarge() => DiscordErrors.Error(413, DiscordErrors.RequestTooLarge, "Request entity too large");
}
