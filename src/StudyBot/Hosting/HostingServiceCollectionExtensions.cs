using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StudyBot.Data;
using StudyBot.Discord.Interactions;
using StudyBot.Hosting.Backups;
using StudyBot.Hosting.Commands;

namespace StudyBot.Hosting;

public static class HostingServiceCollectionExtensions
{
    /// <summary>The StudyBot section (validated at start), the study clock, the command catalog and the bot's status.</summary>
    public static IServiceCollection AddStudyBotCore(this IServiceCollection services)
    {
        services.AddOptions<StudyBotOptions>()
            .BindConfiguration(StudyBotOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        AddClocks(services);
        services.AddSingleton<CommandCatalog>();
        services.AddSingleton<BotStatus>();
        services.AddSingleton<StartupRetry>();
        services.AddSingleton<MemoryTrim>();
        services.AddHostedService(sp => sp.GetRequiredService<MemoryTrim>());
        return services;
    }

    /// <summary>
    /// Every clock of the host, registered here and nowhere else: the study clock (real time moved by
    /// StudyBot:ClockOffset, or a test's fake; Quartz follows it through <see cref="SchedulerClock"/>,
    /// which becomes the container's <see cref="TimeProvider"/>), and Discord's real time under
    /// <see cref="Discord.DiscordTime.Key"/>, which the REST and gateway clients take whatever study time is set.
    /// </summary>
    private static void AddClocks(IServiceCollection services)
    {
        services.TryAddSingleton(sp => new StudyClock(OffsetTimeProvider.Around(TimeProvider.System, sp.GetRequiredService<IOptions<StudyBotOptions>>().Value.ClockOffset)));
        services.TryAddSingleton(TimeProvider.System);
        services.AddKeyedSingleton(Discord.DiscordTime.Key, TimeProvider.System);
    }

    /// <summary>The progress database (migrated at start): Database:Provider and ConnectionStrings:StudyBot.</summary>
    public static IServiceCollection AddStudyStorage(this IServiceCollection services, StorageLocation storage)
    {
        services.AddSingleton(storage);
        // Before the migration step: a second bot on the same file stops here, having changed nothing.
        services.AddHostedService<DatabaseLockHolder>();
        services.AddStudyData(storage.Target);
        services.AddSingleton<IInteractionGuard, StorageGuard>();
        return services;
    }

    /// <summary>
    /// How interactions arrive: over the gateway (the default), or, with <paramref name="httpEndpoint"/>,
    /// as signed POSTs to /interactions (then only the commands are registered at start, and each
    /// accepted interaction id is kept in the database for 15 minutes, so a replay is refused).
    /// </summary>
    /// <remarks>
    /// Over the gateway on PostgreSQL, the shards are held through leases shared by every process
    /// (<see cref="Cluster.ShardLeaseCoordinator"/>): <c>auto</c> by default, or a fixed range.
    /// </remarks>
    public static IServiceCollection AddDiscordConnection(this IServiceCollection services, bool httpEndpoint, IConfiguration configuration, StorageLocation storage)
    {
        if (httpEndpoint)
        {
            services.AddHostedService<CommandRegistration>();
            services.AddSingleton<Discord.Http.IInteractionReplayStore, DatabaseReplayStore>();
        }
        else
        {
            var discord = configuration.GetSection(Discord.DiscordOptions.SectionName).Get<Discord.DiscordOptions>() ?? new Discord.DiscordOptions();
            if (Cluster.ShardLeaseSettings.From(configuration, discord, postgres: !storage.IsSqlite) is { } leases)
            {
                services.AddSingleton(leases);
                services.AddSingleton<Cluster.ShardLeaseCoordinator>();
                // Before the connection: the process is registered (or refused) before anything identifies.
                services.AddHostedService(sp => sp.GetRequiredService<Cluster.ShardLeaseCoordinator>());
            }

            services.AddHostedService<DiscordConnection>();
        }

        return services;
    }
}
