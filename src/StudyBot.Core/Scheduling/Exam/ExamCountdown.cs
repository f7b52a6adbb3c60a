namespace StudyBot.Core.Scheduling.Exam;

/// <summary>
/// An exam ahead in one deck as a student sees it: the days left (in the student's calendar), the
/// cards still to secure (studied cards whose predicted recall at the exam is below the target, and
/// cards not learned yet) and the daily new-card pace that brings every card in on time.
/// </summary>
public sealed record ExamCountdown(string DeckKey, string DeckTitle, DateTime ExamUtc, int DaysLeft, int CardsToSecure, int? NewPerDay)
{
    /// <summary>"exam in 12 days: 34 cards to secure", "exam tomorrow: …", "exam today: …".</summary>
    public string Summary()
    {
        var when = DaysLeft switch
        {
            <= 0 => "exam today",
            1 => "exam tomorrow",
            _ => $"exam in {DaysLeft} days",
        };
        var cards = CardsToSecure == 0 ? "every card secure" : CardsToSecure == 1 ? "1 card to secure" : $"{CardsToSecure} cards to secure";
        return $"{when}: {cards}";
    }

    /// <summary>The summary with the deck and the pace, e.g. "**Week 1** (`week-1`): exam in 12 days: 34 cards to secure (5 new cards a day)".</summary>
    public string Line()
    {
        var pace = NewPerDay is { } n && n > 0 ? $" ({n} new {(n == 1 ? "card" : "cards")} a day)" : "";
        return $"**{DeckTitle}** (`{DeckKey}`): {Summary()}{pace}";
    }

    /// <summary>
    /// Cards to secure among a deck's cards for the student: every card not yet in review (never
    /// studied, or still in learning steps) and every reviewed card whose cautious predicted recall at the exam (<see cref="ExamScheduler.CautiousRecallAt"/>) is below the target.
    /// </summary>
    public static int CardsToSecureAmong(IEnumerable<FsrsCard> studied, int neverStudied, DateTime examUtc, double target, ExamScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(studied);
        ArgumentNullException.ThrowIfNull(scheduler);
        var count = neverStudied;
        foreach (var card in studied)
        {
            if (card.State != CardState.Review || scheduler.CautiousRecallAt(card, examUtc) < target)
            {
                count++;
            }
        }
        return count;
    }
}
