using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StudyBot.Discord.Gateway;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;
using StudyBot.Features.Shared;
using StudyBot.Hosting;
using StudyBot.Hosting.Backups;
using StudyBot.Observability;

namespace StudyBot.Features.Status;

/// <summary>
/// /status for the bot's owner (the application's owner on Discord) and server managers: version,
/// uptime, shards with their heartbeat latency, the readiness checks (database, storage, Discord,
/// scheduler), the scheduler's instance, the last backup and the last error logged.
/// </summary>
public sealed class StatusModule(
    IServiceProvider services,
    HealthCheckService health,
    GatewayStateTracker shards,
    SchedulerSettings scheduler,
    StorageLocation storage,
    IOptions<BackupOptions> backups,
    LastErrorLog errors,
    StatusOwner owner,
    StudyClock clock)
{
    public const string RefusalText = "Only the bot's owner and server managers (Manage Server) can see its status.";

    public async Task ShowAsync(InteractionContext context)
    {
        var userId = context.Interaction.Member?.User?.Id ?? context.Interaction.User?.Id;
        if (!Instructors.IsManager(context.Interaction) && !(userId is { } id && await owner.IsOwnerAsync(id.Value, context.CancellationToken)))
        {
            await context.Responder.ReplyEphemeralAsync(RefusalText, context.CancellationToken);
            return;
        }
        var report = await health.CheckHealthAsync(r => r.Tags.Contains(HealthEndpoints.ReadyTag), context.CancellationToken);
        var started = new DateTimeOffset(Process.GetCurrentProcess().StartTime.ToUniversalTime());
        var message = new MessageBuilder()
            .AddEmbed(e => e
                .WithTitle($"StudyBot {BuildInfo.Version} ({BuildInfo.Commit})")
                .WithColor(report.Status == HealthStatus.Healthy ? Colors.Right : Colors.Wrong)
                .AddField("Up since", $"<t:{started.ToUnixTimeSeconds()}:f> ({Uptime(DateTimeOffset.UtcNow - started)})", inline: true)
                .AddField("Database", $"{(storage.IsSqlite ? "SQLite" : "PostgreSQL")}: {Check(report, "database")}", inline: true)
                .AddField("Scheduler", $"{scheduler.InstanceId}{(scheduler.Clustered ? " (cluster)" : "")}: {Check(report, "scheduler")}", inline: true)
                .AddField("Shards", Shards())
                .AddField("Readiness", string.Join("\n", report.Entries.Select(c => $"{c.Key}: {c.Value.Status}{(c.Value.Description is { Length: > 0 } d ? $" ({Text.Truncate(d, 150)})" : "")}")))
                .AddField("Last backup", LastBackup(), inline: true)
                .AddField("Last error", errors.Last is { } last ? Text.Truncate($"<t:{last.At.ToUnixTimeSeconds()}:R> {last.Category}: {last.Message}", 1000) : "none since the start", inline: false)
                .WithFooter($"Study clock {clock.UtcNow:yyyy-MM-dd HH:mm} UTC"))
            .Ephemeral()
            .Build();
        await context.Responder.ReplyAsync(message with { AllowedMentions = new AllowedMentions() }, context.CancellationToken);
    }

    private static string Check(HealthReport report, string name) =>
        report.Entries.TryGetValue(name, out var entry) ? entry.Status.ToString().ToLowerInvariant() : "not checked";

    private string Shards()
    {
        if (services.GetService<DiscordGatewayClient>() is not { Shards.Count: > 0 } gateway)
        {
            return "no gateway (HTTP interactions endpoint)";
        }
        var states = shards.Shards.ToDictionary(s => s.ShardId, s => s.State.ToString().ToLowerInvariant());
        var lines = new StringBuilder();
        foreach (var shard in gateway.Shards)
        {
            var latency = shard.Latency is { } l ? $"{l.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms" : "no heartbeat yet";
            lines.Append(CultureInfo.InvariantCulture, $"{shard.ShardId} of {shard.ShardCount}: {states.GetValueOrDefault(shard.ShardId, "starting")}, heartbeat {latency}\n");
        }
        return Text.Truncate(lines.ToString().TrimEnd(), 1000);
    }

    private string LastBackup()
    {
        if (storage.IsSqlite && !backups.Value.Enabled)
        {
            return "no backup job (Backup:Directory is not set)";
        }
        if (HostMetrics.LastBackupUtc is { } last)
        {
            return $"<t:{last.ToUnixTimeSeconds()}:R>";
        }
        return storage.IsSqlite ? "none yet" : "PostgreSQL: pg_dump's, outside StudyBot";
    }

    private static string Uptime(TimeSpan up) =>
        up.TotalDays >= 1 ? $"{(int)up.TotalDays} d {up.Hours} h" : up.TotalHours >= 1 ? $"{(int)up.TotalHours} h {up.Minutes} min" : $"{(int)up.TotalMinutes} min";
}

/// <summary>Who owns the application on Discord (GET /applications/@me), asked once.</summary>
public sealed class StatusOwner(DiscordRestClient rest)
{
    private ulong? _owner;

    public async Task<bool> IsOwnerAsync(ulong userId, CancellationToken cancellationToken)
    {
        if (_owner is null)
        {
            try
            {
                _owner = (await rest.GetCurrentApplicationAsync(cancellationToken)).Owner?.Id.Value ?? 0;
            }
            catch (DiscordApiException)
            {
                return false;
            }
        }
        return _owner == userId;
    }
}
