using Microsoft.Extensions.DependencyInjection;
using StudyBot.Discord;
using StudyBot.Discord.Interactions;
using StudyBot.Features.Shared;
using StudyBot.Hosting.Commands;

namespace StudyBot.Features.Stats;

public static class StatsServiceCollectionExtensions
{
    public static IServiceCollection AddStats(this IServiceCollection services)
    {
        services.AddFeatureShared();
        services.AddScoped<StatsService>();
        services.AddScoped<StatsModule>();
        services.AddBotCommand(
            new SlashCommandBuilder("stats", "How the class is doing (instructors)").Build(),
            HelpLine.Instructor("`/stats` — the class at a glance: students, reviews today and this week, retention, cards due, and a chart of the last 14 study days"));
        services.AddDiscordInteractions(routes => routes.Command("stats", c => c.Services.GetRequiredService<StatsModule>().ShowAsync(c)));
        return services;
    }
}
