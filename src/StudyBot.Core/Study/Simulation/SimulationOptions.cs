namespace StudyBot.Core.Study.Simulation;

/// <summary>How many simulated students study for how long, and the seed that makes a run repeatable.</summary>
public sealed record SimulationOptions
{
    public int Students { get; init; } = 100;

    public int Days { get; init; } = 90;

    public int NewPerDay { get; init; } = 10;

    /// <summary>The bot's default daily review limit.</summary>
    public int ReviewsPerDay { get; init; } = 200;

    public int Seed { get; init; } = 1;

    /// <summary>How far each student's true weights lie from the defaults (log-normal spread).</summary>
    public double ParameterSpread { get; init; } = 0.25;

    /// <summary>Schedules to run (all by default).</summary>
    public IReadOnlyList<ScheduleKind> Schedules { get; init; } = Enum.GetValues<ScheduleKind>();
}

/// <summary>The schedules the simulation compares.</summary>
public enum ScheduleKind
{
    Fsrs80,
    Fsrs90,
    Fsrs95,
    FsrsFitted,
    Sm2,
    Leitner,
    Fixed,
}

/// <summary>One schedule's results, averaged over students.</summary>
/// <param name="RecallByDay">Mean probability of recalling every introduced card at the end of each day.</param>
public sealed record ScheduleResult(
    ScheduleKind Schedule,
    string Name,
    double ReviewsPerStudent,
    double MinutesPerStudent,
    double ExamRecall,
    double CardsRemembered,
    double RememberedPerReview,
    IReadOnlyList<double> RecallByDay);

public static class ScheduleNames
{
    public static string Of(ScheduleKind kind) => kind switch
    {
        ScheduleKind.Fsrs80 => "FSRS-6, retention 0.80",
        ScheduleKind.Fsrs90 => "FSRS-6, retention 0.90",
        ScheduleKind.Fsrs95 => "FSRS-6, retention 0.95",
        ScheduleKind.FsrsFitted => "FSRS-6 fitted weekly, 0.90",
        ScheduleKind.Sm2 => "SM-2 (Anki legacy)",
        ScheduleKind.Leitner => "Leitner 1-2-4-8-16 days",
        ScheduleKind.Fixed => "Fixed, every 7 days",
        _ => kind.ToString(),
    };
}
