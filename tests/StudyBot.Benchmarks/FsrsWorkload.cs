using System.Text.Json;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Scheduling.Replay;

namespace StudyBot.Benchmarks;

/// <summary>
/// A deterministic set of review histories (20 reviews a card), held as flat arrays so the timed
/// loop does nothing but schedule, and writable in the replay command's JSON for node.
/// </summary>
public sealed class FsrsWorkload
{
    public const int ReviewsPerCard = 20;

    private readonly DateTime[] _times;
    private readonly Rating[] _ratings;

    private FsrsWorkload(DateTime[] times, Rating[] ratings)
    {
        _times = times;
        _ratings = ratings;
    }

    public int Count => _times.Length;

    public int CardCount => (Count + ReviewsPerCard - 1) / ReviewsPerCard;

    public static FsrsWorkload Create(int reviews, int seed)
    {
        var random = new Random(seed);
        var scheduler = new FsrsScheduler();
        var times = new DateTime[reviews];
        var ratings = new Rating[reviews];
        var card = default(FsrsCard);
        var now = default(DateTime);
        for (var i = 0; i < reviews; i++)
        {
            if (i % ReviewsPerCard == 0)
            {
                now = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(0, 900 * 1440));
                card = FsrsCard.CreateNew(now);
            }
            else
            {
                now = NextVisit(random, now, card.Due);
            }
            var rating = (Rating)(random.NextDouble() switch { < 0.1 => 1, < 0.2 => 2, < 0.9 => 3, _ => 4 });
            times[i] = now;
            ratings[i] = rating;
            card = scheduler.Next(card, now, rating);
        }
        return new FsrsWorkload(times, ratings);
    }

    /// <summary>Replays every history from a new card; returns a checksum so the work cannot be skipped.</summary>
    public long Replay(FsrsScheduler scheduler) => Run(scheduler, out _);

    /// <summary>One replay's sums of scheduled days and of stability, to compare with ts-fsrs's over the same histories.</summary>
    public (long Days, double Stability) Checksums(FsrsScheduler scheduler) => (Run(scheduler, out var stability), stability);

    private long Run(FsrsScheduler scheduler, out double stability)
    {
        var times = _times;
        var ratings = _ratings;
        var card = default(FsrsCard);
        long days = 0;
        stability = 0;
        for (var i = 0; i < times.Length; i++)
        {
            if (i % ReviewsPerCard == 0)
            {
                card = FsrsCard.CreateNew(times[i]);
            }
            card = scheduler.Next(card, times[i], ratings[i]);
            days += card.ScheduledDays;
            stability += card.Stability;
        }
        return days;
    }

    public void WriteHistories(Stream output)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartArray();
        for (var i = 0; i < Count; i++)
        {
            if (i % ReviewsPerCard == 0)
            {
                if (i > 0)
                {
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                json.WriteStartObject();
                json.WriteNumber("cardId", i / ReviewsPerCard + 1);
                json.WriteStartArray("reviews");
            }
            json.WriteStartObject();
            json.WriteNumber("rating", (int)_ratings[i]);
            json.WriteString("t", FsrsReplay.FormatTime(_times[i]));
            json.WriteEndObject();
        }
        if (Count > 0)
        {
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static DateTime NextVisit(Random random, DateTime last, DateTime due)
    {
        var scheduled = Math.Max((due - last).TotalMinutes, 1);
        var x = random.NextDouble();
        var minutes = x switch
        {
            < 0.12 => random.Next(0, 360), // same day
            < 0.22 => scheduled * (0.2 + 0.75 * random.NextDouble()), // early
            < 0.60 => scheduled * (1.0 + 0.3 * random.NextDouble()), // on time
            < 0.95 => scheduled * (1.3 + 2.7 * random.NextDouble()), // late
            _ => 1440.0 * random.Next(100, 1500), // long gap
        };
        // Whole milliseconds, as the JSON carries them.
        return last.AddMilliseconds(Math.Round(minutes * 60_000));
    }
}
