namespace StudyBot.Discord.Rest;

/// <summary>A file to upload with a message. Held in memory so a rate-limited request can be sent again.</summary>
public sealed record FileAttachment(string FileName, ReadOnlyMemory<byte> Content, string ContentType = "application/octet-stream", string? Description = null);
