using Microsoft.EntityFrameworkCore;
using StudyBot.Data;
using StudyBot.Data.Entities;

namespace StudyBot.Features.Shared;

/// <summary>
/// The decks a request may see. In a guild: that guild's own decks, nothing else. In a DM: the decks
/// of the guilds the student shares with the bot (they used the bot there, have not left, and the bot
/// is still there). Retired decks are hidden from both.
/// </summary>
public static class VisibleDecks
{
    public static IQueryable<DeckRecord> For(StudyDbContext db, ulong guildId)
        => db.Decks.Where(d => d.GuildId == guildId && !d.Retired);

    public static IQueryable<DeckRecord> ForStudent(StudyDbContext db, ulong userId, ulong? guildId)
        => guildId is { } id
            ? For(db, id)
            : db.Decks.Where(d => !d.Retired
                && db.GuildMembers.Any(m => m.GuildId == d.GuildId && m.UserId == userId && m.LeftUtc == null)
                && db.Guilds.Any(g => g.Id == d.GuildId && g.LeftUtc == null));

    public static Task<DeckRecord?> FindAsync(StudyDbContext db, ulong guildId, string key, CancellationToken cancellationToken)
        => For(db, guildId).FirstOrDefaultAsync(d => d.Key == key, cancellationToken);
}
