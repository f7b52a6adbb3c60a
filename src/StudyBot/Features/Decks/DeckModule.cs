using StudyBot.Discord.Interactions;
using StudyBot.Discord.Rest;
using StudyBot.Core.Decks;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Decks;

/// <summary>/deck list and /deck upload.</summary>
public sealed class DeckModule(DeckService decks, Instructors instructors, AttachmentDownloader downloader)
{
    public async Task ListAsync(InteractionContext context)
    {
        var list = await decks.ListAsync(context.Interaction.GuildId?.Value, context.CancellationToken);
        await context.Responder.ReplyAsync(DeckViews.List(list), context.CancellationToken);
    }

    public async Task UploadAsync(InteractionContext context)
    {
        if (!await instructors.IsInstructorAsync(context.Interaction, context.CancellationToken))
        {
            await context.Responder.ReplyEphemeralAsync(Instructors.RefusalText, context.CancellationToken);
            return;
        }

        if (context.GetAttachment("file") is not { } attachment)
        {
            await context.Responder.ReplyEphemeralAsync("Attach the deck file to the `file` option.", context.CancellationToken);
            return;
        }

        // Downloading and validating a large package can take longer than Discord's 3 seconds.
        await context.Responder.DeferAsync(ephemeral: true, context.CancellationToken);
        DeckUploadOutcome outcome;
        try
        {
            var limit = Path.GetExtension(attachment.Filename).Equals(".apkg", StringComparison.OrdinalIgnoreCase)
                ? DeckLimits.Default.MaxArchiveBytes
                : DeckLimits.Default.MaxFileBytes;
            var content = await downloader.DownloadAsync(attachment, limit, context.CancellationToken);
            outcome = await decks.UploadAsync(attachment.Filename, content, context.Interaction.GuildId?.Value, context.CancellationToken);
        }
        catch (Exception e) when (e is DiscordLimitException or HttpRequestException)
        {
            outcome = new DeckUploadOutcome(null, null, [], e.Message);
        }

        var reply = outcome.Uploaded ? DeckViews.Uploaded(outcome) : DeckViews.Rejected(attachment.Filename, outcome);
        await context.Responder.EditOriginalAsync(reply with { Flags = null }, null, context.CancellationToken);
    }
}
