namespace StudyBot.Emulator.Recording;

/// <summary>
/// One REST request as the emulator received it. <see cref="Route"/> is the route template
/// (e.g. "/channels/{channel_id}/messages"), <see cref="Body"/> the JSON body (payload_json for
/// multipart). Headers are never kept, so the token cannot leak into a record.
/// </summary>
public sealed record RecordedRequest(
    DateTimeOffset At,
    string Method,
    string? Route,
    string Path,
    int Status,
    string? Body,
    IReadOnlyList<string> Files);
