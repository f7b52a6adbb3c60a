using ScottPlot;
using StudyBot.Core.Study.Simulation;
using StudyBot.Features.Stats;

namespace StudyBot.Cli.Simulate;

/// <summary>Mean recall of every introduced card at the end of each day, one line per schedule, as a PNG.</summary>
public static class SimulationChart
{
    public const int Width = 1100;
    public const int Height = 500;

    public static byte[] Render(SimulationOptions options, IReadOnlyList<ScheduleResult> results)
    {
        Fonts.Default = StatsChart.FontFamily;
        using var plot = new Plot();
        foreach (var result in results)
        {
            var days = Enumerable.Range(1, result.RecallByDay.Count).Select(d => (double)d).ToArray();
            var line = plot.Add.ScatterLine(days, result.RecallByDay.ToArray());
            line.LegendText = result.Name;
            line.LineWidth = 2;
        }
        plot.Title($"Recall of every card met so far ({options.Students} simulated students, {options.NewPerDay} new cards a day)");
        plot.XLabel("Day");
        plot.YLabel("Mean probability of recall");
        // The schedules differ by a few points of recall: show the band they occupy, not 0 to 1.
        var lowest = results.Count == 0 ? 0 : results.Min(r => r.RecallByDay.Min());
        plot.Axes.SetLimitsY(Math.Max(0, Math.Floor((lowest - 0.02) * 20) / 20), 1);
        plot.ShowLegend(Edge.Right);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
