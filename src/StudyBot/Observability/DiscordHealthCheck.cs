using Microsoft.Extensions.Diagnostics.HealthChecks;
using StudyBot.Discord.Gateway;
using StudyBot.Hosting;

namespace StudyBot.Observability;

/// <summary>
/// Ready once the slash commands are registered and, over the gateway, while every shard this
/// process holds is connected or resumed (each listed with its state); with shard leases, holding
/// no shard (others hold them all) is ready too. With the HTTP endpoint, registration is all there is to wait for.
/// </summary>
internal sealed class DiscordHealthCheck(BotStatus status, GatewayStateTracker gateway, ConnectionMode mode, Hosting.Cluster.ShardLeaseCoordinator? leases = null) : IHealthCheck
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
        var leased = leases is null ? "" : $"; leases: {leases.Summary}";
        if (shards.Count == 0 && leases is { Settled: true })
        {
            // More processes than shards, or every shard held elsewhere: this one stands by to take over.
            return HealthCheckResult.Healthy("holding no gateway shard" + leased);
        }

        // One entry per shard this process holds, e.g. "shard 0 connected, shard 1 connecting".
        var each = string.Join(", ", shards.Select(s => $"shard {s.ShardId} {s.State.ToString().ToLowerInvariant()}"));
        var down = shards.Count(s => s.State is not (GatewayState.Connected or GatewayState.Resumed));
        return shards.Count > 0 && down == 0
            ? HealthCheckResult.Healthy($"gateway connected ({shards.Count} shard(s): {each}){leased}")
            : HealthCheckResult.Unhealthy($"gateway {(shards.Count == 0 ? "holds no shard yet" : each)}{leased}");
    }
}

/// <summary>How interactions reach the bot in this process.</summary>
public sealed record ConnectionMode(bool HttpEndpoint);
