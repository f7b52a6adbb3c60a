using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Study;

namespace StudyBot.Data.Review;

/// <summary>
/// <see cref="DeckRelations"/> per deck, computed from the stored cards when a deck version is
/// first needed and kept until the deck is uploaded again (its version changes). Nothing is stored
/// in the database: the relations follow from the cards' content, so they need no column of their
/// own and are never stale. A singleton; safe to call from many requests at once.
/// </summary>
public sealed class DeckRelationsCache
{
    private readonly ConcurrentDictionary<int, (int Version, DeckRelations Relations)> _decks = new();

    /// <summary>The relations of the deck's current version.</summary>
    public async Task<DeckRelations> ForDeckAsync(StudyDbContext db, int deckId, CancellationToken cancellationToken)
    {
        var version = await db.Decks.Where(d => d.Id == deckId).Select(d => d.CurrentVersion).FirstOrDefaultAsync(cancellationToken);
        return await ForDeckAsync(db, deckId, version, cancellationToken);
    }

    /// <summary>The relations of the deck at <paramref name="version"/> (its current version, read by the caller).</summary>
    public async Task<DeckRelations> ForDeckAsync(StudyDbContext db, int deckId, int version, CancellationToken cancellationToken)
    {
        if (_decks.TryGetValue(deckId, out var cached) && cached.Version == version)
        {
            return cached.Relations;
        }
        var records = await db.Cards.AsNoTracking().Where(c => c.DeckId == deckId && !c.Retired).OrderBy(c => c.Ordinal).ToListAsync(cancellationToken);
        var relations = DeckRelations.Of([.. records.Select(r => (r.Id, r.ToDeckCard()))]);
        _decks[deckId] = (version, relations);
        return relations;
    }
}
