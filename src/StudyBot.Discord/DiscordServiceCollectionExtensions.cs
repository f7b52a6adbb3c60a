using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StudyBot.Discord.Gateway;
using StudyBot.Discord.Http;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Rest;

namespace StudyBot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// The Discord client: options from the <c>Discord</c> section (token also from DISCORD_TOKEN),
    /// validated at start, the rate-limited REST client, the gateway client, the router and the
    /// command registrar.
    /// </summary>
    public static IServiceCollection AddDiscordClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DiscordOptions>()
            .Bind(configuration.GetSection(DiscordOptions.SectionName))
            .PostConfigure(options =>
            {
                if (string.IsNullOrWhiteSpace(options.Token))
                {
                    options.Token = configuration["DISCORD_TOKEN"];
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // The clients, the duplicate filter and the signature check take their clock by key: a host may
        // keep another time for itself (and registers this key with its other clocks).
        services.TryAddKeyedSingleton(DiscordTime.Key, TimeProvider.System);
        services.TryAddSingleton<DiscordRestClient>();
        services.TryAddSingleton<DiscordGatewayClient>();
        services.TryAddSingleton<InteractionRouteTable>();
        services.TryAddSingleton<InteractionDeduplicator>();
        services.TryAddSingleton<InteractionRouter>();
        services.TryAddSingleton<GatewayInteractionDispatcher>();
        services.TryAddSingleton<CommandRegistrar>();
        services.TryAddSingleton(sp => new InteractionSignatureVerifier(
            sp.GetRequiredService<IOptions<DiscordOptions>>().Value.PublicKey
                ?? throw new InvalidOperationException("Discord:PublicKey is required for the HTTP interactions endpoint."),
            sp.GetRequiredKeyedService<TimeProvider>(DiscordTime.Key)));
        services.AddHttpClient<AttachmentDownloader>();
        return services;
    }

    /// <summary>Adds interaction routes; each feature calls this with its own commands and custom_id prefixes.</summary>
    public static IServiceCollection AddDiscordInteractions(this IServiceCollection services, Action<InteractionRoutesBuilder> configure)
    {
        configure(new InteractionRoutesBuilder(services));
        services.TryAddSingleton<DeferredHandlerSlots>();
        return services;
    }
}
