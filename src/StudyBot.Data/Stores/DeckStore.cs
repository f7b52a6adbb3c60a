using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Decks;
using StudyBot.Data.Entities;

using StudyBot.Data.Infrastructure;

namespace StudyBot.Data.Stores;

/// <summary>
/// Stores uploaded decks. A re-upload matches cards by id: a changed card keeps every student's
/// progress, a new card starts new, a card missing from the upload is retired (kept with its history,
/// no longer shown) and comes back with its progress if a later upload has it again.
/// </summary>
public sealed class DeckStore(IDbContextFactory<StudyDbContext> contexts, TimeProvider time)
{
    /// <summary>Stores a new version of the guild's deck with this id (or the deck's first version).</summary>
    public async Task<DeckUploadResult> UploadAsync(Deck deck, ulong guildId = DeckRecord.NoGuild, CancellationToken cancellationToken = default)
    {
        Validate(deck);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var result = await StoreVersionAsync(db, deck, guildId, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (DbUpdateException exception) when (DatabaseErrors.StorageFault(exception) is null)
        {
            // A full or failing storage is not the deck's fault: it goes up, to be answered with the storage message.
            throw new DeckUploadException(
                $"Deck '{deck.Id}' was not uploaded and nothing was changed: {exception.InnerException?.Message ?? exception.Message}", exception);
        }
    }

    /// <summary>
    /// Adds the deck's next version to <paramref name="db"/> (not saved): cards matched by id, a changed card keeps its
    /// progress, a missing one is retired. The caller saves, inside its own transaction.
    /// </summary>
    internal static async Task<DeckUploadResult> StoreVersionAsync(StudyDbContext db, Deck deck, ulong guildId, DateTime now, CancellationToken cancellationToken)
    {
        var record = await db.Decks.AsTracking().SingleOrDefaultAsync(d => d.GuildId == guildId && d.Key == deck.Id, cancellationToken);
        if (record is null)
        {
            record = new DeckRecord { Key = deck.Id, Title = deck.Title, GuildId = guildId, CreatedUtc = now };
            db.Decks.Add(record);
        }
        var version = record.CurrentVersion + 1;
        record.CurrentVersion = version;
        record.Title = deck.Title;
        record.Description = deck.Description;
        record.Source = deck.Source;
        record.UpdatedUtc = now;

        var existing = record.Id == 0
            ? new Dictionary<string, CardRecord>()
            : await db.Cards.AsTracking().Where(c => c.DeckId == record.Id).ToDictionaryAsync(c => c.Key, StringComparer.Ordinal, cancellationToken);
        int added = 0, changed = 0, unchanged = 0, restored = 0, retired = 0;
        for (var ordinal = 0; ordinal < deck.Cards.Count; ordinal++)
        {
            var card = deck.Cards[ordinal];
            if (!existing.Remove(card.Id, out var stored))
            {
                db.Cards.Add(CardContent.Create(record, card, ordinal, version));
                added++;
                continue;
            }
            if (stored.Retired)
            {
                stored.Retired = false;
                stored.RetiredInVersion = null;
                restored++;
            }
            if (CardContent.Apply(stored, card, ordinal))
            {
                stored.ChangedInVersion = version;
                changed++;
            }
            else
            {
                unchanged++;
            }
        }
        foreach (var gone in existing.Values.Where(c => !c.Retired))
        {
            gone.Retired = true;
            gone.RetiredInVersion = version;
            retired++;
        }
        await StoreImagesAsync(db, record, deck, version, cancellationToken);
        record.Versions.Add(new DeckVersion
        {
            Number = version,
            UploadedUtc = now,
            CardCount = deck.Cards.Count,
            Added = added,
            Changed = changed,
            Retired = retired,
            Restored = restored,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new DeckUploadResult(deck.Id, record.Id, version, added, changed, unchanged, retired, restored);
    }

    /// <summary>
    /// The deck keeps the images this version's cards show: an image whose bytes are unchanged is
    /// kept as it is, a changed one is replaced, one no card shows any more is deleted.
    /// </summary>
    private static async Task StoreImagesAsync(StudyDbContext db, DeckRecord record, Deck deck, int version, CancellationToken cancellationToken)
    {
        var stored = record.Id == 0
            ? []
            : await db.DeckImages.AsTracking().Where(i => i.DeckId == record.Id).ToListAsync(cancellationToken);
        var wanted = deck.Images.ToDictionary(i => i.Name, StringComparer.Ordinal);
        foreach (var old in stored)
        {
            if (!wanted.Remove(old.Name, out var image))
            {
                db.DeckImages.Remove(old);
            }
            else if (!old.Content.AsSpan().SequenceEqual(image.Content))
            {
                old.Content = image.Content;
                old.Format = image.Format;
                old.Width = image.Width;
                old.Height = image.Height;
                old.Version = version;
            }
        }
        if (wanted.Count > 0 && record.Id == 0)
        {
            // The new deck needs its id before its images can point at it.
            await db.SaveChangesAsync(cancellationToken);
        }
        foreach (var image in deck.Images.Where(i => wanted.ContainsKey(i.Name)))
        {
            db.DeckImages.Add(new DeckImageRecord
            {
                DeckId = record.Id,
                Name = image.Name,
                Format = image.Format,
                Width = image.Width,
                Height = image.Height,
                Version = version,
                Content = image.Content,
            });
        }
    }

    private static void Validate(Deck deck)
    {
        if (string.IsNullOrWhiteSpace(deck.Id))
        {
            throw new DeckUploadException("The deck has no id; give it one so later uploads can update it.");
        }
        var duplicate = deck.Cards.GroupBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DeckUploadException($"Deck '{deck.Id}': card id '{duplicate.Key}' is used {duplicate.Count()} times; card ids must be unique within a deck.");
        }
    }
}
