using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StudyBot.Cli.Fsrs;
using StudyBot.Core.Tests.Scheduling;

namespace StudyBot.Tests.Cli;

public sealed class FsrsReplayCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("studybot-replay-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("on", "expected-short-term-on.json")]
    [InlineData("off", "expected-short-term-off.json")]
    public void Run_FirstReferenceCards_PrintsExactlyTheTsFsrsResults(string shortTerm, string expectedFile)
    {
        var histories = WriteFirstHistories(12);
        var (exit, stdout, stderr) = Run(new FsrsReplaySettings { HistoriesPath = histories, ShortTerm = shortTerm });

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        using var expected = ReferenceVectors.Load(expectedFile);
        var want = expected.RootElement.EnumerateArray().Take(12).Select(card => card.GetRawText());
        using var got = JsonDocument.Parse(stdout);
        Assert.Equal(want, got.RootElement.EnumerateArray().Select(card => card.GetRawText()));
    }

    [Fact]
    public void Run_TimeGoingBackwards_ExitsOneNamingCardAndReview()
    {
        var path = Write("""[{"cardId":42,"reviews":[{"rating":3,"t":"2024-08-07T09:40:07.000Z"},{"rating":4,"t":"2024-08-07T09:39:00.000Z"}]}]""");

        var (exit, stdout, stderr) = Run(new FsrsReplaySettings { HistoriesPath = path });

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains("card 42, review 1: time 2024-08-07T09:39:00.000Z is before the previous review's 2024-08-07T09:40:07.000Z", stderr);
    }

    [Theory]
    [InlineData("""[{"cardId":5,"reviews":[{"rating":0,"t":"2024-08-07T09:40:07.000Z"}]}]""", "card 5, review 0: rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy), found 0")]
    [InlineData("""[{"cardId":5,"reviews":[{"rating":2,"t":"yesterday"}]}]""", "card 5, review 0: \"t\" must be an ISO 8601 time")]
    [InlineData("""{"cardId":5}""", "expected a JSON array")]
    [InlineData("""[{"cardId":5,"reviews":[""", "not valid JSON at line 1")]
    [InlineData("""[{"reviews":[]}]""", "history 0: \"cardId\" is missing")]
    public void Run_MalformedFile_ExitsOneWithOneClearLine(string json, string expected)
    {
        var path = Write(json);

        var (exit, stdout, stderr) = Run(new FsrsReplaySettings { HistoriesPath = path });

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains(expected, stderr);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Run_RetentionOutOfRange_ExitsOne()
    {
        var (exit, _, stderr) = Run(new FsrsReplaySettings { HistoriesPath = WriteFirstHistories(1), Retention = 1.5 });

        Assert.Equal(1, exit);
        Assert.Contains("desired retention is 1.5", stderr);
    }

    [Fact]
    public async Task Studybot_BadHistoryFile_ExitsOneWithoutStackTrace()
    {
        var path = Write("""[{"cardId":9,"reviews":[{"rating":3,"t":"2024-08-07T09:40:07.000Z"},{"rating":7,"t":"2024-08-08T09:40:07.000Z"}]}]""");
        var host = Path.Combine(AppContext.BaseDirectory, "studybot.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { host, "fsrs", "replay", path, "--short-term", "off" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        Assert.Equal("", await stdout);
        Assert.Contains("card 9, review 1: rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy), found 7", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    private (int Exit, string Stdout, string Stderr) Run(FsrsReplaySettings settings)
    {
        var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var exit = new FsrsReplayCommand(() => stdout, stderr).Run(settings);
        return (exit, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    private string WriteFirstHistories(int count)
    {
        var all = JsonNode.Parse(File.ReadAllText(ReferenceVectors.PathOf("histories.json")))!.AsArray();
        var first = new JsonArray(all.Take(count).Select(h => h!.DeepClone()).ToArray());
        return Write(first.ToJsonString());
    }

    private string Write(string json)
    {
        var path = Path.Combine(_dir, $"histories-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
