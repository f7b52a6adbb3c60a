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
/// Other events (a guild joined, a member leaving) change state in the order Discord sent them:
/// each shard's go to its handlers one after the other, on a queue of their own, so they neither
/// wait for interactions nor make interactions wait.
/// </summary>
public sealed class GatewayInteractionDispatcher(
    InteractionRouter router,
    DiscordRestClient rest,
    IEnumerable<IGatewayEventHandler> handlers,
    ILogger<GatewayInteractionDispatcher> logger)
{
    private readonly IReadOnlyList<IGatewayEventHandler> _handlers = [.. handlers];

    private readonly ConcurrentDictionary<Task, byte> _running = new();

    private readonly ConcurrentDictionary<int, OrderedEvents> _ordered = new();

    public int InFlight => _running.Count;

    public ValueTask OnDispatchAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        if (dispatch.EventName != "INTERACTION_CREATE")
        {
            if (_handlers.Any(h => h.Handles(dispatch.EventName)))
            {
                _ordered.GetOrAdd(dispatch.ShardId, _ => new OrderedEvents(this)).Enqueue(dispatch, cancellationToken);
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

    /// <summary>One shard's non-interaction events, handled one at a time in the order they arrived.</summary>
    private sealed class OrderedEvents(GatewayInteractionDispatcher owner)
    {
        private readonly object _lock = new();
        private Task _tail = Task.CompletedTask;

        /// <summary>Completes when every event queued so far has been handled.</summary>
        public Task Idle
        {
            get { lock (_lock) { return _tail; } }
        }

        public void Enqueue(GatewayDispatch dispatch, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                _tail = _tail.ContinueWith(
                    _ => owner.HandleInOrderAsync(dispatch, cancellationToken),
                    CancellationToken.None,
                    TaskContinuationOptions.DenyChildAttach,
                    TaskScheduler.Default).Unwrap();
            }
        }
    }

    private async Task HandleInOrderAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        foreach (var handler in _handlers.Where(h => h.Handles(dispatch.EventName)))
        {
            await RunHandlerAsync(handler, dispatch, cancellationToken).ConfigureAwait(false);
        }
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

    /// <summary>Waits for interactions still being answered and events still being handled (at shutdown).</summary>
    public async Task DrainAsync()
    {
        try
        {
            await Task.WhenAll(_running.Keys.Concat(_ordered.Values.Select(o => o.Idle))).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Cancelled by shutdown; the router logged anything else.
        }
    }
}
