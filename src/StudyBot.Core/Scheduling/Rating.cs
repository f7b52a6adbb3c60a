namespace StudyBot.Core.Scheduling;

/// <summary>The four FSRS grades, numbered as ts-fsrs numbers them.</summary>
public enum Rating : byte
{
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}
