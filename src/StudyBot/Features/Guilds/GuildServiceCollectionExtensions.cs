using Microsoft.Extensions.DependencyInjection;
using StudyBot.Discord.Gateway;
using StudyBot.Discord.Interactions;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Guilds;

public static class GuildServiceCollectionExtensions
{
    /// <summary>Guild tenancy: essay decks copied into each guild on first use, guild members recorded and re-checked, gateway guild events, the place gate.</summary>
    public static IServiceCollection AddGuilds(this IServiceCollection services)
    {
        services.AddFeatureShared();
        services.AddSingleton<EssayDecks>();
        services.AddSingleton<GuildProvisioner>();
        services.AddSingleton<MemberSightings>();
        // Every interaction passes the place gate before its handler: ids of this place only, membership re-checked in DMs.
        services.AddOptions<MembershipOptions>()
            .BindConfiguration(MembershipOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<GuildMembership>();
        services.AddSingleton<PlaceIds>();
        services.AddScoped<IInteractionGate, PlaceGate>();
        services.AddScoped<IInteractionObserver, GuildPresence>();
        services.AddSingleton<IGatewayEventHandler, GuildEvents>();
        return services;
    }
}
