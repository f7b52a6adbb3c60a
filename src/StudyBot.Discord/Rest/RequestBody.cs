using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using StudyBot.Discord.Models;

namespace StudyBot.Discord.Rest;

/// <summary>A request body that can be rebuilt for every attempt: JSON, or multipart with payload_json and files[n].</summary>
public sealed class RequestBody
{
    private readonly byte[] _json;
    private readonly IReadOnlyList<FileAttachment> _files;

    private RequestBody(byte[] json, IReadOnlyList<FileAttachment> files)
    {
        _json = json;
        _files = files;
    }

    /// <summary>The JSON that is sent (alone, or as payload_json).</summary>
    public ReadOnlyMemory<byte> Json => _json;

    public IReadOnlyList<FileAttachment> Files => _files;

    public static RequestBody FromJson<T>(T value, JsonTypeInfo<T> typeInfo, IReadOnlyList<FileAttachment>? files = null)
        => new(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo), files ?? []);

    public HttpContent CreateContent()
    {
        var json = new ByteArrayContent(_json);
        json.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (_files.Count == 0)
        {
            return json;
        }

        var form = new MultipartFormDataContent();
        form.Add(json, "payload_json");
        for (var i = 0; i < _files.Count; i++)
        {
            var file = new ReadOnlyMemoryContent(_files[i].Content);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(_files[i].ContentType);
            form.Add(file, $"files[{i}]", _files[i].FileName);
        }

        return form;
    }

    /// <summary>Refuses files Discord would reject, naming the file.</summary>
    internal static void CheckFiles(IReadOnlyList<FileAttachment>? files, long maxBytes)
    {
        if (files is null)
        {
            return;
        }

        if (files.Count > 10)
        {
            throw new DiscordLimitException("files", $"{files.Count} files; a message holds at most 10.");
        }

        for (var i = 0; i < files.Count; i++)
        {
            if (files[i].Content.Length > maxBytes)
            {
                throw new DiscordLimitException($"files[{i}]", $"'{files[i].FileName}' is {files[i].Content.Length} bytes; the limit is {maxBytes}.");
            }
        }
    }

    /// <summary>Message bodies must list their uploads as attachments {id = n, filename}.</summary>
    internal static IReadOnlyList<AttachmentReference>? References(IReadOnlyList<FileAttachment>? files)
        => files is null || files.Count == 0
            ? null
            : files.Select((f, i) => new AttachmentReference { Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Filename = f.FileName, Description = f.Description }).ToList();
}
