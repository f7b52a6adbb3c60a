using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using StudyBot.Core.Scheduling;

namespace StudyBot.Benchmarks;

/// <summary>`-- fsrs-bdn`: BenchmarkDotNet on the core step, with allocations per operation.</summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRun))]
public class FsrsStepBenchmark
{
    private const int Reviews = 10_000;
    private FsrsWorkload _workload = null!;
    private FsrsScheduler _shortTerm = null!;
    private FsrsScheduler _longTerm = null!;

    [GlobalSetup]
    public void Setup()
    {
        _workload = FsrsWorkload.Create(Reviews, seed: 7);
        _shortTerm = new FsrsScheduler();
        _longTerm = new FsrsScheduler(new FsrsParameters { EnableShortTerm = false });
    }

    [Benchmark(OperationsPerInvoke = Reviews, Baseline = true)]
    public long NextShortTerm() => _workload.Replay(_shortTerm);

    [Benchmark(OperationsPerInvoke = Reviews)]
    public long NextLongTerm() => _workload.Replay(_longTerm);

    /// <summary>
    /// In-process, so BenchmarkDotNet does not build a copy of the whole host (which can exceed its
    /// build timeout on a busy machine); a short run is enough for a step this small.
    /// </summary>
    private sealed class InProcessShortRun : ManualConfig
    {
        public InProcessShortRun() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    }
}
