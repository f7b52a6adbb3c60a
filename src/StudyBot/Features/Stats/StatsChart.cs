using System.Globalization;
using ScottPlot;

namespace StudyBot.Features.Stats;

/// <summary>One study day's answers: recalled (Hard, Good, Easy) and forgotten (Again).</summary>
public sealed record DailyReviews(DateOnly Day, int Correct, int Again)
{
    public int Total => Correct + Again;
}

/// <summary>Draws the class's reviews per study day as stacked bars and returns a PNG.</summary>
public static class StatsChart
{
    public const string FileName = "stats.png";
    public const int Width = 800;
    public const int Height = 400;

    /// <summary>ScottPlot bundles no font and its default face is a serif; DejaVu is what servers have.</summary>
    public const string FontFamily = "DejaVu Sans";

    private static readonly Color _correct = Color.FromHex("#3BA55C");
    private static readonly Color _again = Color.FromHex("#ED4245");

    public static byte[] Render(IReadOnlyList<DailyReviews> days, string title = "Reviews per study day", bool labels = true)
    {
        ArgumentNullException.ThrowIfNull(days);
        Fonts.Default = FontFamily;
        var plot = new Plot();
        try
        {
            var bars = new List<Bar>();
            for (var i = 0; i < days.Count; i++)
            {
                bars.Add(new Bar { Position = i, ValueBase = 0, Value = days[i].Correct, FillColor = _correct, LineWidth = 0 });
                bars.Add(new Bar { Position = i, ValueBase = days[i].Correct, Value = days[i].Total, FillColor = _again, LineWidth = 0 });
            }

            plot.Add.Bars(bars);
            plot.Axes.Margins(bottom: 0);
            plot.Axes.SetLimitsY(0, Math.Max(5, days.Count == 0 ? 0 : days.Max(d => d.Total)) * 1.1);

            if (labels)
            {
                plot.Title(title);
                plot.YLabel("Answers");
                var ticks = days.Select((d, i) => new Tick(i, d.Day.ToString("MMM d", CultureInfo.InvariantCulture))).ToArray();
                plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
                // Answers are whole: a quiet class should not see 0.5 on the axis.
                plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
                plot.Legend.IsVisible = true;
                plot.Legend.Alignment = Alignment.UpperLeft;
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Recalled", FillColor = _correct });
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Again", FillColor = _again });
            }
            else
            {
                plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([]);
                plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([]);
            }

            return plot.GetImageBytes(Width, Height, ImageFormat.Png);
        }
        finally
        {
            plot.Dispose();
        }
    }
}
