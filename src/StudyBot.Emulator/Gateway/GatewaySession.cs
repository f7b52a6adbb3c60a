namespace StudyBot.Emulator.Gateway;

/// <summary>
/// A gateway session: its sequence numbers and the dispatches it has sent, kept for RESUME. One lock
/// orders dispatches, replays and connection changes, so a resumed client sees every event once, in order.
/// </summary>
internal sealed class GatewaySession(string id, int shardId, int shardCount, long intents, int bufferSize)
{
    private readonly LinkedList<(int Seq, string Frame)> _buffer = new();
    private readonly SemaphoreSlim _lock = new(1, 1);

    public string Id { get; } = id;
    public int ShardId { get; } = shardId;
    public int ShardCount { get; } = shardCount;
    public long Intents { get; } = intents;
    public int Seq { get; private set; }
    public GatewayConnection? Connection { get; private set; }

    /// <summary>Set once the session cannot be resumed (op 9 false, a fatal close, a newer IDENTIFY for its shard).</summary>
    public bool Invalidated { get; set; }

    public int Dispatched { get; private set; }

    /// <summary>Sequence numbers of dispatches sent on a connection whose heartbeats were not being acknowledged.</summary>
    public List<int> SentToZombie { get; } = [];

    /// <summary>Sequence numbers sent again on RESUME.</summary>
    public List<int> Replayed { get; } = [];

    public async Task DispatchAsync(string eventName, string dataJson)
    {
        await _lock.WaitAsync();
        try
        {
            var frame = Frame(eventName, dataJson);
            if (Connection is { } connection)
            {
                if (connection.WithholdAcks)
                {
                    SentToZombie.Add(Seq);
                }
                if (!connection.SwallowDispatches)
                {
                    await connection.SendAsync(frame);
                }
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task AttachAsync(GatewayConnection connection, Func<Task> whileLocked)
    {
        await _lock.WaitAsync();
        try
        {
            Connection = connection;
            await whileLocked();
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Replays what came after <paramref name="seq"/> onto <paramref name="connection"/>, then RESUMED; false when those events are gone.</summary>
    public async Task<bool> ResumeAsync(GatewayConnection connection, int seq)
    {
        await _lock.WaitAsync();
        try
        {
            if (seq > Seq || (_buffer.First is { } first && first.Value.Seq > seq + 1))
            {
                return false;
            }
            var previous = Connection;
            Connection = connection;
            if (previous is not null && previous != connection)
            {
                previous.Abort();
            }
            foreach (var (s, frame) in _buffer)
            {
                if (s > seq)
                {
                    Replayed.Add(s);
                    await connection.SendAsync(frame);
                }
            }
            await connection.SendAsync(Frame("RESUMED", "{}"));
            return true;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Detach(GatewayConnection connection)
    {
        _lock.Wait();
        try
        {
            if (Connection == connection)
            {
                Connection = null;
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Sends a dispatch while the caller already holds the lock (inside <see cref="AttachAsync"/>).</summary>
    public Task SendLockedAsync(string eventName, string dataJson) =>
        Connection?.SendAsync(Frame(eventName, dataJson)) ?? Task.CompletedTask;

    private string Frame(string eventName, string dataJson)
    {
        Seq++;
        Dispatched++;
        var frame = $"{{\"op\":0,\"d\":{dataJson},\"s\":{Seq},\"t\":\"{eventName}\"}}";
        _buffer.AddLast((Seq, frame));
        while (_buffer.Count > bufferSize)
        {
            _buffer.RemoveFirst();
        }
        return frame;
    }
}
