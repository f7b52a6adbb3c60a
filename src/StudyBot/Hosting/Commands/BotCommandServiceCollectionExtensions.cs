using Microsoft.Extensions.DependencyInjection;
using StudyBot.Discord.Models;

namespace StudyBot.Hosting.Commands;

public static class BotCommandServiceCollectionExtensions
{
    public static IServiceCollection AddBotCommand(this IServiceCollection services, ApplicationCommand definition, params HelpLine[] helpLines)
        => services.AddSingleton(new BotCommand(definition, helpLines));
}
