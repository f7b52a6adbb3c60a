using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Core.Decks;
using StudyBot.Hosting;

namespace StudyBot.Features.Guilds;

/// <summary>
/// The essay decks shipped in decks/*.yaml, read once: the starting material every guild gets its own
/// copy of (on first use, or with /deck add-essay).
/// </summary>
public sealed class EssayDecks(IHostEnvironment environment, IOptions<StudyBotOptions> options, ILogger<EssayDecks> logger)
{
    private readonly Lazy<IReadOnlyList<Deck>> _decks = new(() => Load(environment, options.Value, logger));

    public IReadOnlyList<Deck> All => _decks.Value;

    private static IReadOnlyList<Deck> Load(IHostEnvironment environment, StudyBotOptions options, ILogger logger)
    {
        string?[] candidates =
        [
            options.DecksDirectory,
            Path.Combine(environment.ContentRootPath, "decks"),
            Path.Combine(AppContext.BaseDirectory, "decks"),
        ];
        var directory = candidates.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c) && Directory.Exists(c));
        if (directory is null)
        {
            logger.LogWarning("No decks/ directory found: servers start without the essay decks; upload decks with /deck upload");
            return [];
        }

        var loader = new DeckLoader();
        var decks = new List<Deck>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var loaded = loader.LoadFile(file);
            if (!loaded.IsValid || loaded.Deck is null)
            {
                logger.LogWarning("Not offering {File} as an essay deck: {Problem}", file, loaded.Errors.FirstOrDefault()?.ToString() ?? "no deck");
                continue;
            }

            decks.Add(loaded.Deck);
        }

        return decks;
    }
}
