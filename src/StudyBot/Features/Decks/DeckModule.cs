using StudyBot.Core.Decks;
using StudyBot.Core.Decks.Images;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Decks;

/// <summary>/deck: list, info, export, join, leave (everyone); upload, retire, restore, add-essay (instructors).</summary>
public sealed class DeckModule(DeckService decks, ExamService exams, Instructors instructors, AttachmentDownloader downloader, Review.ReviewService reviews, Data.StudyDbContext db)
{
    public async Task ListAsync(InteractionContext context)
    {
        var list = await decks.ListAsync(Guild(context), context.User.Id.Value, context.CancellationToken);
        await context.Responder.ReplyAsync(DeckViews.List(list), context.CancellationToken);
    }

    public Task InfoAsync(InteractionContext context) => GuardedAsync(context, teach: false, async () =>
    {
        var details = await decks.InfoAsync(Guild(context), context.User.Id.Value, Deck(context), context.CancellationToken);
        await context.Responder.ReplyAsync(DeckViews.Info(details), context.CancellationToken);
    });

    public Task ExportAsync(InteractionContext context) => GuardedAsync(context, teach: true, async () =>
    {
        var (fileName, content, images) = await decks.ExportAsync(Guild(context), Deck(context), context.CancellationToken);
        await context.Responder.DeferAsync(ephemeral: true, context.CancellationToken);
        var text = $"`{fileName}`: edit it and upload it again with `/deck upload` to change the deck; progress follows the card ids.";
        if (images.Count > 0)
        {
            text += $" Its {images.Count} image{(images.Count == 1 ? "" : "s")} come{(images.Count == 1 ? "s" : "")} with it: upload {(images.Count == 1 ? "it" : "them")} in `/deck upload`'s image options, under the same names.";
        }
        var message = new MessagePayload { Content = text, AllowedMentions = new AllowedMentions() };
        var files = images.Select(i => new FileAttachment(i.Name.Replace('\\', '/').Split('/')[^1], i.Content, i.ContentType, "An image of the deck")).ToList();
        // A message holds 10 files: the deck and 9 images, then 10 images a follow-up.
        await context.Responder.EditOriginalAsync(message, [new FileAttachment(fileName, content, "application/yaml", "The deck as YAML"), .. files.Take(ImageOptions)], context.CancellationToken);
        foreach (var batch in files.Skip(ImageOptions).Chunk(10))
        {
            await context.Responder.FollowupAsync(new MessagePayload { Content = "More images of the deck:", Flags = MessageFlags.Ephemeral, AllowedMentions = new AllowedMentions() }, batch, context.CancellationToken);
        }
    });

    public Task RetireAsync(InteractionContext context) => GuardedAsync(context, teach: true, async () =>
    {
        var deck = await decks.RetireAsync(Guild(context), Deck(context), context.CancellationToken);
        await context.Responder.ReplyEphemeralAsync($"`{deck.Key}` is retired: students no longer see it in lists or reviews. Their progress is kept; `/deck restore deck:{deck.Key}` brings it back.", context.CancellationToken);
    });

    public Task RestoreAsync(InteractionContext context) => GuardedAsync(context, teach: true, async () =>
    {
        var deck = await decks.RestoreAsync(Guild(context), Deck(context), context.CancellationToken);
        await context.Responder.ReplyEphemeralAsync($"`{deck.Key}` is back: students who had joined it continue where they left off.", context.CancellationToken);
    });

    public Task JoinAsync(InteractionContext context) => GuardedAsync(context, teach: false, async () =>
    {
        var (deck, joined) = await decks.JoinAsync(Guild(context), context.User.Id.Value, Deck(context), context.CancellationToken);
        await context.Responder.ReplyEphemeralAsync(
            joined ? $"You joined **{deck.Title}** (`{deck.Key}`). Start with `/review`." : $"You had already joined **{deck.Title}** (`{deck.Key}`).",
            context.CancellationToken);
    });

    public Task LeaveAsync(InteractionContext context) => GuardedAsync(context, teach: false, async () =>
    {
        var (deck, left) = await decks.LeaveAsync(Guild(context), context.User.Id.Value, Deck(context), context.CancellationToken);
        await context.Responder.ReplyEphemeralAsync(
            left ? $"You left **{deck.Title}** (`{deck.Key}`): its cards no longer come up in `/review`. Your progress is kept if you join again." : $"You had not joined `{deck.Key}`.",
            context.CancellationToken);
    });

    public Task AddEssayAsync(InteractionContext context) => GuardedAsync(context, teach: true, async () =>
    {
        await context.Responder.DeferAsync(ephemeral: true, context.CancellationToken);
        var added = await decks.AddEssayDecksAsync(Guild(context), context.CancellationToken);
        await context.Responder.EditOriginalAsync(DeckViews.EssayAdded(added), null, context.CancellationToken);
    });

    public Task ExamAsync(InteractionContext context) => GuardedAsync(context, teach: true, async () =>
    {
        var exam = await exams.AddAsync(Guild(context), context.User.Id.Value, Deck(context), context.GetString("date") ?? "", context.GetString("time"), context.CancellationToken);
        await context.Responder.ReplyEphemeralAsync(DeckViews.ExamSet(exam), context.CancellationToken);
    });

