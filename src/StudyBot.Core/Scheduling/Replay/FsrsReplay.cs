using System.Globalization;
using System.Text.Json;

namespace StudyBot.Core.Scheduling.Replay;

/// <summary>Replays review logs through a scheduler and writes the cards in ts-fsrs's field names.</summary>
public static class FsrsReplay
{
    /// <exception cref="ReviewHistoryException">A review goes back in time or the scheduler rejects it; the message names card and review.</exception>
    public static IReadOnlyList<ReplayedCard> Run(FsrsScheduler scheduler, IReadOnlyList<ReviewHistory> histories)
    {
        var replayed = new List<ReplayedCard>(histories.Count);
        foreach (var history in histories)
        {
            history.CheckTimeOrder();
            var results = new FsrsCard[history.Reviews.Count];
            if (results.Length > 0)
            {
                var card = FsrsCard.CreateNew(history.Reviews[0].Time);
                for (var i = 0; i < results.Length; i++)
                {
                    var review = history.Reviews[i];
                    try
                    {
                        card = scheduler.Next(card, review.Time, review.Rating);
                    }
                    catch (ArgumentException ex)
                    {
                        throw new ReviewHistoryException($"card {history.CardId}, review {i}: {ex.Message}");
                    }
                    results[i] = card;
                }
            }
            replayed.Add(new ReplayedCard(history.CardId, results));
        }
        return replayed;
    }

    /// <summary>
    /// Writes <c>[{"cardId":..,"results":[{"due":..,"stability":..,"difficulty":..,"scheduled_days":..,
    /// "reps":..,"lapses":..,"state":..,"learning_steps":..}]}]</c>, due in ISO 8601 UTC with milliseconds.
    /// </summary>
    public static void Write(Stream output, IReadOnlyList<ReplayedCard> cards)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartArray();
        foreach (var card in cards)
        {
            json.WriteStartObject();
            json.WritePropertyName("cardId");
            json.WriteRawValue(card.CardId, skipInputValidation: true);
            json.WriteStartArray("results");
            foreach (var result in card.Results)
            {
                json.WriteStartObject();
                json.WriteString("due", FormatTime(result.Due));
                json.WriteNumber("stability", result.Stability);
                json.WriteNumber("difficulty", result.Difficulty);
                json.WriteNumber("scheduled_days", result.ScheduledDays);
                json.WriteNumber("reps", result.Reps);
                json.WriteNumber("lapses", result.Lapses);
                json.WriteNumber("state", (int)result.State);
                json.WriteNumber("learning_steps", result.LearningSteps);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>ISO 8601 UTC with milliseconds, as JavaScript's Date#toISOString writes it.</summary>
    public static string FormatTime(DateTime utc) =>
        utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
