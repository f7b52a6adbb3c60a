using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using StudyBot.Data.Diagnostics;
using StudyBot.Discord.Diagnostics;

namespace StudyBot.Observability;

public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>
    /// Health checks (the database and its file, the connection to Discord, the scheduler) and the metrics of
    /// every StudyBot meter, exported in Prometheus format; <see cref="HealthEndpoints"/> serves both.
    /// </summary>
    public static IServiceCollection AddStudyBotObservability(this IServiceCollection services, bool httpEndpoint)
    {
        services.AddSingleton(new ConnectionMode(httpEndpoint));
        services.AddSingleton<GatewayStateTracker>();
        services.AddSingleton<ReadinessLog>();
        services.AddHostedService(sp => sp.GetRequiredService<GatewayStateTracker>());
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<StorageHealthCheck>("storage", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<DiscordHealthCheck>("discord", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: [HealthEndpoints.ReadyTag]);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("studybot"))
            .WithMetrics(metrics => metrics
            .AddMeter(HostMetrics.MeterName, DataMetrics.MeterName, DiscordMetrics.MeterName)
            .AddPrometheusExporter());
        return services;
    }
}
