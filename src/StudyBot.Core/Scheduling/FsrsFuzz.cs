using System.Globalization;

namespace StudyBot.Core.Scheduling;

/// <summary>
/// Interval fuzz with Anki's ranges, drawn from the Alea generator seeded as the reference seeds it
/// (`{review ms}_{reps}_{difficulty*stability}`), so fuzzed intervals agree with ts-fsrs too.
/// </summary>
internal static class FsrsFuzz
{
    private const double TwoPowMinus32 = 2.3283064365386963e-10;

    /// <summary>The first Alea draw for this review, in [0, 1).</summary>
    public static double Factor(long reviewUnixMs, int reps, double difficultyTimesStability)
    {
        // Long enough for any long, int and double written in JavaScript's shortest form.
        Span<char> seed = stackalloc char[96];
        var length = 0;
        reviewUnixMs.TryFormat(seed, out var written, default, CultureInfo.InvariantCulture);
        length += written;
        seed[length++] = '_';
        reps.TryFormat(seed[length..], out written, default, CultureInfo.InvariantCulture);
        length += written;
        seed[length++] = '_';
        FormatLikeJavaScript(difficultyTimesStability, seed[length..], out written);
        length += written;
        return FirstDraw(seed[..length]);
    }

    /// <summary>Picks a day in Anki's fuzz range around <paramref name="interval"/> (already >= 2.5 days).</summary>
    public static double Apply(double interval, int elapsedDays, int maximumInterval, double factor)
    {
        var delta = 1.0;
        delta += 0.15 * Math.Max(Math.Min(interval, 7.0) - 2.5, 0.0);
        delta += 0.10 * Math.Max(Math.Min(interval, 20.0) - 7.0, 0.0);
        delta += 0.05 * Math.Max(interval - 20.0, 0.0);
        interval = Math.Min(interval, maximumInterval);
        var minIvl = Math.Max(2, JsMath.Round(interval - delta));
        var maxIvl = Math.Min(JsMath.Round(interval + delta), maximumInterval);
        if (interval > elapsedDays)
        {
            minIvl = Math.Max(minIvl, elapsedDays + 1);
        }
        minIvl = Math.Min(minIvl, maxIvl);
        return Math.Floor(factor * (maxIvl - minIvl + 1) + minIvl);
    }

    private static void FormatLikeJavaScript(double value, Span<char> destination, out int written)
    {
        // d * s lies in [0, 365000], where .NET's shortest round-trip form and JavaScript's
        // Number#toString print the same digits without an exponent.
        value.TryFormat(destination, out written, "R", CultureInfo.InvariantCulture);
    }

    private static double FirstDraw(ReadOnlySpan<char> seed)
    {
        // Alea's first output depends only on s0 = mash(" ") - mash(seed), where the seed's mash
        // starts from the state left by three mashes of " "; s1 and s2 only matter for later draws.
        double n = 0xefc8249d;
        var s0 = Mash(ref n, " ");
        Mash(ref n, " ");
        Mash(ref n, " ");
        s0 -= Mash(ref n, seed);
        if (s0 < 0)
        {
            s0 += 1;
        }
        var t = 2091639 * s0 + 1 * TwoPowMinus32;
        return t - (int)t;
    }

    private static double Mash(ref double n, ReadOnlySpan<char> data)
    {
        foreach (var ch in data)
        {
            n += ch;
            var h = 0.02519603282416938 * n;
            n = ToUint32(h);
            h -= n;
            h *= n;
            n = ToUint32(h);
            h -= n;
            n += h * 0x100000000;
        }
        return ToUint32(n) * TwoPowMinus32;
    }

    // JavaScript's `x >>> 0` for the non-negative values Mash produces.
    private static uint ToUint32(double x) => unchecked((uint)(ulong)x);
}
