using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using StudyBot.Discord.Gateway;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;

namespace StudyBot.Discord.Interactions;

/// <summary>
/// Feeds INTERACTION_CREATE dispatches to the router. Each interaction runs on its own task so a
/// slow answer never holds up the shard's next event (nothing on the path blocks on another user).
/// </summary>
public sealed class GatewayInteractionDispatcher(InteractionRouter router, DiscordRestClient rest, ILogger<GatewayInteractionDispatcher> logger)
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public int InFlight => _running.Count;

    public ValueTask OnDispatchAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        if (dispatch.EventName != "INTERACTION_CREATE")
        {
            return ValueTask.CompletedTask;
        }

        Interaction? interaction;
        try
        {
            interaction = dispatch.Data.Deserialize(DiscordJsonContext.Default.Interaction);
        }
        catch (JsonException e)
        {
            logger.LogError(e, "Shard {Shard}: INTERACTION_CREATE #{Sequence} is not an interaction", dispatch.ShardId, dispatch.Sequence);
            return ValueTask.CompletedTask;
        }

        if (interaction is not null)
        {
            var task = Task.Run(() => router.HandleAsync(interaction, new RestInteractionResponder(rest, interaction), cancellationToken), cancellationToken);
            _running.TryAdd(task, 0);
            task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Waits for interactions still being answered (at shutdown).</summary>
    public async Task DrainAsync()
    {
        try
        {
            await Task.WhenAll(_running.Keys).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Cancelled by shutdown; the router logged anything else.
        }
    }
}
