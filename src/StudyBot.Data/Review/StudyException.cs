namespace StudyBot.Data.Review;

/// <summary>A request the engine cannot carry out, with a message fit to show the user.</summary>
public sealed class StudyException(string message) : Exception(message);
