using StudyBot.Core.Scheduling;

namespace StudyBot.Core.Study.Simulation;

/// <summary>Which model the simulated students' memory follows.</summary>
public enum MemoryWorld
{
    /// <summary>FSRS-6 with the student's own weights: the model the FSRS schedulers assume (with other weights).</summary>
    Fsrs,

    /// <summary>
    /// A model no schedule assumes: ACT-R's declarative memory with spacing-dependent decay (Pavlik and
    /// Anderson, 2005), time in days. See <see cref="ActRMemory"/>.
    /// </summary>
    Other,
}

/// <summary>One card in one student's head, whatever the model: what it needs to keep.</summary>
internal sealed class CardMind
{
    public bool Seen;
    public DateTime Last;
    public double S;
    public double D;
    /// <summary>ACT-R: each presentation's time (days since the course began) and its decay.</summary>
    public List<(double At, double Decay)>? Traces;
    /// <summary>ACT-R: how much harder than the student's usual card (added to the retrieval threshold).</summary>
    public double Hardness;
    /// <summary>The card's answers, when the run keeps them.</summary>
    public List<Scheduling.Replay.ReviewEntry>? Log;
}

/// <summary>A simulated student's memory: the probability of recall at a time, and what a review does.</summary>
internal interface IStudentMemory
{
    CardMind NewCard(Random random);

    double Recall(CardMind card, DateTime atUtc);

    void Review(CardMind card, DateTime atUtc, Rating rating);
}

/// <summary>FSRS-6 with the student's own weights (<see cref="SimulatedMemory"/>).</summary>
internal sealed class FsrsStudentMemory(double[] weights) : IStudentMemory
{
    private readonly SimulatedMemory _memory = new(weights);

    public CardMind NewCard(Random random) => new();

    public double Recall(CardMind card, DateTime atUtc) => card.Seen ? _memory.Recall(card.S, (atUtc - card.Last).TotalDays) : 0;

    public void Review(CardMind card, DateTime atUtc, Rating rating)
    {
        (card.S, card.D) = _memory.Review(card.Seen ? card.S : 0, card.D, (atUtc - card.Last).TotalDays, rating);
        card.Last = atUtc;
        card.Seen = true;
    }
}

/// <summary>
/// ACT-R declarative memory with the spacing effect (Pavlik and Anderson, 2005): every presentation
/// j leaves a trace that decays as a power of its age, t_j^(-d_j); activation is
/// m = ln(sum of traces), and recall is 1 / (1 + e^((tau + h - m) / s)). A trace's decay grows with
/// the activation at the moment it is laid down, d_j = c e^(m_j) + alpha, so a review of a card
/// still fresh in memory (massed) fades faster than one after a gap (spaced). Time is in days,
/// ages at least a minute. Per student: alpha (base decay), c (spacing), tau (threshold) drawn
/// log-normally or normally around 0.25, 0.2 and -0.7; s = 0.25; per card a hardness h ~ N(0, 0.25).
/// Forgetting here is a power law of time with a decay that depends on the history, not FSRS's
/// curve: no schedule in the comparison assumes it.
/// </summary>
internal sealed class ActRMemory : IStudentMemory
{
    public const double Noise = 0.25;
    private const double MinimumAge = 1.0 / 1440;
    private static readonly DateTime _epoch = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public ActRMemory(Random random)
    {
        Alpha = 0.25 * Math.Exp(0.2 * Normal(random));
        Spacing = 0.2 * Math.Exp(0.2 * Normal(random));
        Threshold = -0.7 + 0.15 * Normal(random);
    }

    public double Alpha { get; }

    public double Spacing { get; }

    public double Threshold { get; }

    public CardMind NewCard(Random random) => new() { Traces = [], Hardness = 0.25 * Normal(random) };

    public double Recall(CardMind card, DateTime atUtc)
    {
        if (!card.Seen)
        {
            return 0;
        }
        var m = Activation(card, Days(atUtc));
        return 1.0 / (1.0 + Math.Exp((Threshold + card.Hardness - m) / Noise));
    }

    public void Review(CardMind card, DateTime atUtc, Rating rating)
    {
        var now = Days(atUtc);
        var decay = card.Seen ? Spacing * Math.Exp(Activation(card, now)) + Alpha : Alpha;
        card.Traces!.Add((now, decay));
        card.Last = atUtc;
        card.Seen = true;
    }

    private static double Activation(CardMind card, double now)
    {
        var sum = 0.0;
        foreach (var (at, decay) in card.Traces!)
        {
            sum += Math.Pow(Math.Max(now - at, MinimumAge), -decay);
        }
        return Math.Log(sum);
    }

    private static double Days(DateTime atUtc) => (atUtc - _epoch).TotalDays;

    internal static double Normal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
