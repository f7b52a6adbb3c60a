using System.Runtime.CompilerServices;

namespace StudyBot.Core.Scheduling.Optimization;

/// <summary>
/// The FSRS-6 memory model as the reference optimizer trains it (no rounding, stability clamped to
/// [0.001, 36500] and difficulty to [1, 10] after every review), with its gradient by hand-written
/// reverse-mode differentiation: a forward pass records each review's intermediates on a tape, and
/// the backward pass walks the tape from the prediction to the first review. Clamps pass gradient
/// inside their range and on its bounds; min/max pass it to the branch taken. One instance per
/// thread: the tape is reused.
/// </summary>
internal sealed class FsrsLoss
{
    private const double RetrievabilityEpsilon = 1e-7;
    private static readonly double _ln09 = Math.Log(0.9);

    private readonly double[] _w = new double[FsrsWeights.Count];
    private double _decay;
    private double _factor;
    private double _dFactorDDecay;
    private double _expW8;
    private double _easyInitDifficulty;
    private double _exp3W5;
    private double _failDivisor;
    private readonly double[] _shortTermGrowth = new double[5];
    private Tape[] _tape = new Tape[64];

    private enum Branch : byte
    {
        ShortTermGrowth,
        ShortTermFloor,
        ForgetCurve,
        ForgetFloor,
        Recall,
    }

    private struct Tape
    {
        public double S;
        public double D;
        public double R;
        public double U;
        public double LnU;
        public double LnS;
        public double LnX;
        public double X1;
        public double X2;
        public double X3;
        public double SOutRaw;
        public double D1;
        public double DOutRaw;
        public int DeltaT;
        public int Grade;
        public Branch Branch;
    }

    public FsrsLoss(IReadOnlyList<double> parameters) => SetParameters(parameters);

    public IReadOnlyList<double> Parameters => _w;

    public void SetParameters(IReadOnlyList<double> w)
    {
        for (var i = 0; i < FsrsWeights.Count; i++)
        {
            _w[i] = w[i];
        }
        _decay = -_w[20];
        _factor = Math.Pow(0.9, 1.0 / _decay) - 1.0;
        _dFactorDDecay = (_factor + 1.0) * -_ln09 / (_decay * _decay);
        _expW8 = Math.Exp(_w[8]);
        _exp3W5 = Math.Exp(3.0 * _w[5]);
        _easyInitDifficulty = _w[4] - _exp3W5 + 1.0;
        _failDivisor = Math.Exp(_w[17] * _w[18]);
        for (var g = 1; g <= 4; g++)
        {
            _shortTermGrowth[g] = Math.Exp(_w[17] * (g - 3 + _w[18]));
        }
    }

    /// <summary>The predicted probability of recalling the item's last review (no clamp).</summary>
    // Fully optimised from the first call: a fit runs these millions of times in its first second.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Predict(FsrsItem item)
    {
        var reviews = item.Reviews;
        var (s, d) = Initial(reviews[0].Rating, out _);
        for (var k = 1; k < reviews.Length - 1; k++)
        {
            Step(ref s, ref d, reviews[k].DeltaT, reviews[k].Rating, out _);
        }
        return Math.Pow(1.0 + _factor * reviews[^1].DeltaT / s, _decay);
    }

    /// <summary>weight * BCE(clamped prediction, label), without gradient.</summary>
    public double Loss(FsrsItem item, double weight) => weight * CrossEntropy(Predict(item), item.Label);

