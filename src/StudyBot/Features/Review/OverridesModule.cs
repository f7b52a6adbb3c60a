using System.Text;
using Microsoft.EntityFrameworkCore;
using StudyBot.Data;
using StudyBot.Data.Entities;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Review;

/// <summary>One card whose typed answers students counted as right ("I was right"), with their wordings.</summary>
public sealed record OverriddenCard(string DeckKey, string CardKey, int Students, IReadOnlyList<string> Answers);

/// <summary>
/// /overrides: the cards whose answers may need a new variant, because students pressed "I was
/// right" on them (undone overrides do not count). Instructors only; this guild's decks and the shared ones.
/// </summary>
public sealed class OverridesModule(StudyDbContext db, Instructors instructors)
{
    public const string Title = "Answers students counted as right";

    private const int MaxCards = 15;

    public async Task ShowAsync(InteractionContext context)
    {
        if (!await instructors.IsInstructorAsync(context.Interaction, context.CancellationToken))
        {
            await context.Responder.ReplyEphemeralAsync(Instructors.RefusalText, context.CancellationToken);
            return;
        }

        await context.Responder.DeferAsync(ephemeral: true, context.CancellationToken);
        var cards = await ForGuildAsync(context.Interaction.GuildId?.Value, context.CancellationToken);
        await context.Responder.EditOriginalAsync(Render(cards), null, context.CancellationToken);
    }

    public async Task<IReadOnlyList<OverriddenCard>> ForGuildAsync(ulong? guildId, CancellationToken cancellationToken)
    {
        var rows = await (
            from log in db.ReviewLog
            where log.Source == ReviewSource.Override && log.Kind == ReviewKind.Answer && !db.ReviewLog.Any(u => u.UndoesId == log.Id)
            join card in db.Cards on log.CardId equals card.Id
            join deck in VisibleDecks.For(db, guildId) on card.DeckId equals deck.Id
            orderby log.Id descending
            select new { DeckKey = deck.Key, CardKey = card.Key, log.UserId, log.AnswerText })
            .Take(1000)
            .ToListAsync(cancellationToken);
        return rows
            .GroupBy(r => (r.DeckKey, r.CardKey))
            .Select(g => new OverriddenCard(g.Key.DeckKey, g.Key.CardKey, g.Select(r => r.UserId).Distinct().Count(),
                g.Select(r => r.AnswerText ?? "").Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Take(5).ToList()))
            .OrderByDescending(c => c.Students)
            .ThenBy(c => c.DeckKey, StringComparer.Ordinal)
            .ThenBy(c => c.CardKey, StringComparer.Ordinal)
            .ToList();
    }

    public static MessagePayload Render(IReadOnlyList<OverriddenCard> cards)
    {
        var lines = new StringBuilder();
        foreach (var card in cards.Take(MaxCards))
        {
            var answers = string.Join(", ", card.Answers.Select(a => $"“{Text.Truncate(a, 60)}”"));
            lines.Append($"`{card.DeckKey}` `{card.CardKey}` — {card.Students} student{(card.Students == 1 ? "" : "s")}: {answers}\n");
        }

        return new MessageBuilder()
            .AddEmbed(e => e
                .WithTitle(Title)
                .WithColor(Colors.Brand)
                .WithDescription(cards.Count == 0
                    ? "No student has pressed “I was right” yet."
                    : Text.Truncate(lines.ToString(), 4000))
                .WithFooter("These typed answers were graded wrong but the students counted them as right. If a wording should count, add it to the card's answers (or to a cloze deletion as {{c1::answer|wording}}) and upload the deck again."))
            .Build();
    }
}
