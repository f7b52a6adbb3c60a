using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace StudyBot.Observability;

/// <summary>
/// /healthz (liveness: the process answers), /readyz (every readiness check, one line each, 503
/// when one fails) and /metrics (Prometheus text), on whichever Kestrel the host serves.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";
    public const string Liveness = "/healthz";
    public const string Readiness = "/readyz";
    public const string Metrics = "/metrics";

    public static IReadOnlyList<string> Paths { get; } = [Liveness, Readiness, Metrics];

    public static IApplicationBuilder UseStudyBotHealthEndpoints(this IApplicationBuilder app)
    {
        app.UseHealthChecks(Liveness, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        var changes = app.ApplicationServices.GetService<ReadinessLog>();
        app.UseHealthChecks(Readiness, new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(ReadyTag),
            ResponseWriter = (context, report) =>
            {
                changes?.Observe(report);
                return WriteAsync(context, report);
            },
        });
        app.UseOpenTelemetryPrometheusScrapingEndpoint(Metrics);
        return app;
    }

    /// <summary>The three endpoints as one request handler (404 for any other path), for a server the host does not own.</summary>
    public static RequestDelegate Handler(IServiceProvider services)
    {
        var app = new ApplicationBuilder(services);
        app.UseStudyBotHealthEndpoints();
        app.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        return app.Build();
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var text = new StringBuilder().Append(report.Status).Append('\n');
        foreach (var (name, entry) in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append(": ").Append(entry.Status);
            if (!string.IsNullOrEmpty(entry.Description))
            {
                text.Append(" (").Append(entry.Description).Append(')');
            }

            text.Append('\n');
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(text.ToString());
    }
}

/// <summary>
/// Logs readiness once per change (ready, or not ready and why), not once per probe: an orchestrator
/// probing every few seconds would otherwise fill the log with the same failure.
/// </summary>
public sealed class ReadinessLog(ILogger<ReadinessLog> logger)
{
    private readonly Lock _lock = new();
    private string? _last;

    public void Observe(HealthReport report)
    {
        var failing = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => $"{e.Key}: {e.Value.Description}").ToList();
        var now = failing.Count == 0 ? "ready" : "not ready: " + string.Join("; ", failing);
        lock (_lock)
        {
            if (now == _last)
            {
                return;
            }

            _last = now;
        }

        if (failing.Count == 0)
        {
            logger.LogInformation("Readiness: ready");
        }
        else
        {
            logger.LogWarning("Readiness: {State}", now);
        }
    }
}
