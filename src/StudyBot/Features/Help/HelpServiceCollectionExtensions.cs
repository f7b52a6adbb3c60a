using Microsoft.Extensions.DependencyInjection;
using StudyBot.Discord;
using StudyBot.Discord.Interactions;
using StudyBot.Hosting.Commands;

namespace StudyBot.Features.Help;

public static class HelpServiceCollectionExtensions
{
    public static IServiceCollection AddHelp(this IServiceCollection services)
    {
        services.AddSingleton<HelpService>();
        services.AddBotCommand(
            new SlashCommandBuilder("help", "What StudyBot does and every command it has").GuildAndDm().Build(),
            HelpLine.Student("`/help` — this overview"));
        services.AddDiscordInteractions(routes => routes.Command<HelpModule>("help"));
        return services;
    }
}
