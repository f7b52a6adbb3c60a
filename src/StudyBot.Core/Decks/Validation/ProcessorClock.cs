using System.Diagnostics;
using System.Runtime.InteropServices;

namespace StudyBot.Core.Decks.Validation;

/// <summary>
/// The processor time spent by the work that started it: the calling thread's own time where the
/// system tells it (Linux and macOS, <c>clock_gettime</c> with the thread's CPU clock) and the work
/// stays on that thread; otherwise the whole process's, which counts other threads' work too and
/// so only ever stops a read sooner, never later.
/// </summary>
internal readonly struct ProcessorClock
{
    private readonly int _threadId;
    private readonly TimeSpan _threadAtStart;
    private readonly TimeSpan _processAtStart;

    private ProcessorClock(int threadId, TimeSpan threadAtStart, TimeSpan processAtStart)
    {
        _threadId = threadId;
        _threadAtStart = threadAtStart;
        _processAtStart = processAtStart;
    }

    public static ProcessorClock Start() =>
        new(Environment.CurrentManagedThreadId, ThreadTime() ?? TimeSpan.Zero, ProcessTime());

    /// <summary>The processor time spent since <see cref="Start"/>.</summary>
    public TimeSpan Spent()
    {
        if (Environment.CurrentManagedThreadId == _threadId && ThreadTime() is { } thread)
        {
            return thread - _threadAtStart;
        }

        return ProcessTime() - _processAtStart;
    }

    private static TimeSpan ProcessTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static TimeSpan? ThreadTime()
    {
        var clock = OperatingSystem.IsLinux() ? 3 : OperatingSystem.IsMacOS() ? 16 : -1; // CLOCK_THREAD_CPUTIME_ID
        if (clock < 0)
        {
            return null;
        }

        try
        {
            return NativeClock.clock_gettime(clock, out var time) == 0
                ? TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100))
                : null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static class NativeClock
    {
        [DllImport("libc", EntryPoint = "clock_gettime")]
        internal static extern int clock_gettime(int clock, out TimeSpec time);
    }
}
