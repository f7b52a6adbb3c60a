using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StudyBot.Data;
using StudyBot.Data.Entities;
using StudyBot.Data.Stores;
using StudyBot.Hosting;

namespace StudyBot.Features.Guilds;

/// <summary>What /deck add-essay did: decks copied in and decks brought back from retirement.</summary>
public sealed record EssayDecksAdded(IReadOnlyList<string> Added, IReadOnlyList<string> Restored);

/// <summary>
/// Gives a guild its starting decks the first time it uses the bot: the decks stored before any guild
/// did (with their progress) if there are any, else its own copy of every essay deck. A copy is a
/// deck of that guild: an edit in one guild never touches another.
/// </summary>
public sealed class GuildProvisioner(IDbContextFactory<StudyDbContext> contexts, DeckStore store, EssayDecks essays, StudyClock clock, ILogger<GuildProvisioner> logger)
{
    private readonly ConcurrentDictionary<ulong, byte> _ready = new();
    private readonly ConcurrentDictionary<ulong, SemaphoreSlim> _locks = new();

    /// <summary>Makes sure the guild is stored and has had its essay decks; cheap after the first call.</summary>
    public async Task EnsureAsync(ulong guildId, CancellationToken cancellationToken)
    {
        if (_ready.ContainsKey(guildId))
        {
            return;
        }

        var gate = _locks.GetOrAdd(guildId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (_ready.ContainsKey(guildId))
            {
                return;
            }

            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            // GUILD_CREATE may store the same guild at the same moment: insert only if it is not there.
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO \"Guilds\" (\"Id\", \"Name\", \"CreatedUtc\") VALUES ({(long)guildId}, '', {clock.UtcNow}) ON CONFLICT (\"Id\") DO NOTHING",
                cancellationToken);
            var guild = await db.Guilds.AsTracking().SingleAsync(g => g.Id == guildId, cancellationToken);

            if (guild.EssayDecksAddedUtc is null)
            {
                var adopted = await db.Decks.Where(d => d.GuildId == DeckRecord.NoGuild)
                    .ExecuteUpdateAsync(d => d.SetProperty(x => x.GuildId, guildId), cancellationToken);
                if (adopted > 0)
                {
                    logger.LogInformation("Guild {Guild} adopted the {Count} deck(s) stored before any server used the bot", guildId, adopted);
                }
                else
                {
                    var added = await AddEssayDecksAsync(guildId, cancellationToken);
                    logger.LogInformation("Guild {Guild} got its own copy of the essay decks: {Decks}", guildId, string.Join(", ", added.Added));
                }

                guild.EssayDecksAddedUtc = clock.UtcNow;
                await db.SaveChangesAsync(cancellationToken);
            }

            _ready.TryAdd(guildId, 0);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Copies in each essay deck the guild does not have, and restores any it retired. Decks it has keep their edits.</summary>
    public async Task<EssayDecksAdded> AddEssayDecksAsync(ulong guildId, CancellationToken cancellationToken)
    {
        List<string> added = [], restored = [];
        foreach (var deck in essays.All)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var existing = await db.Decks.AsTracking().FirstOrDefaultAsync(d => d.GuildId == guildId && d.Key == deck.Id, cancellationToken);
            if (existing is null)
            {
                await store.UploadAsync(deck, guildId, cancellationToken);
                added.Add(deck.Id);
            }
            else if (existing.Retired)
            {
                existing.Retired = false;
                await db.SaveChangesAsync(cancellationToken);
                restored.Add(deck.Id);
            }
        }

        return new EssayDecksAdded(added, restored);
    }
}
