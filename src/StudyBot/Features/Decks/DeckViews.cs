using System.Globalization;
using System.Text;
using StudyBot.Core.Decks.Validation;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Decks;

/// <summary>How deck lists and upload results look.</summary>
public static class DeckViews
{
    private const int DescriptionBudget = 3800;

    public static MessagePayload List(IReadOnlyList<DeckSummary> decks)
    {
        if (decks.Count == 0)
        {
            return new MessageBuilder().WithContent("No decks yet. An instructor can add one with `/deck upload` or `/deck add-essay`.").Ephemeral().Build();
        }

        var text = new StringBuilder();
        foreach (var deck in decks)
        {
            var progress = deck.Joined
                ? string.Create(CultureInfo.InvariantCulture, $"joined · {deck.Seen}/{deck.Cards} seen, {deck.Mature} learnt")
                : "not joined";
            var description = string.IsNullOrWhiteSpace(deck.Description) ? "" : $"\n> {Text.Truncate(deck.Description.ReplaceLineEndings(" "), 150)}";
            var line = $"**{deck.Title}** — `{deck.Key}` · {deck.Cards} cards · {progress}{description}\n";
            if (text.Length + line.Length > DescriptionBudget)
            {
                text.Append("…and more.");
                break;
            }

            text.Append(line);
        }

        return new MessageBuilder()
            .AddEmbed(e => e.WithTitle("Decks").WithDescription(text.ToString()).WithColor(Colors.Brand).WithFooter("Join one with /deck join deck:<id>, then study with /review"))
            .Ephemeral()
            .Build();
    }

    public static MessagePayload Info(DeckDetails details)
    {
        var deck = details.Deck;
        var kinds = string.Join(", ", details.Kinds.OrderBy(k => k.Key).Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Value} {k.Key.ToString().ToLowerInvariant()}")));
        return new MessageBuilder()
            .AddEmbed(e =>
            {
                e.WithTitle(Text.Truncate($"{deck.Title} ({deck.Key}){(details.Retired ? " · retired" : "")}", 256))
                    .WithColor(details.Retired ? Colors.Neutral : Colors.Brand)
                    .WithDescription(string.IsNullOrWhiteSpace(deck.Description) ? "No description." : Text.Truncate(deck.Description, 2000))
                    .AddField("Cards", string.Create(CultureInfo.InvariantCulture, $"{deck.Cards} ({(kinds.Length == 0 ? "none" : kinds)}){(details.RetiredCards > 0 ? $"; {details.RetiredCards} retired" : "")}"), inline: true)
                    .AddField("Version", deck.Version.ToString(CultureInfo.InvariantCulture), inline: true)
                    .AddField("Students joined", details.Students.ToString(CultureInfo.InvariantCulture), inline: true)
                    .AddField("Your progress", deck.Joined ? string.Create(CultureInfo.InvariantCulture, $"{deck.Seen}/{deck.Cards} seen, {deck.Mature} learnt") : "not joined (`/deck join`)", inline: true)
                    .AddField("Updated", DiscordTime.Full(details.UpdatedUtc), inline: true);
                if (!string.IsNullOrWhiteSpace(details.Source))
                {
                    e.AddField("Source", Text.Truncate(details.Source, 1024));
                }
            })
            .Ephemeral()
            .Build();
    }

    /// <summary>Deck buttons the offer shows before it turns to a select menu: four rows of five, the fifth row keeps "Join all".</summary>
    public const int OfferButtons = (StudyBot.Discord.Interactions.DiscordLimits.ActionRows - 1) * StudyBot.Discord.Interactions.DiscordLimits.ButtonsPerRow;

    /// <summary>Options a select menu holds.</summary>
    public const int OfferSelectOptions = 25;

    /// <summary>
    /// Shown by /review to a student who has joined no deck: the decks in the order given (the
    /// instructors' own first), a Join button per deck while they fit Discord's rows, else a select
    /// menu of decks, and one button to join them all.
    /// </summary>
    public static MessagePayload JoinOffer(IReadOnlyList<(int Id, string Key, string Title, string Server)> decks, bool inDm)
    {
        if (decks.Count == 0)
        {
            return new MessageBuilder()
                .WithContent(inDm
                    ? "There is nothing to study here yet: use `/review` in a server where StudyBot is, and its decks will be offered to you here too."
                    : "This server has no decks yet. An instructor can add some with `/deck add-essay` or `/deck upload`.")
                .Ephemeral()
                .Build();
        }

        var listed = decks.Take(OfferSelectOptions).ToList();
        var lines = string.Join('\n', listed.Select(d => $"• **{d.Title}** (`{d.Key}`){(inDm && d.Server.Length > 0 ? $" — {d.Server}" : "")}"));
        var more = decks.Count > listed.Count ? $"\n…and {decks.Count - listed.Count} more: `/deck list`, then `/deck join deck:<id>`." : "";
        var builder = new MessageBuilder()
            .AddEmbed(e => e
                .WithTitle("Choose what to study")
                .WithColor(Colors.Brand)
                .WithDescription(Text.Truncate($"You have not joined any deck yet. Join one (or all) and the first card comes up here; `/deck leave` takes a deck out again.\n\n{lines}{more}", 4000)));
        if (decks.Count <= OfferButtons)
        {
            foreach (var row in decks.Chunk(StudyBot.Discord.Interactions.DiscordLimits.ButtonsPerRow))
            {
                builder.AddActionRow(r =>
                {
                    foreach (var deck in row)
                    {
                        r.AddButton(DeckIds.Join.Format(new([deck.Id])), Text.Truncate($"Join {deck.Title}", StudyBot.Discord.Interactions.DiscordLimits.ButtonLabelLength), ButtonStyle.Secondary);
                    }
                });
            }
        }
        else
        {
            var select = new SelectMenuBuilder(DeckIds.JoinSelect).WithPlaceholder("Choose decks to join").WithValueCount(1, listed.Count);
            foreach (var deck in listed)
            {
                select.AddOption(Text.Truncate(deck.Title, 100), deck.Id.ToString(CultureInfo.InvariantCulture), Text.Truncate(inDm && deck.Server.Length > 0 ? $"{deck.Key} · {deck.Server}" : deck.Key, 100));
            }

            builder.AddActionRow(r => r.AddSelect(select));
        }

        if (decks.Count > 1)
        {
            builder.AddActionRow(r => r.AddButton(DeckIds.Join.Format(new(null)), $"Join all {decks.Count}", ButtonStyle.Primary));
        }

        return builder.Ephemeral().Build();
    }

