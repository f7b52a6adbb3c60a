using StudyBot.Core.Scheduling;
using StudyBot.Core.Scheduling.Exam;

namespace StudyBot.Core.Tests.Scheduling.Exam;

public sealed class ExamSchedulerTests
{
    private static readonly DateTime _start = new(2026, 3, 2, 17, 30, 0, DateTimeKind.Utc);

    /// <summary>A card in review with a random memory, last reviewed at <paramref name="now"/> minus up to 40 days.</summary>
    private static FsrsCard RandomReviewCard(Random random, DateTime now)
    {
        var stability = Math.Exp(random.NextDouble() * Math.Log(400 / 0.2)) * 0.2;
        var difficulty = 1 + random.NextDouble() * 9;
        var last = now.AddDays(-random.NextDouble() * Math.Min(40, stability * 3));
        return new FsrsCard(now, stability, difficulty, 0, 1, 0, 1 + random.Next(10), random.Next(3), CardState.Review, last);
    }

    private static FsrsScheduler RandomScheduler(Random random)
    {
        // The defaults or weights drawn around them, and a desired retention the exam target need not match.
        var weights = FsrsWeights.Defaults.Select((w, i) =>
        {
            var (min, max) = FsrsWeights.Range(i);
            return random.Next(3) == 0 ? w : Math.Clamp(w * Math.Exp(0.3 * (random.NextDouble() * 2 - 1)), Math.Max(min, 0.001), max);
        }).ToArray();
        return new FsrsScheduler(new FsrsParameters { Weights = weights, DesiredRetention = 0.75 + random.NextDouble() * 0.2 });
    }

    [Fact]
    public void Adjust_ManyStatesAnsweredGoodUntilTheExam_PredictedRecallAtTheExamReachesTheTarget()
    {
        var random = new Random(2801);
        var shortened = 0;
        for (var run = 0; run < 3000; run++)
        {
            var exams = new ExamScheduler(RandomScheduler(random));
            var target = 0.7 + random.NextDouble() * 0.28;
            var now = _start;
            var card = RandomReviewCard(random, now);
            var exam = now.AddDays(0.6 + random.NextDouble() * 150);
            // The student answers every review when due, and recalls it.
            while (now < exam)
            {
                var adjustment = exams.Adjust(exams.Fsrs.Next(card, now, Rating.Good), now, [exam], target);
                shortened += adjustment.Decision == ExamDecision.Shortened ? 1 : 0;
                card = adjustment.Card;
                now = card.Due;
            }

            var recall = exams.RecallAt(card, exam);
            Assert.True(recall >= target, $"run {run}: recall {recall:0.0000} at the exam is below the target {target:0.000} (S {card.Stability}, last {card.LastReview:O}, exam {exam:O})");
        }
        Assert.True(shortened > 300, $"the runs should exercise the shortened intervals, not only {shortened}");
    }

    [Fact]
    public void Adjust_ShortenedInterval_IsTheEarliestDayWhoseReviewKeepsTheTargetAndFallsBeforeTheExam()
    {
        var random = new Random(2802);
        var checkedCards = 0;
        for (var run = 0; run < 4000; run++)
        {
            var exams = new ExamScheduler(RandomScheduler(random));
            var target = 0.75 + random.NextDouble() * 0.2;
            var now = _start.AddDays(random.Next(30));
            var answered = exams.Fsrs.Next(RandomReviewCard(random, now), now, (Rating)random.Next(2, 5));
            var exam = now.AddDays(2 + random.NextDouble() * 120);

            var adjustment = exams.Adjust(answered, now, [exam], target);

            if (adjustment.Decision != ExamDecision.Shortened)
            {
                continue;
            }
            checkedCards++;
            var due = adjustment.Card.Due;
            Assert.True(due <= exam - exams.Lead, $"run {run}: due {due:O} is not at least the lead before the exam {exam:O}");
            Assert.True(due < answered.Due, $"run {run}: the interval was lengthened, not shortened");
            Assert.True(adjustment.RecallAtExam < target);
            var days = (due - now).TotalDays;
            Assert.Equal(Math.Round(days), days, 9);
            var enough = exams.RecallAfterReview(answered, due, exam) >= target;
            var lastDay = due.AddDays(1) > exam - exams.Lead;
            Assert.True(enough || lastDay, $"run {run}: a review on day {days} does not reach the target and a later day was possible");
            if (days > 1)
            {
                Assert.True(exams.RecallAfterReview(answered, due.AddDays(-1), exam) < target, $"run {run}: day {days - 1} already reached the target: an earlier review would do");
            }
        }
        Assert.True(checkedCards > 200, $"only {checkedCards} shortened intervals were checked");
    }

