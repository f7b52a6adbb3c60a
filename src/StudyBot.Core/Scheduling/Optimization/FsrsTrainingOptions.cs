namespace StudyBot.Core.Scheduling.Optimization;

/// <summary>How to fit. Defaults are the reference optimizer's (fsrs-rs 6.5.0).</summary>
public sealed record FsrsTrainingOptions
{
    /// <summary>When off, w0-w3 stay at their pre-trained values and w17-w19 at 0 (no same-day reviews in the model).</summary>
    public bool EnableShortTerm { get; init; } = true;

    public int RelearningSteps { get; init; } = 1;

    public int Epochs { get; init; } = 5;

    public int BatchSize { get; init; } = 512;

    public ulong Seed { get; init; } = 2023;

    public double LearningRate { get; init; } = 0.04;

    /// <summary>Items with more reviews than this are left out of training.</summary>
    public int MaxSequenceLength { get; init; } = 256;

    /// <summary>The weight of the pull towards the initial parameters.</summary>
    public double Gamma { get; init; } = 1.0;
}