    /// <summary>Adds d(weight * BCE)/dw to <paramref name="gradient"/> and returns weight * BCE.</summary>
    // Fully optimised from the first call: a fit runs these millions of times in its first second.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double LossAndGradient(FsrsItem item, double weight, double[] gradient)
    {
        var reviews = item.Reviews;
        var steps = reviews.Length - 1;
        if (_tape.Length < steps)
        {
            _tape = new Tape[Math.Max(steps, _tape.Length * 2)];
        }
        var tape = _tape;
        var (s, d) = Initial(reviews[0].Rating, out var d0Raw);
        for (var k = 1; k < steps; k++)
        {
            Step(ref s, ref d, reviews[k].DeltaT, reviews[k].Rating, out tape[k]);
        }
        var deltaT = reviews[^1].DeltaT;
        var u = 1.0 + _factor * deltaT / s;
        var r = Math.Pow(u, _decay);
        var y = item.Label;
        var loss = weight * CrossEntropy(r, y);
        if (r < RetrievabilityEpsilon || r > 1.0 - RetrievabilityEpsilon)
        {
            return loss;
        }
        var gR = weight * (-y / r + (1 - y) / (1.0 - r));
        var gS = 0.0;
        var gD = 0.0;
        CurveBackward(gR, s, deltaT, u, Math.Log(u), r, ref gS, gradient);
        var w = _w;
        for (var k = steps - 1; k >= 1; k--)
        {
            ref var t = ref tape[k];
            var gSOut = InRange(t.SOutRaw, FsrsWeights.MinStability, FsrsWeights.MaxStability) ? gS : 0.0;
            var gDOut = InRange(t.DOutRaw, 1.0, 10.0) ? gD : 0.0;
            var g = t.Grade;

            // D' = w7 (D0(4) - D1) + D1, D1 = D + (10 - D) (-w6 (G - 3)) / 9
            var gD1 = gDOut * (1.0 - w[7]);
            gradient[7] += gDOut * (_easyInitDifficulty - t.D1);
            gradient[4] += gDOut * w[7];
            gradient[5] += gDOut * w[7] * (-3.0 * _exp3W5);
            var gDIn = gD1 * (1.0 + w[6] * (g - 3) / 9.0);
            gradient[6] += gD1 * (10.0 - t.D) * -(g - 3) / 9.0;

            var gSIn = 0.0;
            var gRStep = 0.0;
            switch (t.Branch)
            {
                case Branch.ShortTermFloor:
                    gSIn += gSOut;
                    break;
                case Branch.ShortTermGrowth:
                {
                    var sOut = t.SOutRaw;
                    gSIn += gSOut * t.X1 * (1.0 - w[19]);
                    gradient[17] += gSOut * sOut * (g - 3 + w[18]);
                    gradient[18] += gSOut * sOut * w[17];
                    gradient[19] += gSOut * sOut * -t.LnS;
                    break;
                }
                case Branch.ForgetFloor:
                {
                    var sOut = t.SOutRaw;
                    gSIn += gSOut / _failDivisor;
                    gradient[17] += gSOut * -sOut * w[18];
                    gradient[18] += gSOut * -sOut * w[17];
                    break;
                }
                case Branch.ForgetCurve:
                {
                    // PLS = w11 * X1 * (A - 1), X1 = D^-w12 e^(w14 (1 - R)), A = (S + 1)^w13
                    var pls = t.SOutRaw;
                    var a = t.X2;
                    gradient[11] += gSOut * t.X1 * (a - 1.0);
                    gDIn += gSOut * pls * -w[12] / t.D;
                    gradient[12] += gSOut * pls * -t.LnX;
                    var dA = w[11] * t.X1;
                    gSIn += gSOut * dA * w[13] * a / (t.S + 1.0);
                    gradient[13] += gSOut * dA * a * t.X3;
                    gRStep += gSOut * pls * -w[14];
                    gradient[14] += gSOut * pls * (1.0 - t.R);
                    break;
                }
                case Branch.Recall:
                {
                    // S' = S (1 + K (E - 1) h e), K = e^w8 (11 - D) S^-w9, E = e^(w10 (1 - R))
                    var k0 = t.X1;
                    var e = t.X2;
                    var hard = g == 2 ? w[15] : 1.0;
                    var easy = g == 4 ? w[16] : 1.0;
                    var b = k0 * (e - 1.0) * hard * easy;
                    var gs = gSOut * t.S;
                    gSIn += gSOut * (1.0 + b * (1.0 - w[9]));
                    gradient[8] += gs * b;
                    gDIn += gs * -(b / (11.0 - t.D));
                    gradient[9] += gs * b * -t.LnS;
                    var dE = k0 * hard * easy * e;
                    gradient[10] += gs * dE * (1.0 - t.R);
                    gRStep += gs * dE * -w[10];
                    if (g == 2)
                    {
                        gradient[15] += gs * k0 * (e - 1.0) * easy;
                    }
                    else if (g == 4)
                    {
                        gradient[16] += gs * k0 * (e - 1.0) * hard;
                    }
                    break;
                }
            }
            if (gRStep != 0.0)
            {
                CurveBackward(gRStep, t.S, t.DeltaT, t.U, t.LnU, t.R, ref gSIn, gradient);
            }
            gS = gSIn;
            gD = gDIn;
        }
        // Initial review: S = w[G-1] (always within range), D = clamp(w4 - e^(w5 (G - 1)) + 1, 1, 10).
        var g0 = reviews[0].Rating;
        gradient[g0 - 1] += gS;
        if (InRange(d0Raw, 1.0, 10.0))
        {
            gradient[4] += gD;
            gradient[5] += gD * -(g0 - 1) * Math.Exp(w[5] * (g0 - 1));
        }
        return loss;
    }

