namespace StudyBot.Core.Scheduling;

/// <summary>
/// The FSRS-6 formulas with every weight-only term computed once, so a review costs a handful of
/// exp/pow calls and no allocation. Operand order follows the reference so results agree bit for bit.
/// </summary>
internal sealed class FsrsModel
{
    private readonly double _w7;
    private readonly double _w9Neg;
    private readonly double _w10;
    private readonly double _w11;
    private readonly double _w12Neg;
    private readonly double _w13;
    private readonly double _w14;
    private readonly double _w15;
    private readonly double _w16;
    private readonly double _w19Neg;
    private readonly double _expW8;
    private readonly double _decay;
    private readonly double _factor;
    private readonly double _intervalModifier;
    private readonly double _lapseDivisor;
    private readonly double _easyInitDifficulty;
    private readonly int _maximumInterval;
    // Indexed by grade 1-4 (slot 0 unused).
    private readonly double[] _initStability = new double[5];
    private readonly double[] _initDifficulty = new double[5];
    private readonly double[] _difficultyDelta = new double[5];
    private readonly double[] _shortTermGrowth = new double[5];

    public FsrsModel(double[] w, double desiredRetention, int maximumInterval, bool enableShortTerm)
    {
        _w7 = w[7];
        _w9Neg = -w[9];
        _w10 = w[10];
        _w11 = w[11];
        _w12Neg = -w[12];
        _w13 = w[13];
        _w14 = w[14];
        _w15 = w[15];
        _w16 = w[16];
        _w19Neg = -w[19];
        _expW8 = Math.Exp(w[8]);
        _decay = -w[20];
        _factor = JsMath.Round8(Math.Exp(Math.Pow(_decay, -1) * Math.Log(0.9)) - 1.0);
        _intervalModifier = JsMath.Round8((Math.Pow(desiredRetention, 1 / _decay) - 1) / _factor);
        _maximumInterval = maximumInterval;
        // With short-term off the reference drops w17/w18 from the lapse bound: e^0 = 1.
        _lapseDivisor = enableShortTerm ? Math.Exp(w[17] * w[18]) : Math.Exp(0.0);
        for (var g = 1; g <= 4; g++)
        {
            _initStability[g] = Math.Max(w[g - 1], 0.1);
            _initDifficulty[g] = JsMath.Round8(w[4] - Math.Exp((g - 1) * w[5]) + 1);
            _difficultyDelta[g] = -w[6] * (g - 3);
            _shortTermGrowth[g] = Math.Exp(w[17] * (g - 3 + w[18]));
        }
        _easyInitDifficulty = _initDifficulty[4];
    }

    public double IntervalModifier => _intervalModifier;

    public int MaximumInterval => _maximumInterval;

    public double InitStability(int grade) => _initStability[grade];

    public double InitDifficulty(int grade) => JsMath.Clamp(_initDifficulty[grade], 1, 10);

    /// <summary>R(t, S) = (1 + factor * t / S) ^ decay, rounded as the reference rounds it.</summary>
    public double ForgettingCurve(double elapsedDays, double stability) =>
        JsMath.Round8(Math.Pow(1 + _factor * elapsedDays / stability, _decay));

    public double NextDifficulty(double d, int grade)
    {
        var nextD = d + JsMath.Round8(_difficultyDelta[grade] * (10 - d) / 9);
        return JsMath.Clamp(JsMath.Round8(_w7 * _easyInitDifficulty + (1 - _w7) * nextD), 1, 10);
    }

    /// <summary>
    /// The grade-independent part of the recall stability, e^w8 (11 - D) S^-w9 (e^(w10 (1-R)) - 1),
    /// shared by Hard, Good and Easy because the reference answers all three from one review.
    /// </summary>
    public double RecallGrowth(double d, double s, double r) =>
        _expW8 * (11 - d) * Math.Pow(s, _w9Neg) * (Math.Exp((1 - r) * _w10) - 1);

    public double RecallStability(double s, double growth, int grade)
    {
        var hardPenalty = grade == 2 ? _w15 : 1;
        var easyBonus = grade == 4 ? _w16 : 1;
        return JsMath.Round8(JsMath.Clamp(s * (1 + growth * hardPenalty * easyBonus), FsrsWeights.MinStability, FsrsWeights.MaxStability));
    }

    public double ForgetStability(double d, double s, double r)
    {
        var afterFail = JsMath.Round8(JsMath.Clamp(
            _w11 * Math.Pow(d, _w12Neg) * (Math.Pow(s + 1, _w13) - 1) * Math.Exp((1 - r) * _w14),
            FsrsWeights.MinStability, FsrsWeights.MaxStability));
        return JsMath.Clamp(JsMath.Round8(s / _lapseDivisor), FsrsWeights.MinStability, afterFail);
    }

    public double ShortTermStability(double s, int grade)
    {
        var sinc = Math.Pow(s, _w19Neg) * _shortTermGrowth[grade];
        if (grade >= 2)
        {
            sinc = JsMath.Max(sinc, 1.0);
        }
        return JsMath.Round8(JsMath.Clamp(s * sinc, FsrsWeights.MinStability, FsrsWeights.MaxStability));
    }

    /// <summary>The interval in days before fuzz: round(S * IM) within [1, maximum interval].</summary>
    public double Interval(double s) => JsMath.Min(JsMath.Max(1, JsMath.Round(s * _intervalModifier)), _maximumInterval);
}
