using System.Text;
using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Decks;
using StudyBot.Core.Decks.Formats;
using StudyBot.Core.Decks.Formats.Yaml;
using StudyBot.Core.Decks.Images;
using StudyBot.Core.Decks.Validation;
using StudyBot.Core.Scheduling;
using StudyBot.Data;
using StudyBot.Data.Entities;
using StudyBot.Data.Stores;
using StudyBot.Features.Guilds;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Decks;

/// <summary>A deck as listed: id, title, description, live card count and version, and the student's progress in it.</summary>
public sealed record DeckSummary(int Id, string Key, string Title, string? Description, int Cards, int Version, bool Joined, int Seen, int Mature);

/// <summary>What /deck info shows.</summary>
public sealed record DeckDetails(DeckSummary Deck, string? Source, bool Retired, DateTime CreatedUtc, DateTime UpdatedUtc, int Students, int RetiredCards, IReadOnlyDictionary<CardKind, int> Kinds);

/// <summary>What an upload did, or every problem that stopped it (then nothing was changed).</summary>
public sealed record DeckUploadOutcome(DeckUploadResult? Result, string? Title, IReadOnlyList<DeckDiagnostic> Diagnostics, string? Failure)
{
    public bool Uploaded => Result is not null;
}

/// <summary>The id and title an instructor gave with /deck upload; they win over the file's own.</summary>
public sealed record DeckNaming(string? Id, string? Title);

/// <summary>
/// A guild's decks: listing with the student's progress, uploads (all or nothing), details, export,
/// retiring and restoring, and students joining and leaving. Every query is scoped to the guild.
/// </summary>
public sealed class DeckService(StudyDbContext db, DeckStore store, StudentStore students, GuildProvisioner provisioner, EssayDecks essays)
{
    /// <summary>Cards with at least this many days of stability count as learnt (Anki's "mature").</summary>
    public const int MatureDays = 21;

    public async Task<IReadOnlyList<DeckSummary>> ListAsync(ulong guildId, ulong userId, CancellationToken cancellationToken)
        => await SummariesAsync(VisibleDecks.For(db, guildId), userId, cancellationToken);

    /// <summary>The guild's live deck with this id, or a clear refusal.</summary>
    public async Task<DeckRecord> FindAsync(ulong guildId, string key, bool includeRetired, CancellationToken cancellationToken)
    {
        var trimmed = key.Trim();
        var deck = await db.Decks.FirstOrDefaultAsync(d => d.GuildId == guildId && d.Key == trimmed && (includeRetired || !d.Retired), cancellationToken);
        return deck ?? throw new RefusalException($"This server has no deck '{trimmed}'. `/deck list` shows its decks.");
    }

    /// <summary>The title and live card count of the guild's deck with this id (retired or not), or null when there is none.</summary>
    public async Task<(string Title, int Cards)?> ExistingAsync(ulong guildId, string key, CancellationToken cancellationToken)
    {
        var trimmed = key.Trim();
        var deck = await db.Decks.Where(d => d.GuildId == guildId && d.Key == trimmed)
            .Select(d => new { d.Title, Cards = db.Cards.Count(c => c.DeckId == d.Id && !c.Retired) })
            .FirstOrDefaultAsync(cancellationToken);
        return deck is null ? null : (deck.Title, deck.Cards);
    }

    /// <summary>An id like <paramref name="key"/> that no deck of the guild has: key-2, key-3, ...</summary>
    public async Task<string> FreeKeyAsync(ulong guildId, string key, CancellationToken cancellationToken)
    {
        for (var n = 2; ; n++)
        {
            var suffix = $"-{n}";
            var candidate = (key.Length + suffix.Length > CardIds.MaxLength ? key[..(CardIds.MaxLength - suffix.Length)] : key) + suffix;
            if (!await db.Decks.AnyAsync(d => d.GuildId == guildId && d.Key == candidate, cancellationToken))
            {
                return candidate;
            }
        }
    }

