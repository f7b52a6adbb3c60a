using System.Buffers.Binary;
using SkiaSharp;
using StudyBot.Features.Stats;

namespace StudyBot.Tests.Stats;

public sealed class StatsChartTests
{
    private static readonly byte[] _pngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static IReadOnlyList<DailyReviews> Fortnight() =>
        Enumerable.Range(0, 14).Select(i => new DailyReviews(new DateOnly(2026, 11, 15).AddDays(i), 3 * i, i % 4)).ToList();

    [Fact]
    public void Render_FourteenDays_ReturnsPngOfTheChartSize()
    {
        var png = StatsChart.Render(Fortnight());

        Assert.Equal(_pngSignature, png.Take(8).ToArray());
        // IHDR is the first chunk: width and height are big-endian at bytes 16 and 20.
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(StatsChart.Width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(StatsChart.Height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [Fact]
    public void Render_NoDaysOrNoAnswers_StillReturnsPng()
    {
        Assert.Equal(_pngSignature, StatsChart.Render([]).Take(8).ToArray());
        Assert.Equal(_pngSignature, StatsChart.Render([new DailyReviews(new DateOnly(2026, 11, 28), 0, 0)]).Take(8).ToArray());
    }

    [Fact]
    public void Render_DifferentAnswers_DrawsDifferentBars()
    {
        var fewer = Fortnight().Select(d => d with { Correct = d.Correct / 2 }).ToList();

        Assert.NotEqual(StatsChart.Render(Fortnight(), labels: false), StatsChart.Render(fewer, labels: false));
    }

    /// <summary>Without the font ScottPlot draws no text at all and says nothing: two titles would give the same pixels.</summary>
    [ChartFontFact]
    public void Render_DifferentTitles_DrawsTheText()
    {
        var first = Decode(StatsChart.Render(Fortnight(), title: "Reviews per study day AAAA"));
        var second = Decode(StatsChart.Render(Fortnight(), title: "Reviews per study day BBBB"));

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void RenderStudent_PastAndForecast_ReturnsPngAndDrawsTheForecast()
    {
        var past = Enumerable.Range(0, 30).Select(i => new ChartDay(new DateOnly(2026, 11, 1).AddDays(i), i % 5, i % 2, 0)).ToList();
        var quiet = Enumerable.Range(1, 30).Select(i => new ChartDay(new DateOnly(2026, 11, 30).AddDays(i), 0, 0, 0)).ToList();
        var busy = quiet.Select((d, i) => d with { Due = 10 - (i % 10) }).ToList();

        var png = StatsChart.RenderStudent(past, busy);

        Assert.Equal(_pngSignature, png.Take(8).ToArray());
        Assert.Equal(StatsChart.Width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.NotEqual(Decode(StatsChart.RenderStudent(past, quiet)), Decode(png));
    }

    private static byte[] Decode(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        return bitmap.Bytes;
    }
}

/// <summary>A fact that needs the chart's font; skipped with the reason when it is not installed.</summary>
public sealed class ChartFontFactAttribute : FactAttribute
{
    public ChartFontFactAttribute()
    {
        if (!SKFontManager.Default.GetFontFamilies().Contains(StatsChart.FontFamily, StringComparer.OrdinalIgnoreCase))
        {
            Skip = $"The font family '{StatsChart.FontFamily}' is not installed, so chart text cannot render (Debian: apt-get install fonts-dejavu-core).";
        }
    }
}