    public static double CrossEntropy(double r, int label)
    {
        var p = Math.Clamp(r, RetrievabilityEpsilon, 1.0 - RetrievabilityEpsilon);
        return label == 1 ? -Math.Log(p) : -Math.Log(1.0 - p);
    }

    private (double S, double D) Initial(int grade, out double dRaw)
    {
        dRaw = _w[4] - Math.Exp(_w[5] * (grade - 1)) + 1.0;
        return (Math.Clamp(_w[grade - 1], FsrsWeights.MinStability, FsrsWeights.MaxStability), Math.Clamp(dRaw, 1.0, 10.0));
    }

    // Fully optimised from the first call: a fit runs these millions of times in its first second.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Step(ref double s, ref double d, int deltaT, int grade, out Tape t)
    {
        var w = _w;
        t = default;
        t.DeltaT = deltaT;
        t.Grade = grade;
        t.S = s;
        t.D = d;
        t.LnS = Math.Log(s);
        double sOut;
        if (deltaT == 0)
        {
            t.U = 1.0;
            t.R = 1.0;
            var sinc = _shortTermGrowth[grade] * Math.Exp(-w[19] * t.LnS);
            if (grade >= 2 && sinc < 1.0)
            {
                t.Branch = Branch.ShortTermFloor;
                sOut = s;
            }
            else
            {
                t.Branch = Branch.ShortTermGrowth;
                t.X1 = sinc;
                sOut = s * sinc;
            }
        }
        else if (grade == 1)
        {
            Retrievability(ref t, s, deltaT);
            t.LnX = Math.Log(d);
            t.X1 = Math.Exp(-w[12] * t.LnX + w[14] * (1.0 - t.R));
            t.X3 = Math.Log(s + 1.0);
            t.X2 = Math.Exp(w[13] * t.X3);
            var pls = w[11] * t.X1 * (t.X2 - 1.0);
            var floor = s / _failDivisor;
            if (pls <= floor)
            {
                t.Branch = Branch.ForgetCurve;
                sOut = pls;
            }
            else
            {
                t.Branch = Branch.ForgetFloor;
                sOut = floor;
            }
        }
        else
        {
            Retrievability(ref t, s, deltaT);
            t.Branch = Branch.Recall;
            t.X1 = _expW8 * (11.0 - d) * Math.Exp(-w[9] * t.LnS);
            t.X2 = Math.Exp(w[10] * (1.0 - t.R));
            var hard = grade == 2 ? w[15] : 1.0;
            var easy = grade == 4 ? w[16] : 1.0;
            sOut = s * (1.0 + t.X1 * (t.X2 - 1.0) * hard * easy);
        }
        t.SOutRaw = sOut;
        t.D1 = d + (10.0 - d) * (-w[6] * (grade - 3)) / 9.0;
        t.DOutRaw = w[7] * (_easyInitDifficulty - t.D1) + t.D1;
        s = Math.Clamp(sOut, FsrsWeights.MinStability, FsrsWeights.MaxStability);
        d = Math.Clamp(t.DOutRaw, 1.0, 10.0);
    }

    private void Retrievability(ref Tape t, double s, int deltaT)
    {
        t.U = 1.0 + _factor * deltaT / s;
        t.LnU = Math.Log(t.U);
        t.R = Math.Exp(_decay * t.LnU);
    }

    /// <summary>Back through R = (1 + f t / S)^decay, f = 0.9^(1/decay) - 1, decay = -w20.</summary>
    // Fully optimised from the first call: a fit runs these millions of times in its first second.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CurveBackward(double gR, double s, int deltaT, double u, double lnU, double r, ref double gS, double[] gradient)
    {
        if (deltaT == 0)
        {
            return;
        }
        var dRdU = _decay * r / u;
        gS += gR * dRdU * (-_factor * deltaT / (s * s));
        var dRdDecay = r * lnU + dRdU * (deltaT / s) * _dFactorDDecay;
        gradient[20] -= gR * dRdDecay;
    }

    private static bool InRange(double value, double min, double max) => value >= min && value <= max;
}
