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
}
