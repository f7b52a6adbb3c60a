using Microsoft.Extensions.Options;

namespace StudyBot.Discord.Interactions;

/// <summary>The turns acknowledged interactions take to run their handlers (<see cref="DiscordInteractionOptions.MaxDeferredHandlers"/>).</summary>
public sealed class DeferredHandlerSlots(IOptions<DiscordOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.Interactions.MaxDeferredHandlers, options.Value.Interactions.MaxDeferredHandlers);
    private int _waiting;

    /// <summary>Handlers waiting for a turn, already acknowledged.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public async Task<IDisposable> TakeAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
