using Microsoft.Extensions.DependencyInjection;
using StudyBot.Discord;
using StudyBot.Discord.Interactions;
using StudyBot.Hosting.Commands;

namespace StudyBot.Features.Status;

public static class StatusServiceCollectionExtensions
{
    public static IServiceCollection AddStatus(this IServiceCollection services)
    {
        services.AddSingleton<StatusOwner>();
        services.AddScoped<StatusModule>();
        services.AddBotCommand(
            new SlashCommandBuilder("status", "How the bot runs: version, uptime, shards, database, scheduler, backup, last error").GuildAndDm().Build(),
            HelpLine.Instructor("`/status` — how the bot runs: version, uptime, shards, database, scheduler, last backup, last error (server managers), e.g. `/status`"));
        services.AddDiscordInteractions(routes => routes
            .Command("status", c => c.Services.GetRequiredService<StatusModule>().ShowAsync(c)));
        return services;
    }
}
