namespace StudyBot.Core.Scheduling;

/// <summary>
/// The (re)learning step ladder as the reference walks it: Again to the first step, Hard repeats the
/// step with a longer delay, Good climbs, and anything past the ladder graduates.
/// </summary>
internal sealed class LearningSteps
{
    private readonly double[] _learning;
    private readonly double[] _relearning;

    public LearningSteps(double[] learningMinutes, double[] relearningMinutes)
    {
        _learning = learningMinutes;
        _relearning = relearningMinutes;
    }

    public int RelearningCount => _relearning.Length;

    /// <summary>
    /// The delay in minutes (0 = graduate now) and the next step index for a grade answered in
    /// <paramref name="state"/> at step <paramref name="step"/>.
    /// </summary>
    public (double Minutes, int NextStep) For(CardState state, int step, int grade)
    {
        var steps = state is CardState.Relearning or CardState.Review ? _relearning : _learning;
        if (steps.Length == 0 || step >= steps.Length)
        {
            return (0, 0);
        }
        if (state == CardState.Review)
        {
            // From review only a lapse enters the ladder, at the card's current step.
            return grade == 1 ? (steps[step], 0) : (0, 0);
        }
        switch (grade)
        {
            case 1:
                return (steps[0], 0);
            case 2:
                var hard = steps.Length == 1 ? steps[0] * 1.5 : (steps[0] + steps[1]) / 2;
                return (JsMath.Round(hard), step);
            case 3:
                if (step + 1 < steps.Length && steps[step + 1] != 0)
                {
                    return (JsMath.Round(steps[step + 1]), step + 1);
                }
                return (0, 0);
            default:
                return (0, 0);
        }
    }
}
