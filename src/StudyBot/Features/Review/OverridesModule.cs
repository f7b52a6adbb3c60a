using System.Text;
using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Answers;
using StudyBot.Core.Scheduling;
using StudyBot.Data;
using StudyBot.Data.Entities;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Features.Quiz;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Review;

/// <summary>One wording a student counted as right: the log entry of their override, and what they typed.</summary>
public sealed record OverriddenWording(long LogId, string Text);

/// <summary>One card whose typed answers students counted as right ("I was right"), with their wordings.</summary>
public sealed record OverriddenCard(string DeckKey, string CardKey, int Students, IReadOnlyList<OverriddenWording> Wordings)
{
    public IReadOnlyList<string> Answers => [.. Wordings.Select(w => w.Text)];
}

/// <summary>
/// /overrides: the cards whose answers may need a new variant, because students pressed "I was
/// right" on them (undone overrides, and wordings the card accepts since, do not count), each wording
/// with a button that accepts it for everyone. Instructors only; this guild's own decks.
/// </summary>
public sealed class OverridesModule(StudyDbContext db, Instructors instructors, AcceptedWordings accept)
{
    public const string Title = "Answers students counted as right";

    private const int MaxCards = 15;

    /// <summary>Discord allows five rows of five buttons.</summary>
    private const int MaxButtons = 25;

    public async Task ShowAsync(InteractionContext context)
    {
        if (!await instructors.IsInstructorAsync(context.Interaction, context.CancellationToken))
        {
            await context.Responder.ReplyEphemeralAsync(Instructors.RefusalText, context.CancellationToken);
            return;
        }

        await context.Responder.DeferAsync(ephemeral: true, context.CancellationToken);
        var cards = context.Interaction.GuildId is { } guild ? await ForGuildAsync(guild.Value, context.CancellationToken) : [];
        await context.Responder.EditOriginalAsync(Render(cards), null, context.CancellationToken);
    }

    /// <summary>"Accept for everyone" under a wording: a new deck version accepts it, and the answers graded wrong with it are re-counted.</summary>
    public async Task AcceptAsync(InteractionContext context)
    {
        var logId = context.ReadCustomId(ReviewIds.AcceptWording).LogId;
        if (context.Interaction.GuildId is not { } guild || !await instructors.IsInstructorAsync(context.Interaction, context.CancellationToken))
        {
            await context.Responder.ReplyEphemeralAsync(Instructors.RefusalText, context.CancellationToken);
            return;
        }

        await context.Responder.DeferAsync(ephemeral: true, context.CancellationToken);
        var wording = await db.ReviewLog.Where(l => l.Id == logId && l.Kind == ReviewKind.Answer).Select(l => new { l.CardId, l.AnswerText }).FirstOrDefaultAsync(context.CancellationToken);
        var reply = wording?.AnswerText is { } text
            ? await accept.AcceptAsync(guild.Value, wording.CardId, text, context.CancellationToken)
            : "That answer is no longer in the review log.";
        await context.Responder.EditOriginalAsync(new MessagePayload { Content = Text.Truncate(reply, 2000), AllowedMentions = new AllowedMentions() }, null, context.CancellationToken);
    }

    public async Task<IReadOnlyList<OverriddenCard>> ForGuildAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var rows = await (
            from log in db.ReviewLog
            where log.Source == ReviewSource.Override && log.Kind == ReviewKind.Answer && !db.ReviewLog.Any(u => u.UndoesId == log.Id)
            join card in db.Cards on log.CardId equals card.Id
            join deck in VisibleDecks.For(db, guildId) on card.DeckId equals deck.Id
            where !card.Retired
            orderby log.Id descending
            select new { DeckKey = deck.Key, log.CardId, log.Id, log.UserId, log.AnswerText })
            .Take(1000)
            .ToListAsync(cancellationToken);
        var cardIds = rows.Select(r => r.CardId).Distinct().ToList();
        var cards = await db.Cards.Where(c => cardIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.ToDeckCard(), cancellationToken);
        // A wording the card accepts now (an instructor accepted it, or a later upload added it) needs nothing more.
        bool missed(int cardId, string text) => AnswerChecker.Check(cards[cardId], new TypedAnswer(text)).Rating != Rating.Good;
        return rows
            .Where(r => r.AnswerText is { Length: > 0 } text && missed(r.CardId, text))
            .GroupBy(r => (r.DeckKey, r.CardId))
            .Select(g => new OverriddenCard(g.Key.DeckKey, cards[g.Key.CardId].Id, g.Select(r => r.UserId).Distinct().Count(),
                [.. g.DistinctBy(r => r.AnswerText!.Trim(), StringComparer.OrdinalIgnoreCase).Take(5).Select(r => new OverriddenWording(r.Id, r.AnswerText!))]))
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

        var builder = new MessageBuilder()
            .AddEmbed(e => e
                .WithTitle(Title)
                .WithColor(Colors.Brand)
                .WithDescription(cards.Count == 0
                    ? "No student has pressed “I was right” on a wording the cards still miss."
                    : Text.Truncate(lines.ToString(), 4000))
                .WithFooter("These typed answers were graded wrong but the students counted them as right. A button below accepts that wording "
                    + "for everyone: it becomes one of the card's answers in a new version of the deck (progress kept), and every answer graded "
                    + "wrong with it is re-counted as Good. Or add it to the deck file yourself (a cloze deletion as {{c1::answer|wording}})."));
        var buttons = cards.Take(MaxCards).SelectMany(c => c.Wordings.Select(w => (c.CardKey, Wording: w))).Take(MaxButtons).ToList();
        foreach (var row in buttons.Chunk(5))
        {
            builder.AddActionRow(r =>
            {
                foreach (var (cardKey, wording) in row)
                {
                    r.AddButton(ReviewIds.AcceptWording.Format(new(wording.LogId)), Text.Truncate($"Accept “{wording.Text.Trim()}” ({cardKey})", 80), ButtonStyle.Success);
                }
            });
        }

        return builder.Build();
    }
}
