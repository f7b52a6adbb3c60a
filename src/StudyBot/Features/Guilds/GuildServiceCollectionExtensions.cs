using Microsoft.Extensions.DependencyInjection;
using StudyBot.Discord.Gateway;
using StudyBot.Discord.Interactions;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Guilds;

public static class GuildServiceCollectionExtensions
{
    /// <summary>Guild tenancy: essay decks copied into each guild on first use, guild members recorded, gateway guild events.</summary>
    public static IServiceCollection AddGuilds(this IServiceCollection services)
    {
        services.AddFeatureShared();
        services.AddSingleton<EssayDecks>();
        services.AddSingleton<GuildProvisioner>();
        services.AddSingleton<MemberSightings>();
        services.AddScoped<IInteractionObserver, GuildPresence>();
        services.AddSingleton<IGatewayEventHandler, GuildEvents>();
        return services;
    }
}