    public const string NoLongerAvailableText = "Those decks are no longer available here.";

    public static MessagePayload EssayAdded(Guilds.EssayDecksAdded added)
    {
        var parts = new List<string>();
        if (added.Added.Count > 0)
        {
            parts.Add($"Copied into this server: {string.Join(", ", added.Added.Select(k => $"`{k}`"))}.");
        }

        if (added.Restored.Count > 0)
        {
            parts.Add($"Brought back from retirement: {string.Join(", ", added.Restored.Select(k => $"`{k}`"))}.");
        }

        return new MessagePayload
        {
            Content = parts.Count == 0
                ? "This server already has every essay deck; its own edits are kept."
                : string.Join(' ', parts) + " They are this server's own copies: edits here change no other server.",
            AllowedMentions = new AllowedMentions(),
        };
    }

    public static MessagePayload Uploaded(DeckUploadOutcome outcome)
    {
        var result = outcome.Result!;
        var warnings = outcome.Diagnostics.Where(d => !d.IsError).ToList();
        return new MessageBuilder()
            .AddEmbed(e =>
            {
                e.WithTitle($"Deck uploaded: {Text.Truncate(outcome.Title ?? result.DeckKey, 200)}")
                    .WithColor(Colors.Right)
                    .WithDescription($"`{result.DeckKey}` is now at version {result.Version}: **{result.Added} new**, **{result.Changed} changed**, **{result.Retired} retired** ({result.Unchanged} unchanged{(result.Restored > 0 ? $", {result.Restored} restored" : "")}). Students keep their progress on changed cards.");
                if (warnings.Count > 0)
                {
                    e.AddField($"Warnings ({warnings.Count})", Lines(warnings, 1000));
                }
            })
            .Ephemeral()
            .Build();
    }

    public static MessagePayload Rejected(string fileName, DeckUploadOutcome outcome)
    {
        var errors = outcome.Diagnostics.Where(d => d.IsError).ToList();
        var body = outcome.Failure ?? $"{errors.Count} problem(s) to fix, then upload again:\n{Lines(errors, DescriptionBudget)}";
        return new MessageBuilder()
            .AddEmbed(e => e
                .WithTitle($"Deck not uploaded: {Text.Truncate(fileName, 200)}")
                .WithColor(Colors.Wrong)
                .WithDescription(body)
                .WithFooter("Nothing was changed."))
            .Ephemeral()
            .Build();
    }

    /// <summary>Diagnostics one per line (file:line:column, card id, what to change), cut to fit.</summary>
    private static string Lines(IReadOnlyList<DeckDiagnostic> diagnostics, int budget)
    {
        var text = new StringBuilder("```\n");
        for (var i = 0; i < diagnostics.Count; i++)
        {
            var line = diagnostics[i] + "\n";
            var more = $"…and {diagnostics.Count - i} more.\n";
            if (text.Length + line.Length + more.Length + 4 > budget)
            {
                text.Append(more);
                break;
            }

            text.Append(line);
        }

        return text.Append("```").ToString();
    }

    /// <summary>What an instructor is told after /deck exam.</summary>
    public static string ExamSet(ExamListing exam) =>
        $"Exam {exam.Id}: **{exam.DeckTitle}** (`{exam.DeckKey}`) at {ExamService.Describe(exam)}. Until then, reviews in this deck aim at the exam day and students see the countdown in `/review`, `/stats` and reminders. `/deck exam-remove exam:{exam.Id}` removes it.";

    /// <summary>The server's exams ahead, as /deck exams lists them.</summary>
    public static string Exams(IReadOnlyList<ExamListing> exams)
    {
        if (exams.Count == 0)
        {
            return "No exams ahead in this server. An instructor sets one with `/deck exam deck:<id> date:YYYY-MM-DD [time:HH:MM]`.";
        }
        var text = new StringBuilder("Exams ahead:\n");
        foreach (var exam in exams.Take(12))
        {
            text.Append(CultureInfo.InvariantCulture, $"- {exam.Id}: **{exam.DeckTitle}** (`{exam.DeckKey}`) at {ExamService.Describe(exam)}\n");
        }
        if (exams.Count > 12)
        {
            text.Append(CultureInfo.InvariantCulture, $"…and {exams.Count - 12} more.\n");
        }
        return text.ToString();
    }
}
