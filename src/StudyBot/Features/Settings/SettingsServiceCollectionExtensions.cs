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
        services.AddScoped<SettingsModule>();
        services.AddScoped<ScheduleFitService>();
        services.AddHostedService<FsrsFitSchedule>();
        services.AddSingleton<TimeZoneCatalog>();
        services.AddHostedService(sp => sp.GetRequiredService<TimeZoneCatalog>());
        services.AddBotCommand(
            new SlashCommandBuilder("settings", "Your time zone, when your day starts, and daily limits")
                .AddOption(ApplicationCommandOptionType.String, "timezone", "Your time zone: a city, country, abbreviation or UTC offset, e.g. new york, india, CET", autocomplete: true)
                .AddOption(ApplicationCommandOptionType.Integer, "day-start", "Hour (0-23) your study day starts", minValue: 0, maxValue: 23)
                .AddOption(ApplicationCommandOptionType.Integer, "new-per-day", "New cards per day", minValue: 0, maxValue: 9999)
                .AddOption(ApplicationCommandOptionType.Integer, "reviews-per-day", "Reviews per day", minValue: 0, maxValue: 9999)
                .AddOption(ApplicationCommandOptionType.Boolean, "leaderboard", "Show you on /leaderboard (True) or hide you (False)")
                .AddOption(ApplicationCommandOptionType.Number, "exam-target", "Recall to reach on an exam day in decks with an exam (0.70-0.99, default 0.90)", minValue: 0.7, maxValue: 0.99)
                .AddOption(ApplicationCommandOptionType.Boolean, "optimize", "Fit your schedule to your own answers now")
                .GuildAndDm()
                .Build(),
            HelpLine.Student("`/settings [timezone] [day-start] [new-per-day] [reviews-per-day] [leaderboard] [exam-target] [optimize]` — see or change your time zone (type a city, country, abbreviation or offset: \"india\", \"pacific\", \"CET\", \"UTC+5:30\"), day start hour, daily limits, whether you are on leaderboards, the recall to reach on exam days (`exam-target`, default 0.90), and whether your schedule is personal (or fit it to your answers now), e.g. `/settings timezone:Asia/Kolkata leaderboard:False`"));
        services.AddDiscordInteractions(routes => routes
            .Command("settings", c => c.Services.GetRequiredService<SettingsModule>().UpdateAsync(c))
            .Autocomplete("settings", c => c.Services.GetRequiredService<SettingsModule>().SuggestZonesAsync(c)));
        return services;
    }
}
