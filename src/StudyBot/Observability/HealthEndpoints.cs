using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

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
        app.UseHealthChecks(Readiness, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
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
