using StudyBot.Core.Decks;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Study;

namespace StudyBot.Data.Review;

/// <summary>The card to show next, why, and how much of the day's budget is used.</summary>
public sealed record StudyCard(
    int CardId,
    string DeckKey,
    DeckCard Card,
    QueueKind Queue,
    FsrsCard? Memory,
    StudyDay Day,
    DailyUsage Usage);