    public async Task<DeckDetails> InfoAsync(ulong guildId, ulong userId, string key, CancellationToken cancellationToken)
    {
        var deck = await FindAsync(guildId, key, includeRetired: true, cancellationToken);
        var summary = (await SummariesAsync(db.Decks.Where(d => d.Id == deck.Id), userId, cancellationToken)).Single();
        var kinds = await db.Cards.Where(c => c.DeckId == deck.Id && !c.Retired).GroupBy(c => c.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var students = await db.Enrolments.CountAsync(e => e.DeckId == deck.Id, cancellationToken);
        var retiredCards = await db.Cards.CountAsync(c => c.DeckId == deck.Id && c.Retired, cancellationToken);
        return new DeckDetails(summary, deck.Source, deck.Retired, deck.CreatedUtc, deck.UpdatedUtc, students, retiredCards, kinds.ToDictionary(k => k.Key, k => k.Count));
    }

    /// <summary>The deck's live cards as the YAML file an upload reads back unchanged, with the images its cards show.</summary>
    public async Task<(string FileName, byte[] Content, IReadOnlyList<DeckImage> Images)> ExportAsync(ulong guildId, string key, CancellationToken cancellationToken)
    {
        var deck = await FindAsync(guildId, key, includeRetired: true, cancellationToken);
        var cards = await db.Cards.Where(c => c.DeckId == deck.Id && !c.Retired).OrderBy(c => c.Ordinal).ToListAsync(cancellationToken);
        // Cloze cards stored before their note's text was kept take it from the essay deck they were copied from.
        var essay = essays.All.FirstOrDefault(e => e.Id == deck.Key)?.Cards.Where(c => c.SourceText is not null).ToDictionary(c => c.Id, c => c.SourceText);
        var deckCards = cards.Select(c => c.ToDeckCard())
            .Select(c => c.Kind == CardKind.Cloze && c.SourceText is null && essay?.GetValueOrDefault(c.Id) is { } text ? c with { SourceText = text } : c);
        var yaml = YamlDeckWriter.Write(new Deck(deck.Key, deck.Title, deck.Description, deck.Source, [.. deckCards]));
        var shown = cards.Select(c => c.Image).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var images = await db.DeckImages.AsNoTracking().Where(i => i.DeckId == deck.Id).OrderBy(i => i.Name).ToListAsync(cancellationToken);
        return ($"{deck.Key}.yaml", Encoding.UTF8.GetBytes(yaml), [.. images.Where(i => shown.Contains(i.Name)).Select(i => i.ToDeckImage())]);
    }

    /// <summary>Hides a deck from lists, joining and study; every student's progress is kept for a restore.</summary>
    public Task<DeckRecord> RetireAsync(ulong guildId, string key, CancellationToken cancellationToken) => SetRetiredAsync(guildId, key, true, cancellationToken);

    public Task<DeckRecord> RestoreAsync(ulong guildId, string key, CancellationToken cancellationToken) => SetRetiredAsync(guildId, key, false, cancellationToken);

    /// <summary>Joins the student to the guild's deck; returns false when they had joined it already.</summary>
    public async Task<(DeckRecord Deck, bool Joined)> JoinAsync(ulong guildId, ulong userId, string key, CancellationToken cancellationToken)
    {
        var deck = await FindAsync(guildId, key, includeRetired: false, cancellationToken);
        var already = await db.Enrolments.AnyAsync(e => e.UserId == userId && e.DeckId == deck.Id, cancellationToken);
        await students.EnrolAsync(userId, deck.Id, cancellationToken);
        return (deck, !already);
    }

    /// <summary>Joins the student to decks by database id, each only if it is visible to them here (a stale button joins nothing else).</summary>
    /// <summary>Joins the decks named (null: every deck visible here) among those the student may see here; returns the decks joined.</summary>
    public async Task<IReadOnlyList<(int Id, string Title)>> JoinByIdsAsync(ulong? guildId, ulong userId, IReadOnlyCollection<int>? deckIds, CancellationToken cancellationToken)
    {
        var visible = VisibleDecks.ForStudent(db, userId, guildId);
        var decks = await (deckIds is null ? visible : visible.Where(d => deckIds.Contains(d.Id))).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        foreach (var deck in decks)
        {
            await students.EnrolAsync(userId, deck.Id, cancellationToken);
        }

        return [.. decks.Select(d => (d.Id, d.Title))];
    }

    /// <summary>Leaves a deck: it stops coming up in /review; progress is kept for a later join.</summary>
    public async Task<(DeckRecord Deck, bool Left)> LeaveAsync(ulong guildId, ulong userId, string key, CancellationToken cancellationToken)
    {
        var deck = await FindAsync(guildId, key, includeRetired: true, cancellationToken);
        var removed = await db.Enrolments.Where(e => e.UserId == userId && e.DeckId == deck.Id).ExecuteDeleteAsync(cancellationToken);
        return (deck, removed > 0);
    }

    /// <summary>
    /// The decks a student could join when they have joined none of those visible here, for /review to
    /// offer; null when they have joined at least one.
    /// </summary>
    public async Task<IReadOnlyList<(int Id, string Key, string Title, string Server)>?> JoinOfferAsync(ulong? guildId, ulong userId, CancellationToken cancellationToken)
    {
        var visible = VisibleDecks.ForStudent(db, userId, guildId);
        if (await visible.AnyAsync(d => db.Enrolments.Any(e => e.UserId == userId && e.DeckId == d.Id), cancellationToken))
        {
            return null;
        }

        var decks = await visible
            .Select(d => new { d.Id, d.Key, d.Title, d.GuildId, Server = db.Guilds.Where(g => g.Id == d.GuildId).Select(g => g.Name).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        // The instructors' own decks first, the essay decks every server starts with after them.
        var essayKeys = essays.All.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        return [.. decks
            .OrderBy(d => d.GuildId).ThenBy(d => essayKeys.Contains(d.Key)).ThenBy(d => d.Title, StringComparer.CurrentCultureIgnoreCase).ThenBy(d => d.Id)
            .Select(d => (d.Id, d.Key, d.Title, d.Server ?? ""))];
    }

    public Task<EssayDecksAdded> AddEssayDecksAsync(ulong guildId, CancellationToken cancellationToken) => provisioner.AddEssayDecksAsync(guildId, cancellationToken);

    /// <summary>Reads the file by its extension (yaml/yml/json/csv/tsv/txt/apkg), validates it and stores it in the guild.</summary>
    public async Task<DeckUploadOutcome> UploadAsync(string fileName, byte[] content, ulong guildId, DeckNaming naming, CancellationToken cancellationToken, ImageSource? images = null)
    {
        var loader = new DeckLoader();
        if (DeckLoader.FormatOf(fileName) is null)
        {
            return new DeckUploadOutcome(null, null, [], $"'{fileName}' is not a deck file StudyBot reads: upload .yaml, .yml, .json, .csv, .tsv, .txt or .apkg.");
        }

        if (naming.Id is { } requested && !CardIds.IsValid(requested.Trim()))
        {
            return new DeckUploadOutcome(null, null, [], $"The id '{requested}' cannot be a deck id: use lower-case letters, digits and dashes, e.g. `{CardIds.Slug(requested, CardIds.MaxLength)}`.");
        }

        var options = new DeckReadOptions { DeckTitle = string.IsNullOrWhiteSpace(naming.Title) ? null : naming.Title.Trim(), Images = images ?? AttachedImages.None };
        // Reading is synchronous and bounded by the loader's time budget; shutting down stops it sooner.
        var loaded = loader.LoadBytes(content, fileName, options, cancellationToken);
        ReturnMemoryAfterLargeRead(content.LongLength);

        if (!loaded.IsValid || loaded.Deck is not { } deck)
        {
            return new DeckUploadOutcome(null, null, loaded.Diagnostics, null);
        }

        deck = deck with
        {
            Id = naming.Id?.Trim() is { Length: > 0 } id ? id : deck.Id,
            Title = options.DeckTitle ?? deck.Title,
        };
        try
        {
            var result = await store.UploadAsync(deck, guildId, cancellationToken);
            if (await db.Decks.AnyAsync(d => d.Id == result.DeckId && d.Retired, cancellationToken))
            {
                await db.Decks.Where(d => d.Id == result.DeckId).ExecuteUpdateAsync(d => d.SetProperty(x => x.Retired, false), cancellationToken);
            }

            return new DeckUploadOutcome(result, deck.Title, loaded.Diagnostics, null);
        }
        catch (DeckUploadException e)
        {
            return new DeckUploadOutcome(null, null, loaded.Diagnostics, e.Message);
        }
    }

    /// <summary>
    /// Reading a large file leaves its garbage (the file, its text, the notes read) on the heap,
    /// and an idle bot does not collect it: the memory stayed taken after a hostile upload. After
    /// a read of a few MB, one full collection hands it back to the system.
    /// </summary>
    private static void ReturnMemoryAfterLargeRead(long bytes)
    {
        if (bytes >= LargeReadBytes)
        {
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    private const long LargeReadBytes = 2 * 1024 * 1024;

    private async Task<DeckRecord> SetRetiredAsync(ulong guildId, string key, bool retired, CancellationToken cancellationToken)
    {
        var deck = await FindAsync(guildId, key, includeRetired: true, cancellationToken);
        await db.Decks.Where(d => d.Id == deck.Id).ExecuteUpdateAsync(d => d.SetProperty(x => x.Retired, retired), cancellationToken);
        deck.Retired = retired;
        return deck;
    }

    private async Task<IReadOnlyList<DeckSummary>> SummariesAsync(IQueryable<DeckRecord> decks, ulong userId, CancellationToken cancellationToken)
    {
        var rows = await decks
            .OrderBy(d => d.Key)
            .Select(d => new
            {
                d.Id,
                d.Key,
                d.Title,
                d.Description,
                d.CurrentVersion,
                Cards = db.Cards.Count(c => c.DeckId == d.Id && !c.Retired),
                Joined = db.Enrolments.Any(e => e.UserId == userId && e.DeckId == d.Id),
                Seen = db.CardStates.Count(s => s.UserId == userId && s.Card!.DeckId == d.Id && !s.Card.Retired && s.Memory.State != CardState.New),
                Mature = db.CardStates.Count(s => s.UserId == userId && s.Card!.DeckId == d.Id && !s.Card.Retired && s.Memory.State == CardState.Review && s.Memory.Stability >= MatureDays),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(d => new DeckSummary(d.Id, d.Key, d.Title, d.Description, d.Cards, d.CurrentVersion, d.Joined, d.Seen, d.Mature))];
    }
}
