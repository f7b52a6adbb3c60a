using System.Text;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Scheduling.Replay;
using Xunit.Abstractions;

namespace StudyBot.Core.Tests.Scheduling;

/// <summary>
/// Every committed ts-fsrs 5.4.2 vector, replayed through the C# scheduler and compared for exact
/// equality: the same doubles (bit for bit, as JSON's shortest round-trip form carries them), not
/// merely close ones.
/// </summary>
public class FsrsReferenceTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("expected-short-term-on.json", true, false, 10_000)]
    [InlineData("expected-short-term-off.json", false, false, 10_000)]
    [InlineData("expected-fuzz-on.json", true, true, 2_000)]
    public void Next_EveryReferenceVector_MatchesTsFsrs(string expectedFile, bool shortTerm, bool fuzz, int minimumReviews)
    {
        var histories = ReferenceVectors.Histories();
        using var expected = ReferenceVectors.Load(expectedFile);
        var cards = expected.RootElement.GetArrayLength();
        var scheduler = new FsrsScheduler(new FsrsParameters { EnableShortTerm = shortTerm, EnableFuzz = fuzz });

        var replayed = FsrsReplay.Run(scheduler, histories.Take(cards).ToList());

        var checkedReviews = 0;
        var mismatches = new StringBuilder();
        var mismatchCount = 0;
        var maxStabilityError = 0.0;
        var maxDifficultyError = 0.0;
        foreach (var (card, actual) in expected.RootElement.EnumerateArray().Zip(replayed))
        {
            Assert.Equal(card.GetProperty("cardId").GetRawText(), actual.CardId);
            var results = card.GetProperty("results");
            Assert.Equal(results.GetArrayLength(), actual.Results.Count);
            var i = 0;
            foreach (var want in results.EnumerateArray())
            {
                var got = actual.Results[i];
                var sError = Math.Abs(got.Stability - want.GetProperty("stability").GetDouble());
                var dError = Math.Abs(got.Difficulty - want.GetProperty("difficulty").GetDouble());
                maxStabilityError = Math.Max(maxStabilityError, sError);
                maxDifficultyError = Math.Max(maxDifficultyError, dError);
                var same = FsrsReplay.FormatTime(got.Due) == want.GetProperty("due").GetString()
                    && (int)got.State == want.GetProperty("state").GetInt32()
                    && got.LearningSteps == want.GetProperty("learning_steps").GetInt32()
                    && got.Reps == want.GetProperty("reps").GetInt32()
                    && got.Lapses == want.GetProperty("lapses").GetInt32()
                    && got.ScheduledDays == want.GetProperty("scheduled_days").GetInt32()
                    && sError == 0 && dError == 0
                    && double.IsFinite(got.Stability) && double.IsFinite(got.Difficulty);
                if (!same && mismatchCount++ < 5)
                {
                    mismatches.AppendLine($"card {actual.CardId}, review {i}: expected {want.GetRawText()}, got due {FsrsReplay.FormatTime(got.Due)} S {got.Stability:R} D {got.Difficulty:R} days {got.ScheduledDays} reps {got.Reps} lapses {got.Lapses} state {(int)got.State} step {got.LearningSteps}");
                }
                checkedReviews++;
                i++;
            }
        }

        output.WriteLine($"{expectedFile}: checked {checkedReviews} reviews of {cards} histories against ts-fsrs 5.4.2; " +
            $"max |dS| {maxStabilityError:E2}, max |dD| {maxDifficultyError:E2}, mismatches {mismatchCount}");
        Assert.True(mismatchCount == 0, $"{mismatchCount} reviews differ from ts-fsrs:\n{mismatches}");
        Assert.Equal(0.0, maxStabilityError);
        Assert.Equal(0.0, maxDifficultyError);
        Assert.True(cards >= (fuzz ? 300 : 1_000), $"only {cards} histories committed");
        Assert.True(checkedReviews >= minimumReviews, $"only {checkedReviews} reviews checked");
    }

    [Fact]
    public void Retrievability_ReferenceInstants_MatchesTsFsrs()
    {
        using var cases = ReferenceVectors.Load("retrievability.json");
        var scheduler = new FsrsScheduler();
        var count = 0;
        foreach (var c in cases.RootElement.EnumerateArray())
        {
            var cardJson = c.GetProperty("card");
            var card = ReferenceVectors.CardFrom(cardJson, ReferenceVectors.ParseTime(cardJson.GetProperty("last_review").GetString()!));
            var now = ReferenceVectors.ParseTime(c.GetProperty("now").GetString()!);

            var r = scheduler.Retrievability(card, now);

            Assert.Equal(c.GetProperty("retrievability").GetDouble(), r);
            count++;
        }
        output.WriteLine($"checked retrievability at {count} instants");
        Assert.True(count >= 500);
    }
}
