namespace StudyBot.Core.Study;

/// <summary>How many new cards and reviews one user takes on per study day.</summary>
public sealed record DailyLimits(int NewPerDay, int ReviewsPerDay)
{
    public static DailyLimits Default { get; } = new(20, 200);
}

/// <summary>What the user has already done in the current study day.</summary>
public readonly record struct DailyUsage(int NewIntroduced, int ReviewsDone);
