using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using StudyBot.Data.Diagnostics;
using StudyBot.Discord.Diagnostics;
using StudyBot.Hosting;

namespace StudyBot.Observability;

public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>The meters .NET, ASP.NET Core and Npgsql publish themselves.</summary>
    public static readonly string[] RuntimeMeters =
    [
        "System.Runtime",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Npgsql",
    ];

    /// <summary>
    /// Health checks (the database and its file, the connection to Discord, the scheduler) and the metrics of
    /// every StudyBot meter, exported in Prometheus format; <see cref="HealthEndpoints"/> serves both.
    /// </summary>
    public static IServiceCollection AddStudyBotObservability(this IServiceCollection services, bool httpEndpoint)
    {
        services.AddSingleton(new ConnectionMode(httpEndpoint));
        services.AddSingleton<GatewayStateTracker>();
        services.AddSingleton<ReadinessLog>();
        var errors = new LastErrorLog();
        services.AddSingleton(errors);
        services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(errors);
        services.AddHostedService(sp => sp.GetRequiredService<GatewayStateTracker>());
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<StorageHealthCheck>("storage", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<DiscordHealthCheck>("discord", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: [HealthEndpoints.ReadyTag]);
        // The scheduler's instance id names this process among a cluster's (registered before this).
        var instance = services.LastOrDefault(d => d.ServiceType == typeof(SchedulerSettings))?.ImplementationInstance is SchedulerSettings scheduler
            ? scheduler.InstanceId
            : null;
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("studybot", serviceVersion: BuildInfo.Version, serviceInstanceId: instance, autoGenerateServiceInstanceId: instance is null))
            .WithMetrics(metrics => metrics
            .AddMeter(HostMetrics.MeterName, DataMetrics.MeterName, DiscordMetrics.MeterName)
            // Quartz's own: job executions, trigger acquisition, cluster check-ins and the triggers a
            // process recovered from a failed one (quartz_cluster_recovery_trigger_total).
            .AddMeter(Quartz.Diagnostics.QuartzInstrumentation.MeterName)
            // .NET's own meters: the runtime (GC, heap, thread pool, exceptions), ASP.NET Core's web
            // server (health, metrics, /interactions) and Npgsql's connection pool and commands.
            .AddMeter(RuntimeMeters)
            .AddPrometheusExporter());
        return services;
    }
}
