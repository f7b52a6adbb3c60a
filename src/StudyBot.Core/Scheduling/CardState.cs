namespace StudyBot.Core.Scheduling;

/// <summary>FSRS card states, numbered as ts-fsrs numbers them.</summary>
public enum CardState : byte
{
    New = 0,
    Learning = 1,
    Review = 2,
    Relearning = 3,
}