    public Task ExamsAsync(InteractionContext context) => GuardedAsync(context, teach: false, async () =>
        await context.Responder.ReplyEphemeralAsync(DeckViews.Exams(await exams.ListAsync(Guild(context), context.CancellationToken)), context.CancellationToken));

    public Task ExamRemoveAsync(InteractionContext context) => GuardedAsync(context, teach: true, async () =>
    {
        var exam = await exams.RemoveAsync(Guild(context), context.GetInteger("exam") ?? 0, context.CancellationToken);
        await context.Responder.ReplyEphemeralAsync($"The exam {exam.Id} in **{exam.DeckTitle}** (`{exam.DeckKey}`) at {ExamService.Describe(exam)} is removed.", context.CancellationToken);
    });

    /// <summary>The "Join" buttons of the offer /review shows a student who has joined nothing.</summary>
    public Task JoinFromOfferAsync(InteractionContext context)
        => JoinAndStartAsync(context, context.ReadCustomId(DeckIds.Join).DeckIds);

    /// <summary>The offer's select menu: the deck ids chosen (each checked against what the student may see here).</summary>
    public Task JoinFromSelectAsync(InteractionContext context)
    {
        var ids = new List<int>();
        foreach (var value in context.Values)
        {
            if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                throw new InteractionExpiredException($"unreadable deck id '{value}' in {DeckIds.JoinSelect}");
            }

            ids.Add(id);
        }

        return JoinAndStartAsync(context, ids);
    }

    /// <summary>Joins, then turns the offer itself into the first card (of the one deck joined, or of all the student's decks here).</summary>
    private async Task JoinAndStartAsync(InteractionContext context, IReadOnlyCollection<int>? deckIds)
    {
        await context.Responder.DeferUpdateAsync(context.CancellationToken);
        var userId = context.User.Id.Value;
        var guildId = context.Interaction.GuildId?.Value;
        var joined = await decks.JoinByIdsAsync(guildId, userId, deckIds, context.CancellationToken);
        if (joined.Count == 0)
        {
            await context.Responder.EditOriginalAsync(new MessageBuilder().WithContent(DeckViews.NoLongerAvailableText).Build() with { Embeds = [], Components = [] }, null, context.CancellationToken);
            return;
        }

        var scope = joined.Count == 1 ? joined[0].Id : 0;
        var prompt = await reviews.NextAsync(Place.Of(context), scope, context.CancellationToken);
        var screen = prompt is null
            ? Review.ReviewViews.End(await reviews.EndAsync(Place.Of(context), scope, context.CancellationToken))
            : Review.ReviewViews.Prompt(prompt, ephemeral: false);
        var (shown, files) = CardImages.Show(screen, prompt is null ? null : await CardImages.ForCardAsync(db, prompt.CardId, context.CancellationToken));
        await context.Responder.EditOriginalAsync(shown, files, context.CancellationToken);
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
            var naming = new DeckNaming(context.GetString("id"), context.GetString("title"));
            var images = await ImagesAsync(context);
            outcome = await decks.UploadAsync(attachment.Filename, content, Guild(context), naming, context.CancellationToken, images);
        }
        catch (Exception e) when (e is DiscordLimitException or HttpRequestException)
        {
            outcome = new DeckUploadOutcome(null, null, [], e.Message);
        }

        var reply = outcome.Uploaded ? DeckViews.Uploaded(outcome) : DeckViews.Rejected(attachment.Filename, outcome);
        await context.Responder.EditOriginalAsync(reply with { Flags = null }, null, context.CancellationToken);
    }

    /// <summary>The number of image options /deck upload has (a message holds 10 files: the deck and 9 images).</summary>
    public const int ImageOptions = 9;

    /// <summary>
    /// The images attached with the deck, by file name: each downloaded only when within the image limit
    /// (a larger one is kept as its size, for the card that names it to be told).
    /// </summary>
    private async Task<AttachedImages> ImagesAsync(InteractionContext context)
    {
        var files = new Dictionary<string, ImageFetch>(StringComparer.Ordinal);
        var limit = DeckLimits.Default.MaxImageBytes;
        for (var i = 1; i <= ImageOptions; i++)
        {
            if (context.GetAttachment($"image{i}") is not { } image)
            {
                continue;
            }
            files[image.Filename] = image.Size > limit
                ? ImageFetch.TooLarge(image.Size)
                : ImageFetch.Found(await downloader.DownloadAsync(image, limit, context.CancellationToken));
        }
        return new AttachedImages(files);
    }

    /// <summary>Runs a deck command: instructors only when <paramref name="teach"/>; a refusal (no such deck) is told plainly.</summary>
    private async Task GuardedAsync(InteractionContext context, bool teach, Func<Task> action)
    {
        if (teach && !await instructors.IsInstructorAsync(context.Interaction, context.CancellationToken))
        {
            await context.Responder.ReplyEphemeralAsync(Instructors.RefusalText, context.CancellationToken);
            return;
        }

        try
        {
            await action();
        }
        catch (Exception e) when (RefusalException.Text(e) is { } refused)
        {
            await context.Responder.ReplyEphemeralAsync(refused, context.CancellationToken);
        }
    }

    // /deck is offered in servers only (contexts), so a guild id is always there.
    private static ulong Guild(InteractionContext context)
        => context.Interaction.GuildId?.Value ?? throw new InteractionExpiredException("/deck used outside a server");

    private static string Deck(InteractionContext context) => context.GetString("deck") ?? "";
}
