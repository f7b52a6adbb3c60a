using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Decks;
using StudyBot.Core.Decks.Validation;
using StudyBot.Data;
using StudyBot.Data.Stores;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Decks;

/// <summary>A deck as listed: id, title, live card count and version.</summary>
public sealed record DeckSummary(string Key, string Title, int Cards, int Version, bool Shared);

/// <summary>What an upload did, or every problem that stopped it (then nothing was changed).</summary>
public sealed record DeckUploadOutcome(DeckUploadResult? Result, string? Title, IReadOnlyList<DeckDiagnostic> Diagnostics, string? Failure)
{
    public bool Uploaded => Result is not null;
}

/// <summary>Lists decks and turns an uploaded file into a new deck version, all or nothing.</summary>
public sealed class DeckService(StudyDbContext db, DeckStore store)
{
    public async Task<IReadOnlyList<DeckSummary>> ListAsync(ulong? guildId, CancellationToken cancellationToken)
    {
        var decks = await VisibleDecks.For(db, guildId)
            .OrderBy(d => d.Key)
            .Select(d => new { d.Id, d.Key, d.Title, d.CurrentVersion, d.GuildId, Cards = db.Cards.Count(c => c.DeckId == d.Id && !c.Retired) })
            .ToListAsync(cancellationToken);
        return [.. decks.Select(d => new DeckSummary(d.Key, d.Title, d.Cards, d.CurrentVersion, d.GuildId == Data.Entities.DeckRecord.NoGuild))];
    }

    /// <summary>Reads the file by its extension (yaml/yml/json/csv/tsv/txt/apkg), validates it and stores it.</summary>
    public async Task<DeckUploadOutcome> UploadAsync(string fileName, byte[] content, ulong? guildId, CancellationToken cancellationToken)
    {
        var loader = new DeckLoader();
        if (DeckLoader.FormatOf(fileName) is null)
        {
            return new DeckUploadOutcome(null, null, [], $"'{fileName}' is not a deck file StudyBot reads: upload .yaml, .yml, .json, .csv, .tsv, .txt or .apkg.");
        }

        // Reading is synchronous and bounded by the loader's time budget; shutting down stops it sooner.
        var loaded = loader.LoadBytes(content, fileName, cancellationToken: cancellationToken);

        if (!loaded.IsValid || loaded.Deck is not { } deck)
        {
            return new DeckUploadOutcome(null, null, loaded.Diagnostics, null);
        }

        try
        {
            var result = await store.UploadAsync(deck, guildId ?? Data.Entities.DeckRecord.NoGuild, cancellationToken);
            return new DeckUploadOutcome(result, deck.Title, loaded.Diagnostics, null);
        }
        catch (DeckUploadException e)
        {
            return new DeckUploadOutcome(null, null, loaded.Diagnostics, e.Message);
        }
    }
}
