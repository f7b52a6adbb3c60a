namespace StudyBot.Data.Review;

/// <summary>
/// Group commit without a background thread: the first caller to find no write in progress becomes
/// the writer and writes everything queued, in batches, while later callers wait for their own
/// result. One SQLite transaction then carries many answers, and each caller still returns only
/// after the commit that holds its answer. A lone caller writes alone, with no added wait.
/// </summary>
internal sealed class GroupCommit(Func<IReadOnlyList<AnswerRequest>, Task> writeBatch, int maxBatch)
{
    private readonly Lock _gate = new();
    private readonly Queue<AnswerRequest> _pending = new();
    private bool _writing;

    public async Task<AnswerResult> SubmitAsync(AnswerRequest request)
    {
        bool lead;
        lock (_gate)
        {
            _pending.Enqueue(request);
            lead = !_writing;
            _writing = true;
        }
        if (lead)
        {
            await DrainAsync();
        }
        return await request.Completion.Task;
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            AnswerRequest[] batch;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    _writing = false;
                    return;
                }
                batch = new AnswerRequest[Math.Min(_pending.Count, maxBatch)];
                for (var i = 0; i < batch.Length; i++)
                {
                    batch[i] = _pending.Dequeue();
                }
            }
            try
            {
                await writeBatch(batch);
            }
            catch (Exception exception)
            {
                // writeBatch settles every request itself; this only guards against a bug leaving callers waiting forever.
                foreach (var request in batch)
                {
                    request.Completion.TrySetException(exception);
                }
            }
        }
    }
}
