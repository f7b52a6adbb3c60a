using Microsoft.Extensions.DependencyInjection;
using StudyBot.Discord;
using StudyBot.Discord.Interactions;
using StudyBot.Features.Shared;
using StudyBot.Hosting.Commands;

namespace StudyBot.Features.Decks;

public static class DeckServiceCollectionExtensions
{
    public static IServiceCollection AddDecks(this IServiceCollection services)
    {
        services.AddFeatureShared();
        services.AddScoped<DeckService>();
        services.AddScoped<DeckModule>();
        services.AddHostedService<StaleImportCleanup>();
        services.AddScoped<DeckGenerateModule>();
        services.AddBotCommand(
            new SlashCommandBuilder("deck", "List the decks, or upload one (instructors)")
                .AddSubcommand("list", "List the decks you can study")
                .AddSubcommand("upload", "Upload a deck file: YAML, JSON, CSV/TSV, Quizlet text or Anki .apkg (instructors)", o => o
                    .AddAttachment("file", "The deck file", required: true))
                .AddSubcommand("generate", "Draft a deck from a reading: plain text, Markdown or HTML (instructors)", o => o
                    .AddAttachment("file", "The reading", required: true))
                .Build(),
            HelpLine.Student("`/deck list` — the decks you can study"),
            HelpLine.Instructor("`/deck upload file:<attachment>` — add or update a deck (YAML, JSON, CSV/TSV, Quizlet text, Anki .apkg); problems are listed with line and card id, and nothing changes until the file is clean"),
            HelpLine.Instructor("`/deck generate file:<text>` — draft a deck from a reading, then publish it"));
        services.AddDiscordInteractions(routes => routes
            .Command("deck list", c => c.Services.GetRequiredService<DeckModule>().ListAsync(c))
            .Command("deck upload", c => c.Services.GetRequiredService<DeckModule>().UploadAsync(c))
            .Command("deck generate", c => c.Services.GetRequiredService<DeckGenerateModule>().GenerateAsync(c))
            .Component(DeckGenerateModule.PublishId, c => c.Services.GetRequiredService<DeckGenerateModule>().PublishAsync(c)));
        return services;
    }
}
