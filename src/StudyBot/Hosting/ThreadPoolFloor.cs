namespace StudyBot.Hosting;

/// <summary>
/// SQLite's driver is synchronous underneath its async methods: every statement, and every wait on
/// a busy database, holds a pool thread. When a class answers at once or thousands of reminders
/// fall due, the default pool (one thread per core, growing slowly) runs out, and the gateway's
/// next event, the REST client's pacing timers and the next acknowledgements queue behind blocked
/// database calls. The bot starts with enough threads that they never wait for the pool to grow.
/// </summary>
internal static class ThreadPoolFloor
{
    /// <summary>Worker threads the pool keeps ready.</summary>
    public const int MinWorkerThreads = 64;

    public static void Ensure()
    {
        ThreadPool.GetMinThreads(out var workers, out var completion);
        if (workers < MinWorkerThreads)
        {
            ThreadPool.SetMinThreads(MinWorkerThreads, completion);
        }
    }
}
