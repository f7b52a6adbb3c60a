using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Core.Decks;
using StudyBot.Data;
using StudyBot.Data.Entities;
using StudyBot.Data.Stores;

namespace StudyBot.Hosting.Seeding;

/// <summary>
/// On the first start (no deck stored yet) loads the decks shipped in decks/*.yaml, so a new
/// installation and the Playground have something to study. Runs after the migration step.
/// </summary>
internal sealed class EssayDeckSeeder(
    IDbContextFactory<StudyDbContext> contexts,
    DeckStore decks,
    IHostEnvironment environment,
    IOptions<StudyBotOptions> options,
    ILogger<EssayDeckSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Decks.AnyAsync(cancellationToken))
            {
                return;
            }
        }

        var directory = FindDecksDirectory();
        if (directory is null)
        {
            logger.LogWarning("No decks/ directory found to seed from; upload decks with /deck upload");
            return;
        }

        var loader = new DeckLoader();
        foreach (var file in Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var loaded = loader.LoadFile(file);
            if (!loaded.IsValid || loaded.Deck is null)
            {
                logger.LogWarning("Not seeding {File}: {Problem}", file, loaded.Errors.FirstOrDefault()?.ToString() ?? "no deck");
                continue;
            }

            var result = await decks.UploadAsync(loaded.Deck, DeckRecord.NoGuild, cancellationToken);
            logger.LogInformation("Seeded deck {Deck} ({Title}): {Cards} cards from {File}", result.DeckKey, loaded.Deck.Title, result.Added, Path.GetFileName(file));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private string? FindDecksDirectory()
    {
        string?[] candidates =
        [
            options.Value.DecksDirectory,
            Path.Combine(environment.ContentRootPath, "decks"),
            Path.Combine(AppContext.BaseDirectory, "decks"),
        ];
        return candidates.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c) && Directory.Exists(c));
    }
}
