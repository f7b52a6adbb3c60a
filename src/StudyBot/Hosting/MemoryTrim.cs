using System.Runtime;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace StudyBot.Hosting;

/// <summary>
/// Gives memory back once a busy spell is over. Start-up (migrations, the essay decks copied into each
/// server, the word list, the time zones) and a class's burst of clicks leave the garbage collector with
/// far more memory committed than the objects still alive need, and at rest nothing makes it collect
/// again: the Playground held about 50 MB of heap for 28 MB of live objects a minute after start. When
/// the process has allocated little for a while (at rest) after allocating a lot (busy), one
/// aggressive collection compacts the heap, large objects included, and returns the free memory to the
/// system. It pauses the process for a few milliseconds per MB of live objects, only ever at rest.
/// The same moment the C library's allocator (glibc on Linux) is asked to give back what it holds
/// free: the JIT compiler, SQLite, TLS and the collector's finalized handles allocate there, and a
/// freed block stays with the process in one of the allocator's per-thread arenas (about 16 MB of the
/// Playground's 45 MB of anonymous memory a minute after start, measured).
/// </summary>
public sealed class MemoryTrim(ILogger<MemoryTrim> logger) : BackgroundService
{
    /// <summary>How often the allocation rate is looked at (real time: memory is the process's, whatever clock the bot studies by).</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    /// <summary>Allocated within one <see cref="Interval"/> at most, for the process to count as at rest.</summary>
    public const long QuietBytes = 2 << 20;

    /// <summary>Allocated since the last collection this service made, for a busy spell to be worth trimming after.</summary>
    public const long BusyBytes = 32 << 20;

    /// <summary>How many trims ran (for tests and /metrics).</summary>
    public int Trims => _trims;

    private int _trims;

    /// <summary>
    /// Methods compiled since the last trim, for a busy spell to be worth trimming after even when it
    /// allocated few objects: the JIT compiler's working memory is the C allocator's (a first start
    /// compiles the migrations and the essay copy's code after start-up's objects are gone).
    /// </summary>
    public const long BusyMethods = 2_000;

    /// <summary>Methods compiled within one <see cref="Interval"/> at most, for the process to count as at rest.</summary>
    public const long QuietMethods = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        var last = (Bytes: GC.GetTotalAllocatedBytes(), Methods: JitInfo.GetCompiledMethodCount());
        var atTrim = (Bytes: 0L, Methods: 0L);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = (Bytes: GC.GetTotalAllocatedBytes(), Methods: JitInfo.GetCompiledMethodCount());
                var quiet = now.Bytes - last.Bytes <= QuietBytes && now.Methods - last.Methods <= QuietMethods;
                last = now;
                if (quiet && (now.Bytes - atTrim.Bytes >= BusyBytes || now.Methods - atTrim.Methods >= BusyMethods))
                {
                    Trim();
                    atTrim = (GC.GetTotalAllocatedBytes(), JitInfo.GetCompiledMethodCount());
                    last = atTrim;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One blocking, compacting collection of every generation that decommits what it frees.</summary>
    public void Trim()
    {
        var before = GC.GetGCMemoryInfo().TotalCommittedBytes;
        var started = TimeProvider.System.GetTimestamp();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var info = GC.GetGCMemoryInfo();
        var native = NativeHeap.Trim();
        Interlocked.Increment(ref _trims);
        logger.LogDebug("At rest: compacted the heap in {Milliseconds} ms, {Live} MB alive, {Before} MB committed before, {After} MB after; native heap trimmed: {Native}",
            (long)TimeProvider.System.GetElapsedTime(started).TotalMilliseconds, info.HeapSizeBytes >> 20, before >> 20, info.TotalCommittedBytes >> 20, native);
    }

    /// <summary>glibc's <c>malloc_trim</c>: returns the free memory of every arena to the system.</summary>
    private static class NativeHeap
    {
        private static bool _unavailable = !OperatingSystem.IsLinux();

        /// <summary>Whether the allocator released anything; false where there is no glibc (Windows, macOS, musl).</summary>
        public static bool Trim()
        {
            if (_unavailable)
            {
                return false;
            }

            try
            {
                return malloc_trim(0) == 1;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                _unavailable = true;
                return false;
            }
        }

        [DllImport("libc", EntryPoint = "malloc_trim")]
        private static extern int malloc_trim(nuint pad);
    }
}
