namespace StudyBot.Emulator.State;

/// <summary>File bytes served back at a CDN-like URL of the emulator.</summary>
public sealed record StoredAttachment(string Id, string ChannelId, string FileName, string ContentType, byte[] Bytes)
{
    public string PathAndQuery => $"/attachments/{ChannelId}/{Id}/{Uri.EscapeDataString(FileName)}";
}
