namespace StudyBot.Core.Study;

/// <summary>What answering did to a card's leech status.</summary>
public enum LeechOutcome
{
    None,
    /// <summary>The card reached the threshold: it is tagged a leech and suspended.</summary>
    BecameLeech,
    /// <summary>An already tagged card lapsed another <see cref="LeechRule.WarnEvery"/> times.</summary>
    StillLeech,
}

/// <summary>Anki's leech rule, which students know: tag and suspend at 8 lapses, warn again every 4 more.</summary>
public static class LeechRule
{
    public const int Threshold = 8;
    public const int WarnEvery = 4;

    public static LeechOutcome Evaluate(int lapsesBefore, int lapsesAfter)
    {
        if (lapsesAfter <= lapsesBefore || lapsesAfter < Threshold)
        {
            return LeechOutcome.None;
        }
        if (lapsesAfter == Threshold)
        {
            return LeechOutcome.BecameLeech;
        }
        return (lapsesAfter - Threshold) % WarnEvery == 0 ? LeechOutcome.StillLeech : LeechOutcome.None;
    }

    public static string? Message(LeechOutcome outcome, int lapses) => outcome switch
    {
        LeechOutcome.BecameLeech =>
            $"You have forgotten this card {lapses} times, so it is now a leech and suspended. Rewrite it in your own words or ask your instructor, then unsuspend it.",
        LeechOutcome.StillLeech =>
            $"This card is still a leech: forgotten {lapses} times. It is suspended again; try a different way to remember it.",
        _ => null,
    };
}
