namespace StudyBot.Core.Scheduling;

/// <summary>FSRS-6 settings. Defaults are ts-fsrs 5.4.2's.</summary>
public sealed record FsrsParameters
{
    // CONTRACT (implementation pending): 21 weights (19-value sets upgraded), clamped; validated on construction of FsrsScheduler.
    public IReadOnlyList<double> Weights { get; init; } = [];
    public double DesiredRetention { get; init; } = 0.9;
    public int MaximumInterval { get; init; } = 36500;
    public IReadOnlyList<TimeSpan> LearningSteps { get; init; } = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)];
    public IReadOnlyList<TimeSpan> RelearningSteps { get; init; } = [TimeSpan.FromMinutes(10)];
    public bool EnableShortTerm { get; init; } = true;
    public bool EnableFuzz { get; init; }
}
