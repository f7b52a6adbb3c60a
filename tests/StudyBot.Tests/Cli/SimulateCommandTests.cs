using StudyBot.Cli.Simulate;

namespace StudyBot.Tests.Cli;

public sealed class SimulateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("studybot-simulate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Run_SmallClassWithChart_PrintsOneRowPerScheduleAndWritesAPng()
    {
        var chart = Path.Combine(_dir, "report.png");
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = new SimulateCommand(output, error).Run(new SimulateSettings { Students = 2, Days = 10, NewPerDay = 5, Output = chart });

        Assert.Equal(0, exit);
        Assert.Equal("", error.ToString());
        var text = output.ToString();
        Assert.StartsWith("2 students, 10 days, 5 new cards a day (50 cards each), seed 1", text);
        foreach (var name in new[] { "FSRS-6, retention 0.80", "FSRS-6, retention 0.90", "FSRS-6, retention 0.95", "FSRS-6 fitted weekly, 0.90", "SM-2 (Anki legacy)", "Leitner 1-2-4-8-16 days", "Fixed, every 7 days" })
        {
            Assert.Contains($"| {name} |", text);
        }
        var png = File.ReadAllBytes(chart);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png.Take(4).ToArray());
        Assert.True(png.Length > 10_000, $"a chart of seven lines with labels, not {png.Length} bytes");
    }

    [Fact]
    public void Settings_ChartNotPng_Refused()
    {
        var result = new SimulateSettings { Output = "report.svg" }.Validate();

        Assert.False(result.Successful);
        Assert.Contains("-o must name a .png file", result.Message);
    }

    [Fact]
    public void Run_Json_PrintsOneArrayWithEveryScheduleSettingAndWorldAndAChartPerWorld()
    {
        var chart = Path.Combine(_dir, "frontier.png");
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = new SimulateCommand(output, error).Run(new SimulateSettings { Students = 2, Days = 12, NewPerDay = 3, Seed = 4, Json = true, Output = chart });

        Assert.Equal(0, exit);
        using var json = System.Text.Json.JsonDocument.Parse(output.ToString());
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2 * StudyBot.Core.Study.Simulation.ExamSchedules.All.Count, rows.Count);
        var keys = rows.Select(r => (r.GetProperty("schedule").GetString(), r.GetProperty("setting").GetDouble(), r.GetProperty("world").GetString())).ToHashSet();
        Assert.Equal(rows.Count, keys.Count);
        Assert.Equal(["fsrs", "fsrs-exam", "sm2", "leitner", "fixed7"], rows.Select(r => r.GetProperty("schedule").GetString()).Distinct());
        Assert.Equal(["fsrs", "other"], rows.Select(r => r.GetProperty("world").GetString()).Distinct());
        foreach (var row in rows)
        {
            Assert.InRange(row.GetProperty("exam_recall").GetDouble(), 0.01, 1);
            // 36 cards, each seen at least once.
            Assert.True(row.GetProperty("reviews_per_student").GetDouble() >= 36, row.ToString());
            Assert.True(row.GetProperty("seconds_per_student").GetDouble() >= 36 * 20, row.ToString());
        }
        foreach (var world in new[] { "fsrs", "other" })
        {
            var png = File.ReadAllBytes(Path.Combine(_dir, $"frontier-{world}.png"));
            Assert.Equal([0x89, 0x50, 0x4E, 0x47], png.Take(4).ToArray());
        }
    }

    [Fact]
    public void Settings_UnknownWorld_RefusedNamingTheWorlds()
    {
        var result = new SimulateSettings { World = "mars" }.Validate();

        Assert.False(result.Successful);
        Assert.Contains("--world must be fsrs, other or both", result.Message);
    }
}
