namespace StudyBot.Hosting;

/// <summary>
/// SQLite's driver is synchronous underneath its async methods: every statement, and every wait on
/// a busy database, holds a pool thread. When a class answers at once or thousands of reminders
/// fall due, the default pool (one thread per core, growing slowly) runs out, and the gateway's
/// next event, the REST client's pacing timers and the next acknowledgements queue behind blocked
/// database calls. The bot starts with enough threads for the work that may block at once: the
/// deferred handlers (Discord:Interactions:MaxDeferredHandlers, 16) and Quartz's jobs (16) take
/// turns, and answers are written by one writer, not on their callers' threads. More threads than
/// that are not kept ready: in a burst every one of them is runnable, and a click's acknowledgement
/// then waits for the cores behind all of them (class-burst on two cores: ack p99 240-620 ms with
/// 64 threads ready, 90-160 ms with 16).
/// </summary>
internal static class ThreadPoolFloor
{
    /// <summary>Worker threads the pool keeps ready.</summary>
    public const int MinWorkerThreads = 16;

    public static void Ensure()
    {
        ThreadPool.GetMinThreads(out var workers, out var completion);
        if (workers < MinWorkerThreads)
        {
            ThreadPool.SetMinThreads(MinWorkerThreads, completion);
        }
    }
}
