using System.Text;
using StudyBot.Core.Decks;
using StudyBot.Core.Decks.Formats;
using StudyBot.Core.Decks.Formats.Yaml;
using StudyBot.Core.Decks.Generation;
using StudyBot.Core.Decks.Validation;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Decks;

/// <summary>
/// /deck generate file:&lt;text&gt; [id] [title] (instructors): drafts a deck from a reading and answers
/// with the draft as a YAML attachment, a preview of its first cards and a "Publish as a deck"
/// button. The button reads the YAML attached to that very message and goes through the normal
/// upload path, so an instructor may also download the draft, edit it and upload it with /deck
/// upload. When the server already has a deck with the draft's id, publishing asks first
/// ("Replace Volcanoes' 7 cards with 4?") and offers to publish the draft as a new deck instead.
/// </summary>
public sealed class DeckGenerateModule(DeckService decks, Instructors instructors, AttachmentDownloader downloader)
{
    public const string PublishId = "dg:publish";
    public const string ReplaceId = "dg:replace";
    public const string AsNewId = "dg:new";

    /// <summary>What a publish button does when the draft's id is already a deck of the server.</summary>
    public enum PublishMode
    {
        Ask,
        Replace,
        AsNew,
    }

    public async Task GenerateAsync(InteractionContext context)
    {
        if (!await instructors.IsInstructorAsync(context.Interaction, context.CancellationToken))
        {
            await context.Responder.ReplyEphemeralAsync(Instructors.RefusalText, context.CancellationToken);
            return;
        }
        if (context.GetAttachment("file") is not { } attachment)
        {
            await context.Responder.ReplyEphemeralAsync("Attach the reading (plain text, Markdown or HTML) to the `file` option.", context.CancellationToken);
            return;
        }
        await context.Responder.DeferAsync(ephemeral: true, context.CancellationToken);
        MessagePayload reply;
        IReadOnlyList<FileAttachment>? files = null;
        try
        {
            var content = await downloader.DownloadAsync(attachment, DeckLimits.Default.MaxFileBytes, context.CancellationToken);
            var text = new UTF8Encoding(false, true).GetString(content);
            (reply, files) = Draft(attachment.Filename, text, context.GetString("id"), context.GetString("title"));
        }
        catch (Exception e) when (e is DiscordLimitException or HttpRequestException)
        {
            reply = Failed(attachment.Filename, e.Message);
        }
        catch (DecoderFallbackException)
        {
            reply = Failed(attachment.Filename, "the file is not UTF-8 text: save it as UTF-8 plain text, Markdown or HTML and try again.");
        }
        await context.Responder.EditOriginalAsync(reply with { Flags = null }, files, context.CancellationToken);
    }

