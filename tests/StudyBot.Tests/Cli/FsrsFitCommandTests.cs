using System.Globalization;
using System.Text;
using System.Text.Json;
using StudyBot.Cli.Fsrs;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Scheduling.Optimization;
using StudyBot.Core.Tests.Scheduling.Optimization;

namespace StudyBot.Tests.Cli;

public sealed class FsrsFitCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("studybot-fit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string ReferenceHistories => Path.Combine(OptimizerReference.Directory, "histories.json");

    [Fact]
    public void Optimize_ReferenceHistories_PrintsParametersNearTheBindingsAndTheirEvaluation()
    {
        var (exit, stdout, stderr) = Optimize(new FsrsOptimizeSettings { HistoriesPath = ReferenceHistories });

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        var parameters = root.GetProperty("parameters").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(FsrsWeights.Count, parameters.Length);
        var binding = OptimizerReference.Parameters("fit_short_term_on");
        for (var i = 0; i < parameters.Length; i++)
        {
            Assert.True(Math.Abs(parameters[i] - binding[i]) <= 1e-3 * Math.Max(1, Math.Abs(binding[i])), $"w{i}: {parameters[i]} vs binding {binding[i]}");
        }
        Assert.Equal(OptimizerReference.Number("fit_short_term_on", "log_loss"), root.GetProperty("log_loss").GetDouble(), 4);
        Assert.Equal(OptimizerReference.Number("fit_short_term_on", "rmse_bins"), root.GetProperty("rmse_bins").GetDouble(), 4);
        Assert.Equal(OptimizerReference.Expected.GetProperty("reviews").GetInt32(), root.GetProperty("reviews").GetInt32());
        Assert.InRange(root.GetProperty("items").GetInt32(), 1, OptimizerReference.Expected.GetProperty("items").GetInt32());
    }

    [Fact]
    public void Evaluate_DefaultsOnReferenceHistories_PrintsTheBindingsFigures()
    {
        var defaults = "[" + string.Join(",", FsrsWeights.Defaults.Select(v => v.ToString(CultureInfo.InvariantCulture))) + "]";
        var (exit, stdout, stderr) = Evaluate(new FsrsEvaluateSettings { HistoriesPath = ReferenceHistories, Parameters = defaults, FilterOutliers = true });

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(OptimizerReference.Number("defaults", "log_loss"), json.RootElement.GetProperty("log_loss").GetDouble(), 4);
        Assert.Equal(OptimizerReference.Number("defaults", "rmse_bins"), json.RootElement.GetProperty("rmse_bins").GetDouble(), 4);
        Assert.True(json.RootElement.GetProperty("outliers_filtered").GetBoolean());
        Assert.True(json.RootElement.GetProperty("items").GetInt32() < OptimizerReference.Expected.GetProperty("items").GetInt32());
    }

    [Fact]
    public void Evaluate_WithoutFilterFlag_ScoresEveryItemAndSaysSo()
    {
        var defaults = "[" + string.Join(",", FsrsWeights.Defaults.Select(v => v.ToString(CultureInfo.InvariantCulture))) + "]";
        var (exit, stdout, stderr) = Evaluate(new FsrsEvaluateSettings { HistoriesPath = ReferenceHistories, Parameters = defaults });

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(OptimizerReference.Expected.GetProperty("items").GetInt32(), json.RootElement.GetProperty("items").GetInt32());
        Assert.False(json.RootElement.GetProperty("outliers_filtered").GetBoolean());
        var expected = FsrsEvaluator.Evaluate(OptimizerReference.Items, FsrsWeights.Defaults);
        Assert.Equal(Math.Round(expected.LogLoss, 6), json.RootElement.GetProperty("log_loss").GetDouble(), 9);
    }

    [Theory]
    [InlineData("[1,2,3]", "--parameters: expected 21 numbers (or 19 for FSRS-5), got 3.")]
    [InlineData("0.2, 1.3", "--parameters: expected a JSON array of 21 numbers")]
    [InlineData("[0.212,1.2931,2.3065,8.2956,60.4133,0.8334,3.0194,0.001,1.8722,0.1666,0.796,1.4835,0.0614,0.2629,1.6483,0.6014,1.8729,0.5425,0.0912,0.0658,0.1542]", "FSRS weight w[4] = 60.4133 is outside its range [1, 10].")]
    public void Evaluate_BadParameters_ExitsOneWithOneClearLine(string parameters, string expected)
    {
        var (exit, stdout, stderr) = Evaluate(new FsrsEvaluateSettings { HistoriesPath = ReferenceHistories, Parameters = parameters });

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains(expected, stderr);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("""[{"cardId":5,"reviews":[{"rating":0,"t":"2024-08-07T09:40:07.000Z"}]}]""", "card 5, review 0: rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy), found 0")]
    [InlineData("""[{"cardId":42,"reviews":[{"rating":3,"t":"2024-08-07T09:40:07.000Z"},{"rating":4,"t":"2024-08-07T09:39:00.000Z"}]}]""", "card 42, review 1: time 2024-08-07T09:39:00.000Z is before the previous review's 2024-08-07T09:40:07.000Z")]
    [InlineData("""[{"cardId":5,"reviews":[""", "not valid JSON at line 1")]
    [InlineData("""[{"cardId":5,"reviews":[{"rating":3,"t":"2024-08-07T09:40:07.000Z"}]}]""", "not enough review history")]
    public void Optimize_BadOrTooLittleHistory_ExitsOneNamingTheFile(string json, string expected)
    {
        var path = Path.Combine(_dir, "bad.json");
        File.WriteAllText(path, json);

        var (exit, stdout, stderr) = Optimize(new FsrsOptimizeSettings { HistoriesPath = path });

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains(path, stderr);
        Assert.Contains(expected, stderr);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static (int Exit, string Stdout, string Stderr) Optimize(FsrsOptimizeSettings settings)
    {
        var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var exit = new FsrsOptimizeCommand(() => stdout, stderr).Run(settings);
        return (exit, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    private static (int Exit, string Stdout, string Stderr) Evaluate(FsrsEvaluateSettings settings)
    {
        var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var exit = new FsrsEvaluateCommand(() => stdout, stderr).Run(settings);
        return (exit, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }
}
