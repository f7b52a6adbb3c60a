using Microsoft.Extensions.Hosting;
using StudyBot.Discord.Gateway;

namespace StudyBot.Observability;

/// <summary>
/// The last state each gateway shard reported, for the readiness check. A hosted service only so
/// that it exists (and listens) before the gateway connects.
/// </summary>
public sealed class GatewayStateTracker : IHostedService
{
    private readonly Dictionary<int, GatewayStateChange> _shards = [];
    private readonly Lock _lock = new();

    public GatewayStateTracker(DiscordGatewayClient gateway) => gateway.StateChanged += OnStateChanged;

    public IReadOnlyList<GatewayStateChange> Shards
    {
        get
        {
            lock (_lock)
            {
                return [.. _shards.Values.OrderBy(s => s.ShardId)];
            }
        }
    }

    private void OnStateChanged(GatewayStateChange change)
    {
        lock (_lock)
        {
            if (change.State == GatewayState.Closed)
            {
                _shards.Remove(change.ShardId);
            }
            else
            {
                _shards[change.ShardId] = change;
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
