namespace StudyBot.Hosting;

/// <summary>The host cannot start as configured; the message is the one line the operator sees.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
