namespace StudyBot.Emulator.Rest;

/// <summary>The CDN: attachment bytes at the URLs put into messages and resolved command options.</summary>
internal static class AttachmentRoutes
{
    public static void Map(IEndpointRouteBuilder app, EmulatorCore core) =>
        app.MapGet("/attachments/{channel_id}/{attachment_id}/{file_name}", (string channel_id, string attachment_id) =>
            core.State.FindAttachment(attachment_id) is { } stored && stored.ChannelId == channel_id
                ? Results.Bytes(stored.Bytes, stored.ContentType)
                : Results.NotFound());
}