    [Fact]
    public void Adjust_CardAlreadySafeForTheExam_NotReviewedBeforeIt()
    {
        var random = new Random(2803);
        var safe = 0;
        for (var run = 0; run < 3000; run++)
        {
            var exams = new ExamScheduler(RandomScheduler(random));
            var target = 0.7 + random.NextDouble() * 0.25;
            var now = _start;
            var answered = exams.Fsrs.Next(RandomReviewCard(random, now), now, (Rating)random.Next(2, 5));
            var exam = now.AddDays(1 + random.NextDouble() * 60);

            var adjustment = exams.Adjust(answered, now, [exam], target);

            if (exams.RecallAt(answered, exam) < target)
            {
                Assert.NotEqual(ExamDecision.Safe, adjustment.Decision);
                continue;
            }
            safe++;
            Assert.Equal(ExamDecision.Safe, adjustment.Decision);
            Assert.True(adjustment.Card.Due >= exam, $"run {run}: a safe card is due {adjustment.Card.Due:O}, before the exam {exam:O}");
            Assert.Equal(Math.Max(answered.Due.Ticks, exam.Ticks), adjustment.Card.Due.Ticks);
            Assert.Equal(answered with { Due = adjustment.Card.Due, ScheduledDays = adjustment.Card.ScheduledDays }, adjustment.Card);
        }
        Assert.True(safe > 300, $"only {safe} safe cards were checked");
    }

    [Fact]
    public void Adjust_AfterTheLastExamOrOnALearningStep_PlainFsrs()
    {
        var exams = new ExamScheduler(new FsrsScheduler());
        var now = _start.AddDays(40);
        var review = exams.Fsrs.Next(exams.Fsrs.Next(FsrsCard.CreateNew(_start), _start, Rating.Easy), now, Rating.Good);
        var learning = exams.Fsrs.Next(FsrsCard.CreateNew(now), now, Rating.Good);

        var past = exams.Adjust(review, now, [_start.AddDays(10), now], 0.95);
        var none = exams.Adjust(review, now, [], 0.95);
        var step = exams.Adjust(learning, now, [now.AddDays(3)], 0.95);

        Assert.Equal((review, ExamDecision.Fsrs), (past.Card, past.Decision));
        Assert.Equal((review, ExamDecision.Fsrs), (none.Card, none.Decision));
        Assert.Equal(CardState.Learning, learning.State);
        Assert.Equal((learning, ExamDecision.Fsrs), (step.Card, step.Decision));
    }

    [Fact]
    public void Adjust_SeveralExams_AimsAtTheNextOne()
    {
        var exams = new ExamScheduler(new FsrsScheduler());
        var now = _start.AddDays(8);
        var answered = exams.Fsrs.Next(exams.Fsrs.Next(FsrsCard.CreateNew(_start), _start, Rating.Easy), now, Rating.Good);
        var first = answered.Due.AddDays(-1);
        Assert.True(first > now.AddDays(2));

        var adjustment = exams.Adjust(answered, now, [now.AddDays(300), now.AddDays(-2), first], 0.95);

        Assert.Equal(ExamDecision.Shortened, adjustment.Decision);
        Assert.True(adjustment.Card.Due < first);
        Assert.True(exams.RecallAfterReview(answered, adjustment.Card.Due, first) >= 0.95);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Adjust_TargetOutsideZeroToOne_Refused(double target)
    {
        var exams = new ExamScheduler(new FsrsScheduler());

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => exams.Adjust(FsrsCard.CreateNew(_start), _start, [_start.AddDays(3)], target));

        Assert.Contains("strictly between 0 and 1", ex.Message);
    }
}
