using System.Threading.Channels;

namespace StudyBot.Data.Review;

/// <summary>
/// Group commit with a dedicated writer: callers queue their answers here; one background task
/// takes whatever is queued (at most <c>maxBatch</c>) and has it read, graded and written in one
/// transaction. It lingers for more (at most <c>linger</c>) only while answers that were already
/// on their way when it took the batch (a caller had started an answer and not handed it over
/// yet) are still coming, so answers arriving together share a transaction, while under steady
/// load a batch never waits for answers that keep coming after it. A lone answer is not delayed:
/// when nothing is queued, collected or being written, its caller handles it at once on its own
/// thread. A caller waits for the batch in progress and its own, never for a queue behind it.
/// Disposing stops taking answers and writes everything already queued.
/// </summary>
internal sealed class AnswerQueue(Func<IReadOnlyList<PendingAnswer>, Task> writeBatch, int maxBatch, TimeSpan linger) : IAsyncDisposable
{
    // Null is a wake-up, not an answer: the last answer of the generation a batch waits for gave up or was written alone.
    private readonly Channel<PendingAnswer?> _channel = Channel.CreateUnbounded<PendingAnswer?>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _start = new();
    // One batch is written at a time: by the writer, or by a caller that found the queue idle.
    private readonly SemaphoreSlim _writing = new(1, 1);
    private Task? _writer;
    // Answers on their way, by the generation they arrived in: a batch waits only for those that arrived before it began.
    private readonly int[] _arriving = new int[2];
    private int _generation;
    // The generation the writer is waiting for (0 or 1), or -1; and whether it holds a batch (no caller then writes alone).
    private int _lingeringFor = -1;
    private int _collecting;
    private int _queued;
    private long _lingers;
    private TaskCompletionSource? _hold;
    private volatile bool _closed;

    /// <summary>Answers queued and not yet taken by the writer.</summary>
    internal int Queued => Volatile.Read(ref _queued);

    /// <summary>How many batches waited for answers on their way.</summary>
    internal long Lingers => Interlocked.Read(ref _lingers);

    /// <summary>Announces an answer on its way (its caller is preparing it); dispose once it is queued or given up.</summary>
    public Arrival Arrive()
    {
        var generation = Volatile.Read(ref _generation) & 1;
        Interlocked.Increment(ref _arriving[generation]);
        return new Arrival(this, generation);
    }

    /// <summary>Answers on their way, of any generation.</summary>
    private int Arriving => Volatile.Read(ref _arriving[0]) + Volatile.Read(ref _arriving[1]);

    /// <summary>Queues a graded answer for the writer; its completion settles after the commit that holds it.</summary>
    private void Enqueue(PendingAnswer answer)
    {
        Interlocked.Increment(ref _queued);
        if (!_channel.Writer.TryWrite(answer))
        {
            Interlocked.Decrement(ref _queued);
            throw new StoreRefusedException("StudyBot is shutting down and saves no more answers; answer again in a moment.");
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
        if (_closed || Volatile.Read(ref _queued) > 0 || Arriving > 0 || Volatile.Read(ref _collecting) != 0 || Volatile.Read(ref _hold) is not null || !_writing.Wait(0))
        {
            return false;
        }
        try
        {
            await writeBatch([answer]);
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
            if (batch.Count == 0)
            {
                // Only wake-ups: a linger ended before they came.
                continue;
            }
            Volatile.Write(ref _collecting, 1);
            // Answers that start arriving from now on go in the next batch: under steady load a batch
            // waits for the answers already on their way, not for every answer that keeps coming.
            var earlier = (Interlocked.Increment(ref _generation) - 1) & 1;
            if (batch.Count < maxBatch && Volatile.Read(ref _arriving[earlier]) > 0)
            {
                Interlocked.Increment(ref _lingers);
                await LingerAsync(reader, batch, earlier);
            }
            await _writing.WaitAsync();
            try
            {
                await writeBatch(batch);
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
                Volatile.Write(ref _collecting, 0);
            }
            batch.Clear();
        }
    }

    private void Take(ChannelReader<PendingAnswer?> reader, List<PendingAnswer> batch)
    {
        while (batch.Count < maxBatch && reader.TryRead(out var answer))
        {
            if (answer is not null)
            {
                Interlocked.Decrement(ref _queued);
                batch.Add(answer);
            }
        }
    }

    /// <summary>Takes answers that arrive within <c>linger</c>, while any of generation <paramref name="earlier"/> are still on their way.</summary>
    private async Task LingerAsync(ChannelReader<PendingAnswer?> reader, List<PendingAnswer> batch, int earlier)
    {
        using var timeout = new CancellationTokenSource(linger);
        // Set before the count is read again below: an answer that gives up after this wakes the wait.
        Volatile.Write(ref _lingeringFor, earlier);
        try
        {
            while (batch.Count < maxBatch && Volatile.Read(ref _arriving[earlier]) > 0 && await reader.WaitToReadAsync(timeout.Token))
            {
                Take(reader, batch);
            }
        }
        catch (OperationCanceledException)
        {
            // The linger is over: write what there is.
        }
        finally
        {
            Volatile.Write(ref _lingeringFor, -1);
        }
    }

    /// <summary>An answer is no longer on its way; the last one of the generation the writer waits for wakes it.</summary>
    private void Arrived(int generation)
    {
        if (Interlocked.Decrement(ref _arriving[generation]) == 0 && Volatile.Read(ref _lingeringFor) == generation)
        {
            _channel.Writer.TryWrite(null);
        }
    }

    /// <summary>An answer on its way to the queue: counted until it is queued or given up.</summary>
    public sealed class Arrival(AnswerQueue queue, int generation) : IDisposable
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
                queue.Arrived(generation);
            }
        }
    }
}
