namespace StudyBot.Hosting;

/// <summary>Whether the bot is answering yet, and why it stopped if Discord refused it.</summary>
public sealed class BotStatus
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the connection is up and the slash commands are registered.</summary>
    public Task Ready => _ready.Task;

    /// <summary>One line saying why the bot stopped on its own (a fatal close code, a rejected token); null otherwise.</summary>
    public string? Failure { get; private set; }

    public void MarkReady() => _ready.TrySetResult();

    public void Fail(string reason)
    {
        Failure ??= reason;
        _ready.TrySetException(new InvalidOperationException(reason));
    }
}
