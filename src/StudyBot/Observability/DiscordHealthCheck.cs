using Microsoft.Extensions.Diagnostics.HealthChecks;
using StudyBot.Discord.Gateway;
using StudyBot.Hosting;

namespace StudyBot.Observability;

/// <summary>
/// Ready once the slash commands are registered and, over the gateway, while every shard's last
/// state is connected or resumed. With the HTTP endpoint, registration is all there is to wait for.
/// </summary>
internal sealed class DiscordHealthCheck(BotStatus status, GatewayStateTracker gateway, ConnectionMode mode) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        => Task.FromResult(Check());

    private HealthCheckResult Check()
    {
        if (status.Failure is { } failure)
        {
            return HealthCheckResult.Unhealthy("Discord refused the bot: " + failure);
        }

        if (!status.Ready.IsCompletedSuccessfully && status.WaitingFor(StartupRetry.Discord) is { } waiting)
        {
            return HealthCheckResult.Unhealthy(waiting);
        }

        if (!status.Ready.IsCompletedSuccessfully)
        {
            return HealthCheckResult.Unhealthy(mode.HttpEndpoint ? "registering slash commands" : "connecting to the gateway");
        }

        if (mode.HttpEndpoint)
        {
            return HealthCheckResult.Healthy("interactions endpoint ready");
        }

        var shards = gateway.Shards;
        var down = shards.Where(s => s.State is not (GatewayState.Connected or GatewayState.Resumed)).ToList();
        return shards.Count > 0 && down.Count == 0
            ? HealthCheckResult.Healthy($"gateway connected ({shards.Count} shard(s))")
            : HealthCheckResult.Unhealthy("gateway " + string.Join(", ", down.Select(s => $"shard {s.ShardId} {s.State.ToString().ToLowerInvariant()}")));
    }
}

/// <summary>How interactions reach the bot in this process.</summary>
public sealed record ConnectionMode(bool HttpEndpoint);
