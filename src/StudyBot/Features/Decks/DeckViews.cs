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
            return new MessageBuilder().WithContent("No decks yet. An instructor can add one with `/deck upload`.").Ephemeral().Build();
        }

        var text = new StringBuilder();
        foreach (var deck in decks)
        {
            var line = $"**{deck.Title}** — `{deck.Key}` · {deck.Cards} cards · version {deck.Version}{(deck.Shared ? "" : " · this server")}\n";
            if (text.Length + line.Length > DescriptionBudget)
            {
                text.Append("…and more.");
                break;
            }

            text.Append(line);
        }

        return new MessageBuilder()
            .AddEmbed(e => e.WithTitle("Decks").WithDescription(text.ToString()).WithColor(Colors.Brand).WithFooter("Study one with /review deck:<id>"))
            .Ephemeral()
            .Build();
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
}
