using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
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
    /// <summary>The setting (an environment variable, as OpenTelemetry names it) that turns on the export of traces.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The sources of StudyBot's spans: an interaction, the database commands and the REST calls it makes.</summary>
    public static readonly string[] TraceSources = [DiscordTracing.SourceName, DatabaseTracing.SourceName];

    public static IServiceCollection AddStudyBotObservability(this IServiceCollection services, bool httpEndpoint, IConfiguration? configuration = null)
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
        var telemetry = services.AddOpenTelemetry()
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
        if (!string.IsNullOrWhiteSpace(configuration?[OtlpEndpointKey]))
        {
            AddTraceExport(telemetry);
        }

        return services;
    }

    /// <summary>
    /// Traces exported over OTLP to the collector <see cref="OtlpEndpointKey"/> names (OpenTelemetry's
    /// own settings apply: <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_EXPORTER_OTLP_HEADERS</c>,
    /// <c>OTEL_BSP_SCHEDULE_DELAY</c>, ...). A method of its own so that the exporter's assembly is only
    /// loaded when traces are wanted.
    /// </summary>
    private static void AddTraceExport(OpenTelemetryBuilder telemetry) =>
        telemetry.WithTracing(tracing => tracing.AddSource(TraceSources).AddOtlpExporter());
}
