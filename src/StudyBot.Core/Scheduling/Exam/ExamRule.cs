namespace StudyBot.Core.Scheduling.Exam;

/// <summary>
/// One version of the exam rule (<see cref="ExamScheduler"/>): what changed between versions, as
/// parameters of the one scheduler. The review log keeps the version an answer was scheduled under,
/// so a replay (<c>db verify</c>, a recount) schedules it by the rule in force then, whatever the
/// current rule is. A new version gets the next number and is added to <see cref="All"/>; a version,
/// once answers were logged under it, never changes.
/// </summary>
/// <param name="Version">The number the review log keeps.</param>
/// <param name="StabilityMargin">Exam predictions divide FSRS's stability by this factor (1: FSRS's own prediction).</param>
/// <param name="PlansBackwards">
/// Version 2 on: before the last study day an answer is scheduled in whole days at the building
/// retention, a card comes back for a building review or its final review, and the final review day
/// is found with whole-day answers. Version 1: the student's own FSRS answer, kept when it falls due
/// before the exam, else the final review day found with the student's own FSRS.
/// </param>
/// <param name="SafeWaitsForOwnInterval">
/// Version 2 on: a safe card is due at the exam or at the student's own FSRS interval for its
/// stability, whichever is later. Version 1: at the exam or at the due time FSRS gave, whichever is later.
/// </param>
public sealed record ExamRule(int Version, double StabilityMargin, bool PlansBackwards, bool SafeWaitsForOwnInterval)
{
    /// <summary>The first rule: FSRS's answer, brought forward so that one review falls on the earliest day that reaches the target.</summary>
    public static ExamRule V1 { get; } = new(1, StabilityMargin: 1.0, PlansBackwards: false, SafeWaitsForOwnInterval: false);

    /// <summary>The rule planned backwards from the exam, with a margin for model error (the current rule).</summary>
    public static ExamRule V2 { get; } = new(2, StabilityMargin: 2.0, PlansBackwards: true, SafeWaitsForOwnInterval: true);

    /// <summary>The rule new answers are scheduled under.</summary>
    public static ExamRule Current => V2;

    /// <summary>Every version, oldest first.</summary>
    public static IReadOnlyList<ExamRule> All { get; } = [V1, V2];

    /// <summary>Whether a rule has the version <paramref name="version"/>.</summary>
    public static bool Exists(int version) => All.Any(r => r.Version == version);

    /// <summary>The rule with the version <paramref name="version"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No rule has that version.</exception>
    public static ExamRule Of(int version) =>
        All.FirstOrDefault(r => r.Version == version)
        ?? throw new ArgumentOutOfRangeException(nameof(version), version, $"There is no exam rule version {version} (known: {string.Join(", ", All.Select(r => r.Version))}).");
}
