using StudyBot.Core.Study;

namespace StudyBot.Core.Scheduling.Exam;

/// <summary>
/// The exam in force for an answer as a schedule adjustment (<see cref="IScheduleAdjustment"/>):
/// the answer is scheduled by <see cref="ExamScheduler.Answer"/> for the exam at <see cref="ExamUtc"/>
/// with the target recall <see cref="Target"/> (in place of the student's plain FSRS result). Both are kept in the review
/// log with the answer, so a replay rebuilds the same adjustment.
/// </summary>
public sealed class ExamScheduleAdjustment(FsrsScheduler scheduler, DateTime examUtc, double target) : IScheduleAdjustment
{
    private readonly ExamScheduler _exam = new(scheduler);

    public DateTime ExamUtc { get; } = examUtc;

    public double Target { get; } = target;

    public FsrsCard Adjust(in FsrsCard before, in FsrsCard scheduled, DateTime reviewedUtc, Rating rating) =>
        _exam.Answer(before, reviewedUtc, rating, [ExamUtc], Target).Card;

    /// <summary>The answer's scheduling: plain FSRS without an exam ahead, else FSRS adjusted for the exam.</summary>
    public static AnswerScheduling For(FsrsScheduler scheduler, DateTime? examUtc, double? target) =>
        examUtc is { } exam
            ? new AnswerScheduling(scheduler, new ExamScheduleAdjustment(scheduler, exam, target ?? ExamScheduler.DefaultTarget))
            : new AnswerScheduling(scheduler);
}
