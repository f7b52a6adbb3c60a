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
public sealed class GatewayInteractionDispatcher(
    InteractionRouter router,
    DiscordRestClient rest,
    IEnumerable<IGatewayEventHandler> handlers,
    ILogger<GatewayInteractionDispatcher> logger)
{
    private readonly IReadOnlyList<IGatewayEventHandler> _handlers = [.. handlers];

    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public int InFlight => _running.Count;

    public ValueTask OnDispatchAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        if (dispatch.EventName != "INTERACTION_CREATE")
        {
            foreach (var handler in _handlers.Where(h => h.Handles(dispatch.EventName)))
            {
                Track(Task.Run(() => RunHandlerAsync(handler, dispatch, cancellationToken), cancellationToken));
            }

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
            Track(Task.Run(() => router.HandleAsync(interaction, new RestInteractionResponder(rest, interaction), cancellationToken), cancellationToken));
        }

        return ValueTask.CompletedTask;
    }

    private void Track(Task task)
    {
        _running.TryAdd(task, 0);
        task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task RunHandlerAsync(IGatewayEventHandler handler, GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        try
        {
            await handler.HandleAsync(dispatch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Shard {Shard}: handling {Event} #{Sequence} failed", dispatch.ShardId, dispatch.EventName, dispatch.Sequence);
        }
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
