using StudyBot.Core.Study;

namespace StudyBot.Core.Scheduling.Exam;

/// <summary>
/// The exam in force for an answer as a schedule adjustment (<see cref="IScheduleAdjustment"/>):
/// after FSRS answered the card, <see cref="ExamScheduler.Adjust"/> chooses its due time for the exam
/// at <see cref="ExamUtc"/> with the target recall <see cref="Target"/>. Both are kept in the review
/// log with the answer, so a replay rebuilds the same adjustment.
/// </summary>
public sealed class ExamScheduleAdjustment(FsrsScheduler scheduler, DateTime examUtc, double target) : IScheduleAdjustment
{
    private readonly ExamScheduler _exam = new(scheduler);

    public DateTime ExamUtc { get; } = examUtc;

    public double Target { get; } = target;

    public FsrsCard Adjust(in FsrsCard before, in FsrsCard scheduled, DateTime reviewedUtc, Rating rating) =>
        _exam.Adjust(scheduled, reviewedUtc, [ExamUtc], Target).Card;

    /// <summary>The answer's scheduling: plain FSRS without an exam ahead, else FSRS adjusted for the exam.</summary>
    public static AnswerScheduling For(FsrsScheduler scheduler, DateTime? examUtc, double? target) =>
        examUtc is { } exam
            ? new AnswerScheduling(scheduler, new ExamScheduleAdjustment(scheduler, exam, target ?? ExamScheduler.DefaultTarget))
            : new AnswerScheduling(scheduler);
}
