using System.Diagnostics;
using System.Diagnostics.Metrics;
using StudyBot.Data.Entities;
using StudyBot.Data.Review;

namespace StudyBot.Data.Diagnostics;

/// <summary>The storage layer's instruments (meter <see cref="MeterName"/>); tags name only the bot's own categories.</summary>
public static class DataMetrics
{
    public const string MeterName = "StudyBot.Data";

    private static readonly Meter _meter = new(MeterName);

    // A WAL commit takes well under a millisecond; a busy database waits up to its timeout.
    private static readonly InstrumentAdvice<double> _seconds = new()
    {
        HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    };

    private static readonly Counter<long> _answers = _meter.CreateCounter<long>(
        "studybot.answers", "{answer}", "Graded answers saved, by source (review, quiz) and outcome (saved, duplicate, failed).");

    private static readonly Histogram<double> _answerDuration = _meter.CreateHistogram<double>(
        "studybot.answer.duration", "s", "Time to grade, schedule and commit one answer, from its submission to its commit.", tags: null, advice: _seconds);

    private static readonly Histogram<double> _writeDuration = _meter.CreateHistogram<double>(
        "studybot.db.write.duration", "s", "Database write transactions, by operation.", tags: null, advice: _seconds);

    private static readonly Counter<long> _errors = _meter.CreateCounter<long>(
        "studybot.db.errors", "{error}", "Database commands and connections that failed outside the answer path (reminders, quizzes, the daily question, settings, imports; answers count in studybot.answers), by kind (busy, constraint, storage, connection, other).");

    private static readonly AsyncLocal<bool> _answerPath = new();

    /// <summary>Marks what runs in this flow until disposed as the answer path, whose failures <c>studybot.answers</c> counts.</summary>
    internal static AnswerPathScope AnswerPath()
    {
        var outer = _answerPath.Value;
        _answerPath.Value = true;
        return new AnswerPathScope(outer);
    }

    internal readonly struct AnswerPathScope(bool outer) : IDisposable
    {
        public void Dispose() => _answerPath.Value = outer;
    }

    /// <summary>A database command or connection failed; counted unless it was on the answer path.</summary>
    internal static void DatabaseError(string kind)
    {
        if (!_answerPath.Value)
        {
            _errors.Add(1, new KeyValuePair<string, object?>("kind", kind));
        }
    }

    /// <summary>Awaits an answer's commit, counting it and timing it from <paramref name="started"/>.</summary>
    internal static async Task<(AnswerResult Result, QuizAnswerResult? Quiz)> AnswerAsync(Task<(AnswerResult Result, QuizAnswerResult? Quiz)> pending, ReviewSource source, long started)
    {
        var outcome = "failed";
        try
        {
            var result = await pending;
            outcome = result.Result.Duplicate ? "duplicate" : "saved";
            return result;
        }
        finally
        {
            var sourceTag = new KeyValuePair<string, object?>("source", source.ToString().ToLowerInvariant());
            _answerDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, sourceTag);
            _answers.Add(1, sourceTag, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    /// <summary>Times one write transaction of <paramref name="operation"/>; <paramref name="write"/> returns false when it rolled back.</summary>
    internal static async Task WriteAsync(string operation, Func<Task<bool>> write)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        using var answerPath = AnswerPath();
        try
        {
            outcome = await write() ? "committed" : "rolled_back";
        }
        finally
        {
            _writeDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("operation", operation),
                new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
