using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Data.Diagnostics;
using StudyBot.Discord.Diagnostics;
using StudyBot.Emulator.Interactions;
using StudyBot.Hosting;
using StudyBot.Observability;
using StudyBot.Tests.EndToEnd;
using StudyBot.Tests.Quiz;

namespace StudyBot.Tests.Observability;

/// <summary>
/// The metric table in docs/operating.md against the instruments StudyBot's meters publish, and a
/// scrape after a question of the day and a quiz: runtime, web server, quiz, daily and Quartz series.
/// </summary>
[Collection(nameof(MetricsCollection))]
public sealed partial class MetricTableTests(Quiz.FakeClockBot fixture) : IClassFixture<Quiz.FakeClockBot>
{
    private static readonly string[] _meters = [HostMetrics.MeterName, DataMetrics.MeterName, DiscordMetrics.MeterName];

    [Fact]
    public void MetricTable_InOperatingDocs_NamesExactlyThePublishedInstruments()
    {
        Assert.Equal(PublishedNames(), DocumentedNames());
    }

    [Fact]
    public async Task Metrics_AfterADailyQuestionAndAQuiz_ExposeRuntimeWebQuizDailyAndQuartzSeries()
    {
        var bot = fixture.Bot;
        await TestDecks.UploadAsync(bot, QuizSessionTests.FiveCards);
        var (guild, channel, teacher) = await bot.AddServerAsync("Metrics School");
        var at = fixture.Time.GetUtcNow().AddHours(1);
        var set = await (await teacher.RunCommandAsync(channel.Id, "daily", CommandOptionInput.Sub("set", new CommandOptionInput("channel", channel.Id), new CommandOptionInput("time", $"{at:HH:mm}")))).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("every day", set.Content);
        fixture.Time.Advance(TimeSpan.FromHours(1));
        await ScrapeUntilAsync(text => PrometheusText.Sum(text, "studybot_daily_posts_total", ("outcome", "posted")) >= 1);

        var started = await bot.RunAsync(bot.You, "quiz", CommandOptionInput.Sub("start", new CommandOptionInput("deck", "e2e-quiz"), new CommandOptionInput("questions", 1), new CommandOptionInput("seconds", 10)));
        Assert.Contains("<t:", started.Content);
        fixture.Time.Advance(TimeSpan.FromSeconds(11));
        var text = await ScrapeUntilAsync(t => PrometheusText.Sum(t, "studybot_quartz_job_runs_total", ("job_group", "quiz-close"), ("outcome", "ok")) >= 1);

        Assert.True(PrometheusText.Sum(text, "studybot_quiz_sessions_total") >= 1, text);
        Assert.True(PrometheusText.Sum(text, "studybot_quiz_close_lateness_seconds_count", ("kind", "quiz")) >= 1, text);
        Assert.True(PrometheusText.Sum(text, "studybot_quartz_job_runs_total", ("job_group", "daily-question"), ("outcome", "ok")) >= 1, text);
        Assert.True(PrometheusText.Sum(text, "studybot_quartz_job_duration_seconds_count", ("job_group", "quiz-close")) >= 1, text);
        Assert.Equal(1, PrometheusText.Sum(text, "studybot_build_info", ("version", BuildInfo.Version), ("commit", BuildInfo.Commit)));
        Assert.Contains("\ndotnet_gc_collections_total", text);
        Assert.Contains("\ndotnet_thread_pool_thread_count", text);
        Assert.Contains("\nhttp_server_request_duration_seconds_bucket", text);
        var instance = bot.App.Services.GetRequiredService<SchedulerSettings>().InstanceId;
        Assert.Contains($"service_instance_id=\"{instance}\"", text);
        // Every StudyBot series exported is in the table.
        var exported = StudyBotFamilies().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Empty(exported.Except(DocumentedNames().Select(n => n.EndsWith("_total", StringComparison.Ordinal) ? n[..^"_total".Length] : n)));
    }

    private async Task<string> ScrapeUntilAsync(Func<string, bool> done)
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.Bot.Emulator.Address) };
        return await Eventually.ValueAsync(async () => await http.GetStringAsync("/metrics") is var text && done(text) ? text : null, "the metric never moved");
    }

    /// <summary>Prometheus' names for every instrument of StudyBot's meters, as the exporter writes them.</summary>
    private static SortedSet<string> PublishedNames()
    {
        foreach (var type in new[] { typeof(HostMetrics), typeof(DataMetrics), typeof(DiscordMetrics) })
        {
            RuntimeHelpers.RunClassConstructor(type.TypeHandle);
        }
        var names = new SortedSet<string>(StringComparer.Ordinal);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (_meters.Contains(instrument.Meter.Name))
                {
                    var name = instrument.Name.Replace('.', '_') + (instrument.Unit == "s" ? "_seconds" : "");
                    names.Add(instrument is Counter<long> or Counter<double> ? name + "_total" : name);
                }
            },
        };
        listener.Start();
        return names;
    }

    /// <summary>The metric names in the first column of docs/operating.md's metric table.</summary>
    private static SortedSet<string> DocumentedNames()
    {
        var docs = File.ReadAllText(StudyBot.Testing.Repository.Path("docs", "operating.md"));
        var table = docs[docs.IndexOf("StudyBot's metrics", StringComparison.Ordinal)..docs.IndexOf("**Backups.**", StringComparison.Ordinal)];
        return new SortedSet<string>(
            table.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)).SelectMany(l => DocumentedName().Matches(l.Split('|')[1]).Select(m => m.Groups[1].Value)),
            StringComparer.Ordinal);
    }

    [GeneratedRegex(@"`(studybot_[a-z_]+)`")]
    private static partial Regex DocumentedName();

    [GeneratedRegex(@"^# TYPE (studybot_[a-z_]+?)(?:_total)? (counter|gauge|histogram)", RegexOptions.Multiline)]
    private static partial Regex StudyBotFamilies();
}
