using ScottPlot;
using StudyBot.Core.Study.Simulation;
using StudyBot.Features.Stats;

namespace StudyBot.Cli.Simulate;

/// <summary>
/// Exam-day recall against reviews per student in one world, one line per schedule through its
/// settings (the efficiency frontier), as a PNG.
/// </summary>
public static class FrontierChart
{
    public const int Width = 900;
    public const int Height = 560;

    public static byte[] Render(ExamSimulationOptions options, IReadOnlyList<ExamResult> results, string world)
    {
        Fonts.Default = StatsChart.FontFamily;
        using var plot = new Plot();
        foreach (var group in results.Where(r => r.World == world).GroupBy(r => r.Schedule))
        {
            var points = group.OrderBy(r => r.ReviewsPerStudent).ToList();
            var line = plot.Add.ScatterLine(points.Select(p => p.ReviewsPerStudent).ToArray(), points.Select(p => p.ExamRecall).ToArray());
            line.LegendText = group.Key;
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.MarkerShape = MarkerShape.FilledCircle;
        }
        plot.Title($"Memory world: {world} ({options.Students} students, {options.Days} days, {options.Days * options.NewPerDay} cards, seed {options.Seed})");
        plot.XLabel("Reviews per student");
        plot.YLabel("Exam-day recall (mean over all cards)");
        plot.ShowLegend(Alignment.LowerRight);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>The chart's file for a world: the path given, with the world before the extension when there are several.</summary>
    public static string PathFor(string path, string world, int worlds) =>
        worlds == 1 ? path : Path.Combine(Path.GetDirectoryName(path) ?? "", $"{Path.GetFileNameWithoutExtension(path)}-{world}{Path.GetExtension(path)}");
}
