namespace StudyBot.Hosting;

/// <summary>Whether the bot is answering yet, and why it stopped if Discord refused it.</summary>
public sealed class BotStatus
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the connection is up and the slash commands are registered.</summary>
    public Task Ready => _ready.Task;

    /// <summary>One line saying why the bot stopped on its own (a fatal close code, a rejected token); null otherwise.</summary>
    public string? Failure { get; private set; }

    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _waiting = new(StringComparer.Ordinal);

    /// <summary>Why start-up is still retrying <paramref name="what"/> (e.g. Discord unreachable), for /readyz; null once it got through.</summary>
    public string? WaitingFor(string what)
    {
        lock (_lock)
        {
            return _waiting.GetValueOrDefault(what);
        }
    }

    /// <summary>Records why <paramref name="what"/> is being retried, or clears it (null).</summary>
    public void Waiting(string what, string? reason)
    {
        lock (_lock)
        {
            if (reason is null)
            {
                _waiting.Remove(what);
            }
            else
            {
                _waiting[what] = reason;
            }
        }
    }

    public void MarkReady() => _ready.TrySetResult();

    public void Fail(string reason)
    {
        Failure ??= reason;
        _ready.TrySetException(new InvalidOperationException(reason));
    }
}
