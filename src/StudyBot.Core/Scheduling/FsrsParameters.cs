namespace StudyBot.Core.Scheduling;

/// <summary>FSRS-6 settings. Defaults are ts-fsrs 5.4.2's. Checked when an <see cref="FsrsScheduler"/> is built.</summary>
public sealed record FsrsParameters
{
    /// <summary>21 weights (FSRS-6) or 19 (FSRS-5, upgraded with [0, 0.5]); empty means <see cref="FsrsWeights.Defaults"/>.</summary>
    public IReadOnlyList<double> Weights { get; init; } = [];

    /// <summary>The probability of recall the intervals aim for, strictly between 0 and 1.</summary>
    public double DesiredRetention { get; init; } = 0.9;

    /// <summary>The longest interval in days, at least 1.</summary>
    public int MaximumInterval { get; init; } = 36500;

    public IReadOnlyList<TimeSpan> LearningSteps { get; init; } = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)];

    public IReadOnlyList<TimeSpan> RelearningSteps { get; init; } = [TimeSpan.FromMinutes(10)];

    /// <summary>When off, there are no (re)learning steps: every answer schedules whole days.</summary>
    public bool EnableShortTerm { get; init; } = true;

    /// <summary>Spreads intervals of 3 days and more over Anki's fuzz ranges, seeded as the reference seeds them.</summary>
    public bool EnableFuzz { get; init; }
}
