using StudyBot.Emulator.Interactions;
using StudyBot.Tests.EndToEnd;

namespace StudyBot.Tests.Observability;

/// <summary>
/// The meters are process-wide, so this class runs alone (no other bot in this assembly answers
/// meanwhile) and can assert exact changes.
/// </summary>
[Collection(nameof(MetricsCollection))]
public sealed class MetricsTests(PlaygroundBot bot) : IClassFixture<PlaygroundBot>
{
    [Fact]
    public async Task Metrics_ReviewThroughEmulator_MovesInteractionAndAnswerCounters()
    {
        await TestDecks.UploadAsync(bot, TestDecks.McqThenTyped);
        var student = bot.AddStudent("metrics-student");
        using var http = new HttpClient { BaseAddress = new Uri(bot.Emulator.Address) };
        var before = await http.GetStringAsync("/metrics");

        var prompt = await bot.RunAsync(student, "review", new CommandOptionInput("deck", "e2e-review"));
        var answered = await bot.ClickAsync(student, prompt.Message!, MessageView.ButtonLabelled(prompt.Message, "Pyongyang"));
        Assert.Contains("Right!", MessageView.Text(answered.Message));
        // A handler is counted when it returns, which may be just after the user saw its answer.
        var after = await ScrapeUntilAsync(http, text => PrometheusText.Sum(text, "studybot_interaction_duration_seconds_count") - PrometheusText.Sum(before, "studybot_interaction_duration_seconds_count") >= 2);

        double Delta(string metric, params (string, string)[] labels) => PrometheusText.Sum(after, metric, labels) - PrometheusText.Sum(before, metric, labels);
        Assert.True(1 == Delta("studybot_interactions_total", ("kind", "command"), ("route", "review"), ("outcome", "ok")), after);
        Assert.True(1 == Delta("studybot_interactions_total", ("kind", "component"), ("outcome", "ok")), after);
        Assert.True(2 == Delta("studybot_interaction_duration_seconds_count"), after);
        Assert.True(1 == Delta("studybot_answers_total", ("source", "review"), ("outcome", "saved")), after);
        Assert.True(1 == Delta("studybot_answer_duration_seconds_count", ("source", "review")), after);
        Assert.True(Delta("studybot_db_write_duration_seconds_count", ("operation", "answers"), ("outcome", "committed")) >= 1, after);
        Assert.True(1 == PrometheusText.Sum(after, "studybot_gateway_shards", ("state", "connected")), after);
        // Nothing a user typed or owns, and no secret, is in a label.
        Assert.DoesNotContain(bot.Emulator.BotToken, after);
        Assert.DoesNotContain("metrics-student", after);
        Assert.DoesNotContain(student.Id, after);
        Assert.DoesNotContain("Pyongyang", after);
    }

    private static async Task<string> ScrapeUntilAsync(HttpClient http, Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var response = await http.GetAsync("/metrics");
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            var text = await response.Content.ReadAsStringAsync();
            if (done(text) || DateTime.UtcNow > deadline)
            {
                return text;
            }

            await Task.Delay(50);
        }
    }
}

[CollectionDefinition(nameof(MetricsCollection), DisableParallelization = true)]
public sealed class MetricsCollection;
