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
        services.AddScoped<HelpModule>();
        services.AddBotCommand(
            new SlashCommandBuilder("help", "What StudyBot does and the commands you can use here").GuildAndDm().Build(),
            HelpLine.Student("`/help` — this overview (instructors: a second page with theirs), e.g. `/help`"));
        services.AddDiscordInteractions(routes => routes
            .Command("help", c => c.Services.GetRequiredService<HelpModule>().HandleAsync(c))
            .Component(HelpIds.Page, c => c.Services.GetRequiredService<HelpModule>().PageAsync(c)));
        return services;
    }
}
