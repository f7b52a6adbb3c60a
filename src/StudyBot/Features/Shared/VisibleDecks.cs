using Microsoft.EntityFrameworkCore;
using StudyBot.Data;
using StudyBot.Data.Entities;

namespace StudyBot.Features.Shared;

/// <summary>Decks a guild can use: its own, and those not yet adopted by any guild. In DMs, every deck.</summary>
public static class VisibleDecks
{
    public static IQueryable<DeckRecord> For(StudyDbContext db, ulong? guildId)
        => guildId is { } id ? db.Decks.Where(d => d.GuildId == DeckRecord.NoGuild || d.GuildId == id) : db.Decks;

    public static Task<DeckRecord?> FindAsync(StudyDbContext db, ulong? guildId, string key, CancellationToken cancellationToken)
        => For(db, guildId).FirstOrDefaultAsync(d => d.Key == key, cancellationToken);
}
