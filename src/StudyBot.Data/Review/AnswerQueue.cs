using System.Threading.Channels;

namespace StudyBot.Data.Review;

/// <summary>
/// Group commit with a dedicated writer: callers read and grade their answers themselves (in
/// parallel), then queue them here; one background task takes whatever is queued (at most
/// <c>maxBatch</c>) and writes it in one transaction. It lingers for more (at most <c>linger</c>)
/// only while other answers are on their way (a caller has started an answer and not handed it
/// over yet), so answers arriving together share a transaction. A lone answer is not delayed:
/// when nothing is queued or being written, its caller writes it at once on its own thread. A
/// caller waits for the batch in progress and its own, never for a queue behind it. Disposing
/// stops taking answers and writes everything already queued.
/// </summary>
/// <remarks><c>writeBatch</c> is told whether it runs on the caller's thread (a lone answer written at once).</remarks>
internal sealed class AnswerQueue(Func<IReadOnlyList<PendingAnswer>, bool, Task> writeBatch, int maxBatch, TimeSpan linger) : IAsyncDisposable
{
    private readonly Channel<PendingAnswer> _channel = Channel.CreateUnbounded<PendingAnswer>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _start = new();
    // One batch is written at a time: by the writer, or by a caller that found the queue idle.
    private readonly SemaphoreSlim _writing = new(1, 1);
    private Task? _writer;
    private int _arriving;
    private int _queued;
    private long _lingers;
    private TaskCompletionSource? _hold;
    private volatile bool _closed;

    /// <summary>Answers queued and not yet taken by the writer.</summary>
    internal int Queued => Volatile.Read(ref _queued);

    /// <summary>How many batches waited for answers on their way.</summary>
    internal long Lingers => Interlocked.Read(ref _lingers);

    /// <summary>Announces an answer on its way (being read and graded); dispose once it is queued or given up.</summary>
    public Arrival Arrive()
    {
        Interlocked.Increment(ref _arriving);
        return new Arrival(this);
    }

    /// <summary>Queues a graded answer for the writer; its completion settles after the commit that holds it.</summary>
    private void Enqueue(PendingAnswer answer)
    {
        Interlocked.Increment(ref _queued);
        if (!_channel.Writer.TryWrite(answer))
        {
            Interlocked.Decrement(ref _queued);
            throw new StudyException("StudyBot is shutting down and saves no more answers; answer again in a moment.");
        }
        lock (_start)
        {
            _writer ??= Task.Run(WriteAllAsync);
        }
    }

    /// <summary>
    /// Writes a lone answer on the caller's own thread when no other answer is on its way, queued or being written,
    /// sparing it the hand-over to the writer; false when the writer should take it.
    /// </summary>
    private async Task<bool> TryWriteAloneAsync(PendingAnswer answer)
    {
        // Only a lone answer: with others on their way or queued, the writer batches them together.
        if (_closed || Volatile.Read(ref _queued) > 0 || Volatile.Read(ref _arriving) > 0 || Volatile.Read(ref _hold) is not null || !_writing.Wait(0))
        {
            return false;
        }
        try
        {
            await writeBatch([answer], true);
        }
        catch (Exception exception)
        {
            answer.Completion.TrySetException(exception);
        }
        finally
        {
            _writing.Release();
        }
        return true;
    }

    /// <summary>Keeps the writer from taking a batch until <see cref="Release"/>: lets a test queue answers and see them go in together.</summary>
    internal void Hold() => Interlocked.Exchange(ref _hold, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    internal void Release() => Interlocked.Exchange(ref _hold, null)?.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        _closed = true;
        _channel.Writer.TryComplete();
        Release();
        Task? writer;
        lock (_start)
        {
            writer = _writer;
        }
        if (writer is not null)
        {
            await writer;
        }
    }

    private async Task WriteAllAsync()
    {
        var reader = _channel.Reader;
        var batch = new List<PendingAnswer>(maxBatch);
        while (await reader.WaitToReadAsync())
        {
            if (Volatile.Read(ref _hold) is { } hold)
            {
                await hold.Task;
            }
            Take(reader, batch);
            if (batch.Count < maxBatch && Volatile.Read(ref _arriving) > 0)
            {
                Interlocked.Increment(ref _lingers);
                await LingerAsync(reader, batch);
            }
            await _writing.WaitAsync();
            try
            {
                await writeBatch(batch, false);
            }
            catch (Exception exception)
            {
                // The batch writer settles every answer itself; this only keeps a bug from leaving callers waiting forever.
                foreach (var answer in batch)
                {
                    answer.Completion.TrySetException(exception);
                }
            }
            finally
            {
                _writing.Release();
            }
            batch.Clear();
        }
    }

    private void Take(ChannelReader<PendingAnswer> reader, List<PendingAnswer> batch)
    {
        while (batch.Count < maxBatch && reader.TryRead(out var answer))
        {
            Interlocked.Decrement(ref _queued);
            batch.Add(answer);
        }
    }

    /// <summary>Takes answers that arrive within <c>linger</c>, while any are still on their way.</summary>
    private async Task LingerAsync(ChannelReader<PendingAnswer> reader, List<PendingAnswer> batch)
    {
        using var timeout = new CancellationTokenSource(linger);
        try
        {
            while (batch.Count < maxBatch && Volatile.Read(ref _arriving) > 0 && await reader.WaitToReadAsync(timeout.Token))
            {
                Take(reader, batch);
            }
        }
        catch (OperationCanceledException)
        {
            // The linger is over: write what there is.
        }
    }

    /// <summary>An answer on its way to the queue: counted until it is queued or given up.</summary>
    public sealed class Arrival(AnswerQueue queue) : IDisposable
    {
        private int _done;

        /// <summary>
        /// Hands the graded answer over (or, when the writer is idle, writes it at once on this
        /// thread); its completion settles after the commit that holds it.
        /// </summary>
        public async Task SubmitAsync(PendingAnswer answer)
        {
            // No longer on its way before it is queued, so the writer never lingers for an answer it already holds.
            Dispose();
            if (!await queue.TryWriteAloneAsync(answer))
            {
                queue.Enqueue(answer);
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                Interlocked.Decrement(ref queue._arriving);
            }
        }
    }
}
