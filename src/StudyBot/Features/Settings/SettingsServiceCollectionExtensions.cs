using Microsoft.Extensions.DependencyInjection;
using StudyBot.Discord;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Features.Shared;
using StudyBot.Hosting.Commands;

namespace StudyBot.Features.Settings;

public static class SettingsServiceCollectionExtensions
{
    public static IServiceCollection AddStudySettings(this IServiceCollection services)
    {
        services.AddFeatureShared();
        services.AddScoped<SettingsService>();
        services.AddScoped<ServerZoneFollowers>();
        services.AddScoped<SettingsModule>();
        services.AddScoped<ScheduleFitService>();
        services.AddHostedService<FsrsFitSchedule>();
        services.AddSingleton<TimeZoneCatalog>();
        services.AddHostedService(sp => sp.GetRequiredService<TimeZoneCatalog>());
        services.AddBotCommand(
            new SlashCommandBuilder("settings", "Your time zone, when your day starts, and daily limits")
                .AddOption(ApplicationCommandOptionType.String, "timezone", "Your time zone: a city, country or abbreviation (e.g. india, CET), or server for the server's", autocomplete: true)
                .AddOption(ApplicationCommandOptionType.Integer, "day-start", "Hour (0-23) your study day starts", minValue: 0, maxValue: 23)
                .AddOption(ApplicationCommandOptionType.Integer, "new-per-day", "New cards per day", minValue: 0, maxValue: 9999)
                .AddOption(ApplicationCommandOptionType.Integer, "reviews-per-day", "Reviews per day", minValue: 0, maxValue: 9999)
                .AddOption(ApplicationCommandOptionType.Boolean, "leaderboard", "Show you on /leaderboard (True) or hide you (False)")
                .AddOption(ApplicationCommandOptionType.Number, "exam-target", "Recall to reach on an exam day in decks with an exam (0.70-0.99, default 0.90)", minValue: 0.7, maxValue: 0.99)
                .AddOption(ApplicationCommandOptionType.Boolean, "optimize", "Fit your schedule to your own answers now")
                .GuildAndDm()
                .Build(),
            HelpLine.Student("`/settings [timezone] [day-start] … [exam-target]` — your time zone (or the server's), limits, leaderboard, exam-day recall, e.g. `/settings timezone:india`"));
        services.AddDiscordInteractions(routes => routes
            .Command("settings", c => c.Services.GetRequiredService<SettingsModule>().UpdateAsync(c))
            .Autocomplete("settings", c => c.Services.GetRequiredService<SettingsModule>().SuggestZonesAsync(c)));
        return services;
    }
}
