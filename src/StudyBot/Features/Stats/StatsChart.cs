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

    public const string StudentFileName = "my-stats.png";

    private static readonly Color _due = Color.FromHex("#5865F2");

    /// <summary>
    /// A student's chart: answers per study day for the past days (recalled and Again, stacked) left of
    /// today, and the cards coming due each day after it.
    /// </summary>
    public static byte[] RenderStudent(IReadOnlyList<ChartDay> past, IReadOnlyList<ChartDay> forecast)
    {
        ArgumentNullException.ThrowIfNull(past);
        ArgumentNullException.ThrowIfNull(forecast);
        Fonts.Default = FontFamily;
        var plot = new Plot();
        try
        {
            var bars = new List<Bar>();
            var ticks = new List<Tick>();
            for (var i = 0; i < past.Count; i++)
            {
                var at = i - past.Count + 1;
                bars.Add(new Bar { Position = at, ValueBase = 0, Value = past[i].Correct, FillColor = _correct, LineWidth = 0 });
                bars.Add(new Bar { Position = at, ValueBase = past[i].Correct, Value = past[i].Correct + past[i].Again, FillColor = _again, LineWidth = 0 });
                if (i % 7 == (past.Count - 1) % 7)
                {
                    ticks.Add(new Tick(at, past[i].Day.ToString("MMM d", CultureInfo.InvariantCulture)));
                }
            }

            for (var i = 0; i < forecast.Count; i++)
            {
                bars.Add(new Bar { Position = i + 1, ValueBase = 0, Value = forecast[i].Due, FillColor = _due, LineWidth = 0 });
                if ((i + 1) % 7 == 0)
                {
                    ticks.Add(new Tick(i + 1, forecast[i].Day.ToString("MMM d", CultureInfo.InvariantCulture)));
                }
            }

            plot.Add.Bars(bars);
            var top = Math.Max(5, Math.Max(past.Select(d => d.Correct + d.Again).DefaultIfEmpty(0).Max(), forecast.Select(d => d.Due).DefaultIfEmpty(0).Max()));
            plot.Axes.SetLimitsY(0, top * 1.15);
            plot.Add.VerticalLine(0.5, 1, Color.FromHex("#99AAB5"));
            plot.Title("Your answers (last 30 days) and cards coming due (next 30)");
            plot.YLabel("Cards");
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
            plot.Legend.IsVisible = true;
            plot.Legend.Alignment = Alignment.UpperLeft;
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Recalled", FillColor = _correct });
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Again", FillColor = _again });
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Due", FillColor = _due });
            return plot.GetImageBytes(Width, Height, ImageFormat.Png);
        }
        finally
        {
            plot.Dispose();
        }
    }

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
