using StudyBot.Core.Study;

namespace StudyBot.Core.Scheduling.Exam;

/// <summary>
/// The exam in force for an answer as a schedule adjustment (<see cref="IScheduleAdjustment"/>):
/// the answer is scheduled by <see cref="ExamScheduler.Answer"/> for the exam at <see cref="ExamUtc"/>
/// with the target recall <see cref="Target"/> (in place of the student's plain FSRS result), by the
/// version <see cref="Rule"/> of the exam rule. All three are kept in the review log with the answer,
/// so a replay rebuilds the same adjustment.
/// </summary>
public sealed class ExamScheduleAdjustment(FsrsScheduler scheduler, DateTime examUtc, double target, ExamRule rule) : IScheduleAdjustment
{
    private readonly ExamScheduler _exam = new(scheduler, rule: rule);

    public ExamRule Rule => _exam.Rule;

    public DateTime ExamUtc { get; } = examUtc;

    public double Target { get; } = target;

    public FsrsCard Adjust(in FsrsCard before, in FsrsCard scheduled, DateTime reviewedUtc, Rating rating) =>
        _exam.Answer(before, reviewedUtc, rating, [ExamUtc], Target).Card;

    /// <summary>
    /// The answer's scheduling: plain FSRS without an exam ahead, else FSRS adjusted for the exam by the
    /// rule of version <paramref name="ruleVersion"/> (none: <see cref="ExamRule.Current"/>, for a new answer).
    /// </summary>
    public static AnswerScheduling For(FsrsScheduler scheduler, DateTime? examUtc, double? target, int? ruleVersion = null) =>
        examUtc is { } exam
            ? new AnswerScheduling(scheduler, new ExamScheduleAdjustment(scheduler, exam, target ?? ExamScheduler.DefaultTarget, ruleVersion is { } v ? ExamRule.Of(v) : ExamRule.Current))
            : new AnswerScheduling(scheduler);
}