    public async Task PublishAsync(InteractionContext context, PublishMode mode = PublishMode.Ask)
    {
        if (!await instructors.IsInstructorAsync(context.Interaction, context.CancellationToken))
        {
            await context.Responder.ReplyEphemeralAsync(Instructors.RefusalText, context.CancellationToken);
            return;
        }
        var draft = context.Interaction.Message?.Attachments?.FirstOrDefault(a => a.Filename.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase));
        if (draft is null)
        {
            await context.Responder.ReplyEphemeralAsync("This message has no draft attached any more: run `/deck generate` again.", context.CancellationToken);
            return;
        }
        await context.Responder.DeferAsync(ephemeral: true, context.CancellationToken);
        DeckUploadOutcome outcome;
        try
        {
            var content = await downloader.DownloadAsync(draft, DeckLimits.Default.MaxFileBytes, context.CancellationToken);
            // /deck is offered in servers only, so the draft becomes a deck of this server.
            var guildId = context.Interaction.GuildId?.Value ?? throw new InteractionExpiredException("/deck generate used outside a server");
            var loaded = new DeckLoader().LoadBytes(content, draft.Filename, new DeckReadOptions(), context.CancellationToken);
            var naming = new DeckNaming(null, null);
            if (loaded.Deck is { } deck && await decks.ExistingAsync(guildId, deck.Id, context.CancellationToken) is { } existing)
            {
                if (mode == PublishMode.Ask)
                {
                    var ask = ConfirmReplace(existing.Title, existing.Cards, deck.Cards.Count, deck.Id);
                    await context.Responder.EditOriginalAsync(ask, [new FileAttachment(draft.Filename, content, "application/yaml", "Draft deck")], context.CancellationToken);
                    return;
                }
                if (mode == PublishMode.AsNew)
                {
                    naming = new DeckNaming(await decks.FreeKeyAsync(guildId, deck.Id, context.CancellationToken), null);
                }
            }
            outcome = await decks.UploadAsync(draft.Filename, content, guildId, naming, context.CancellationToken);
        }
        catch (Exception e) when (e is DiscordLimitException or HttpRequestException)
        {
            outcome = new DeckUploadOutcome(null, null, [], e.Message);
        }
        var reply = outcome.Uploaded ? DeckViews.Uploaded(outcome) : DeckViews.Rejected(draft.Filename, outcome);
        await context.Responder.EditOriginalAsync(reply with { Flags = null }, null, context.CancellationToken);
    }

    /// <summary>The question before a draft replaces a deck: its buttons carry the draft along, attached to the question.</summary>
    public static MessagePayload ConfirmReplace(string title, int cards, int draftCards, string id) => new MessageBuilder()
        .AddEmbed(e => e
            .WithTitle(Text.Truncate($"Replace {title}'s {cards} cards with {draftCards}?", 250))
            .WithColor(Colors.Brand)
            .WithDescription($"This server already has a deck `{id}`. Replacing it retires the cards the draft does not have (students' progress on the others is kept); or publish the draft as a new deck beside it."))
        .AddActionRow(row => row
            .AddButton(ReplaceId, "Replace", ButtonStyle.Danger)
            .AddButton(AsNewId, "Publish as new deck", ButtonStyle.Primary))
        .Ephemeral()
        .Build();

    /// <summary>The draft as YAML and the message that previews it; a draft that does not validate is reported instead.</summary>
    public static (MessagePayload Reply, IReadOnlyList<FileAttachment>? Files) Draft(string fileName, string text, string? id = null, string? title = null)
    {
        var baseName = Path.GetFileNameWithoutExtension(fileName);
        var deckId = id?.Trim() is { Length: > 0 } given ? given : CardIds.Slug(baseName, CardIds.MaxLength) is { Length: > 0 } slug ? slug : "generated";
        if (!CardIds.IsValid(deckId))
        {
            return (Failed(fileName, $"the id '{deckId}' cannot be a deck id: give `id` as lower-case letters, digits and dashes, e.g. `{CardIds.Slug(deckId, CardIds.MaxLength)}`."), null);
        }
        var options = new GeneratorOptions
        {
            DeckId = deckId,
            Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim(),
            FallbackTitle = DeckTitles.FromFileName(fileName),
            Source = fileName,
        };
        var generated = DeckGenerator.Generate(text, options);
        if (generated.Draft.Notes.Count == 0)
        {
            return (Failed(fileName, $"no card could be drafted from its {generated.Sentences.Count} sentences: is it prose (not a list or a table)?"), null);
        }
        var result = DeckValidator.Validate(generated.Draft, new DiagnosticBag(fileName));
        if (!result.IsValid)
        {
            return (Failed(fileName, string.Join("\n", result.Diagnostics.Where(d => d.IsError).Take(5))), null);
        }
        var deck = result.Deck!;
        var yamlName = options.DeckId + ".yaml";
        var yaml = YamlDeckWriter.Write(deck, $"Draft generated from {fileName} by /deck generate. Review every card before publishing.");
        var preview = new StringBuilder();
        foreach (var card in deck.Cards.Take(5))
        {
            var line = $"**{card.Kind.ToString().ToLowerInvariant()}** {Text.Truncate(card.Prompt.Replace('\n', ' '), 180)} → ||{Text.Truncate(string.Join(" / ", card.Answers), 120)}||\n";
            preview.Append(line);
        }
        var reply = new MessageBuilder()
            .AddEmbed(e => e
                .WithTitle(Text.Truncate($"Draft deck: {deck.Title}", 250))
                .WithColor(Colors.Brand)
                .WithDescription($"{deck.Cards.Count} cards from {generated.CardSentences} of {generated.Sentences.Count} sentences ({generated.Words} words).{(generated.LeftOut > 0 ? $" {generated.LeftOut} more sentence(s) had a card but were left out: at most {generated.Budget} cards are drafted." : "")} First cards:\n{preview}")
                .WithFooter($"Check each card, then publish; or download {yamlName}, edit it and use /deck upload."))
            .AddActionRow(row => row.AddButton(PublishId, "Publish as a deck", ButtonStyle.Success))
            .Ephemeral()
            .Build();
        return (reply, [new FileAttachment(yamlName, Encoding.UTF8.GetBytes(yaml), "application/yaml", "Draft deck")]);
    }

    private static MessagePayload Failed(string fileName, string why) => new MessageBuilder()
        .AddEmbed(e => e
            .WithTitle($"No draft from {Text.Truncate(fileName, 200)}")
            .WithColor(Colors.Wrong)
            .WithDescription(Text.Truncate(why, 3500)))
        .Ephemeral()
        .Build();
}
