using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StudyBot.Emulator.Recording;

/// <summary>Keeps every request in memory and, when a directory is configured, appends it as a JSON line to this instance's file.</summary>
internal sealed class RequestRecorder(string? directory, TimeProvider time)
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Lock _fileLock = new();
    private readonly string _fileName = $"emulator-{time.GetUtcNow():yyyyMMddHHmmssfff}-{Environment.ProcessId}-{Guid.NewGuid():N}.jsonl";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public string? FilePath => string.IsNullOrEmpty(directory) ? null : Path.Combine(directory, _fileName);

    public void Record(RecordedRequest request)
    {
        _requests.Enqueue(request);
        if (FilePath is not { } path)
        {
            return;
        }
        JsonNode? body = null;
        if (request.Body is not null)
        {
            try
            {
                body = JsonNode.Parse(request.Body);
            }
            catch (JsonException)
            {
                body = request.Body;
            }
        }
        var line = new JsonObject
        {
            ["at"] = request.At.ToString("O"),
            ["method"] = request.Method,
            ["route"] = request.Route,
            ["path"] = request.Path,
            ["status"] = request.Status,
            ["body"] = body,
            ["files"] = new JsonArray([.. request.Files.Select(f => (JsonNode)f)]),
        }.ToJsonString();
        lock (_fileLock)
        {
            Directory.CreateDirectory(directory!);
            File.AppendAllText(path, line + "\n");
        }
    }
}
