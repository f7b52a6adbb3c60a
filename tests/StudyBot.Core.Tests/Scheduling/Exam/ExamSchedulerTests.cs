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
    public void Answer_ManyStatesAnsweredGoodUntilTheExam_CautiousRecallAtTheExamReachesTheTarget()
    {
        var random = new Random(2801);
        var (final, build, unreachable) = (0, 0, 0);
        const int runs = 3000;
        for (var run = 0; run < runs; run++)
        {
            var exams = new ExamScheduler(RandomScheduler(random));
            var target = 0.7 + random.NextDouble() * 0.29;
            var now = _start;
            var card = RandomReviewCard(random, now);
            var exam = now.AddDays(2 + random.NextDouble() * 150);
            var lastReview = now;
            // The student answers every review when due, and recalls it.
            while (card.Due < exam)
            {
                now = card.Due > now ? card.Due : now;
                var adjustment = exams.Answer(card, now, Rating.Good, [exam], target);
                final += adjustment.Decision == ExamDecision.Shortened ? 1 : 0;
                build += adjustment.Decision == ExamDecision.Build ? 1 : 0;
                Assert.Equal(CardState.Review, adjustment.Card.State);
                card = adjustment.Card;
                lastReview = now;
            }

            var recall = exams.CautiousRecallAt(card, exam);
            Assert.True(recall <= exams.RecallAt(card, exam));
            if (recall < target)
            {
                // Only when even a review on the last study day cannot reach the target (a card reviewed then is as secure as it can be).
                unreachable++;
                Assert.True(lastReview.AddDays(1) > exam - exams.Lead, $"run {run}: recall {recall:0.0000} at the exam is below the target {target:0.000} and the last review ({lastReview:O}) was not on the last day (exam {exam:O})");
            }
        }
        Assert.True(final > 1000 && build > 1000, $"the runs should exercise final ({final}) and building ({build}) reviews");
        Assert.True(unreachable < runs / 20, $"{unreachable} of {runs} cards could not reach the target");
    }

    [Fact]
    public void Plan_FinalReview_IsTheEarliestDayWhoseRecalledReviewReachesTheTarget()
    {
        var random = new Random(2802);
        var checkedCards = 0;
        for (var run = 0; run < 4000; run++)
        {
            var exams = new ExamScheduler(RandomScheduler(random));
            var target = 0.75 + random.NextDouble() * 0.24;
            var now = _start.AddDays(random.Next(30));
            var answered = exams.Answer(RandomReviewCard(random, now), now, (Rating)random.Next(2, 5), []).Card;
            var exam = now.AddDays(2 + random.NextDouble() * 120);

            var adjustment = exams.Plan(answered, now, exam, target);

            var due = adjustment.Card.Due;
            var days = (due - now).TotalDays;
            if (adjustment.Decision == ExamDecision.Safe)
            {
                Assert.True(adjustment.RecallAtExam >= target && due >= exam);
                continue;
            }
            Assert.True(due <= exam - exams.Lead, $"run {run}: due {due:O} is not at least the lead before the exam {exam:O}");
            Assert.True(adjustment.RecallAtExam < target);
            Assert.Equal(Math.Round(days), days, 9);
            var enough = exams.RecallAfterReview(answered, due, exam) >= target;
            if (adjustment.Decision == ExamDecision.Build)
            {
                // A building review comes before any day whose review would be the final one.
                Assert.False(enough, $"run {run}: a building review on day {days} would already be enough");
                continue;
            }
            Assert.Equal(ExamDecision.Shortened, adjustment.Decision);
            checkedCards++;
            var lastDay = due.AddDays(1) > exam - exams.Lead;
            Assert.True(enough || lastDay, $"run {run}: a review on day {days} does not reach the target and a later day was possible");
            if (days > 1)
            {
                Assert.True(exams.RecallAfterReview(answered, due.AddDays(-1), exam) < target, $"run {run}: day {days - 1} already reached the target: an earlier review would do");
            }
        }
        Assert.True(checkedCards > 200, $"only {checkedCards} final reviews were checked");
    }

    [Fact]
    public void Plan_CardAlreadySafeForTheExam_NotReviewedBeforeIt()
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

            var adjustment = exams.Plan(answered, now, exam, target);

            if (exams.CautiousRecallAt(answered, exam) < target)
            {
                Assert.NotEqual(ExamDecision.Safe, adjustment.Decision);
                Assert.True(adjustment.Card.Due < exam);
                continue;
            }
            safe++;
            Assert.Equal(ExamDecision.Safe, adjustment.Decision);
            Assert.True(adjustment.Card.Due >= exam, $"run {run}: a safe card is due {adjustment.Card.Due:O}, before the exam {exam:O}");
            Assert.Equal(Math.Max(now.AddDays(exams.IntervalAfterExam(answered)).Ticks, exam.Ticks), adjustment.Card.Due.Ticks);
            Assert.Equal(answered with { Due = adjustment.Card.Due, ScheduledDays = adjustment.Card.ScheduledDays }, adjustment.Card);
        }
        Assert.True(safe > 300, $"only {safe} safe cards were checked");
    }

    [Fact]
    public void IntervalAfterExam_IsTheStudentsOwnFsrsInterval()
    {
        var random = new Random(2804);
        for (var run = 0; run < 500; run++)
        {
            var exams = new ExamScheduler(RandomScheduler(random));
            var now = _start.AddDays(random.Next(30));
            var answered = exams.Fsrs.Next(RandomReviewCard(random, now), now, Rating.Hard);

            Assert.Equal(answered.ScheduledDays, exams.IntervalAfterExam(answered));
        }
    }

    [Theory]
    [InlineData(Rating.Again)]
    [InlineData(Rating.Hard)]
    [InlineData(Rating.Good)]
    public void Answer_ExamDaysAway_NoSameDayStepsButStepsOnTheLastDay(Rating rating)
    {
        var exams = new ExamScheduler(new FsrsScheduler());
        var fresh = FsrsCard.CreateNew(_start);
        var lapsing = exams.Fsrs.Next(exams.Fsrs.Next(fresh, _start.AddDays(-20), Rating.Easy), _start.AddDays(-10), Rating.Good);

        var far = exams.Answer(fresh, _start, rating, [_start.AddDays(10)]);
        var lapse = exams.Answer(lapsing, _start, Rating.Again, [_start.AddDays(10)]);
        var lastDay = exams.Answer(fresh, _start, rating, [_start.AddHours(20)]);

        Assert.Equal(CardState.Review, far.Card.State);
        Assert.True(far.Card.Due >= _start.AddDays(1), $"due {far.Card.Due:O}: a same-day step");
        Assert.Equal(CardState.Review, lapse.Card.State);
        Assert.InRange(lapse.Card.Due, _start.AddDays(1), _start.AddDays(10).AddHours(-12));
        Assert.Equal(0, (lapse.Card.Due - _start).TotalDays % 1);
        Assert.Equal(1, lapse.Card.Lapses);
        Assert.Equal(exams.Fsrs.Next(fresh, _start, rating), lastDay.Card);
        Assert.Equal(CardState.Learning, lastDay.Card.State);
    }

    [Fact]
    public void Answer_AfterTheLastExam_PlainFsrs()
    {
        var exams = new ExamScheduler(new FsrsScheduler());
        var now = _start.AddDays(40);
        var review = exams.Fsrs.Next(FsrsCard.CreateNew(_start), _start, Rating.Easy);

        var past = exams.Answer(review, now, Rating.Good, [_start.AddDays(10), now], 0.95);
        var none = exams.Answer(review, now, Rating.Good, [], 0.95);

        var plain = exams.Fsrs.Next(review, now, Rating.Good);
        Assert.Equal((plain, ExamDecision.Fsrs), (past.Card, past.Decision));
        Assert.Equal((plain, ExamDecision.Fsrs), (none.Card, none.Decision));
    }

    [Fact]
    public void Answer_SeveralExams_AimsAtTheNextOne()
    {
        var exams = new ExamScheduler(new FsrsScheduler());
        var now = _start.AddDays(8);
        var card = exams.Fsrs.Next(FsrsCard.CreateNew(_start), _start, Rating.Easy);
        var first = now.AddDays(12);

        var adjustment = exams.Answer(card, now, Rating.Good, [now.AddDays(300), now.AddDays(-2), first], 0.95);

        Assert.True(adjustment.Card.Due < first, $"due {adjustment.Card.Due:O}, after the next exam {first:O}");
        Assert.Equal(adjustment, exams.Answer(card, now, Rating.Good, [first], 0.95));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Answer_TargetOutsideZeroToOne_Refused(double target)
    {
        var exams = new ExamScheduler(new FsrsScheduler());

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => exams.Answer(FsrsCard.CreateNew(_start), _start, Rating.Good, [_start.AddDays(3)], target));

        Assert.Contains("strictly between 0 and 1", ex.Message);
    }

    [Fact]
    public void Answer_RuleOne_TheStudentsOwnFsrsAnswerAimedAtTheExamByFsrssOwnPrediction()
    {
        var random = new Random(2807);
        var (safe, kept, shortened, differsFromRuleTwo) = (0, 0, 0, 0);
        for (var run = 0; run < 3000; run++)
        {
            var fsrs = RandomScheduler(random);
            var exams = new ExamScheduler(fsrs, rule: ExamRule.V1);
            var target = 0.7 + random.NextDouble() * 0.29;
            var now = _start;
            var before = RandomReviewCard(random, now);
            var rating = (Rating)random.Next(1, 5);
            var exam = now.AddDays(1 + random.NextDouble() * 90);

            var adjustment = exams.Answer(before, now, rating, [exam], target);

            // Rule 1 keeps the memory FSRS gave (no whole-day answers) and moves only the due time.
            var answered = fsrs.Next(before, now, rating);
            Assert.Equal(answered with { Due = adjustment.Card.Due, ScheduledDays = adjustment.Card.ScheduledDays }, adjustment.Card);
            differsFromRuleTwo += new ExamScheduler(fsrs).Answer(before, now, rating, [exam], target).Card != adjustment.Card ? 1 : 0;
            if (answered.State != CardState.Review)
            {
                Assert.Equal(answered, adjustment.Card);
            }
            else if (exams.RecallAt(answered, exam) >= target)
            {
                safe++;
                Assert.Equal((ExamDecision.Safe, Math.Max(answered.Due.Ticks, exam.Ticks)), (adjustment.Decision, adjustment.Card.Due.Ticks));
            }
            else if (answered.Due < exam)
            {
                kept++;
                Assert.Equal((ExamDecision.FsrsBeforeExam, answered), (adjustment.Decision, adjustment.Card));
            }
            else
            {
                shortened++;
                Assert.Equal(ExamDecision.Shortened, adjustment.Decision);
                Assert.True(adjustment.Card.Due < exam, $"run {run}: due {adjustment.Card.Due:O}, exam {exam:O}");
            }
        }
        Assert.True(safe > 100 && kept > 100 && shortened > 100, $"safe {safe}, kept {kept}, shortened {shortened}");
        Assert.True(differsFromRuleTwo > 1000, $"only {differsFromRuleTwo} answers differ between the rules");
    }

    [Fact]
    public void ExamRule_Versions_AreNumberedInOrderAndAnUnknownOneIsRefused()
    {
        Assert.Equal(Enumerable.Range(1, ExamRule.All.Count), ExamRule.All.Select(r => r.Version));
        Assert.Same(ExamRule.All[^1], ExamRule.Current);
        Assert.Same(ExamRule.V1, ExamRule.Of(1));

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ExamRule.Of(9));

        Assert.Contains("no exam rule version 9 (known: 1, 2)", ex.Message);
    }
}
