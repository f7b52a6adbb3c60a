using Microsoft.Extensions.Logging;

namespace StudyBot.Observability;

/// <summary>The last error the bot logged (time, category, first line of the message), for /status.</summary>
public sealed class LastErrorLog : ILoggerProvider
{
    private (DateTimeOffset At, string Category, string Message)? _last;
    private readonly Lock _lock = new();

    public (DateTimeOffset At, string Category, string Message)? Last
    {
        get
        {
            lock (_lock)
            {
                return _last;
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Record(string category, string message)
    {
        var line = message.Split('\n', 2)[0];
        lock (_lock)
        {
            _last = (DateTimeOffset.UtcNow, category, line.Length > 300 ? line[..300] + "…" : line);
        }
    }

    private sealed class Logger(LastErrorLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Record(category, formatter(state, exception) + (exception is null ? "" : $" ({exception.GetType().Name})"));
            }
        }
    }
}
