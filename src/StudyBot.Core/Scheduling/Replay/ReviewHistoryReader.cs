using System.Globalization;
using System.Text.Json;

namespace StudyBot.Core.Scheduling.Replay;

/// <summary>
/// Reads review logs in the form
/// <c>[{"cardId":1,"reviews":[{"rating":3,"t":"2024-08-07T09:40:07.000Z"}, ...]}, ...]</c>,
/// rejecting anything else with a message that says where and what to change.
/// </summary>
public static class ReviewHistoryReader
{
    public static IReadOnlyList<ReviewHistory> Read(Stream json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException ex)
        {
            throw new ReviewHistoryException(
                $"not valid JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {WithoutPosition(ex.Message)}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                throw new ReviewHistoryException($"expected a JSON array of {{\"cardId\":..,\"reviews\":[..]}} objects, found {Kind(root)}.");
            }
            var histories = new List<ReviewHistory>(root.GetArrayLength());
            var index = 0;
            foreach (var element in root.EnumerateArray())
            {
                histories.Add(ReadHistory(element, index++));
            }
            return histories;
        }
    }

    private static ReviewHistory ReadHistory(JsonElement element, int index)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ReviewHistoryException($"history {index}: expected an object with cardId and reviews, found {Kind(element)}.");
        }
        if (!element.TryGetProperty("cardId", out var idElement)
            || idElement.ValueKind is not (JsonValueKind.Number or JsonValueKind.String))
        {
            throw new ReviewHistoryException($"history {index}: \"cardId\" is missing or not a number or string.");
        }
        var cardId = idElement.GetRawText();
        if (!element.TryGetProperty("reviews", out var reviewsElement) || reviewsElement.ValueKind != JsonValueKind.Array)
        {
            throw new ReviewHistoryException($"card {cardId}: \"reviews\" is missing or not an array.");
        }
        var reviews = new List<ReviewEntry>(reviewsElement.GetArrayLength());
        var i = 0;
        foreach (var review in reviewsElement.EnumerateArray())
        {
            reviews.Add(ReadReview(review, cardId, i++));
        }
        return new ReviewHistory(cardId, reviews);
    }

    private static ReviewEntry ReadReview(JsonElement review, string cardId, int index)
    {
        var where = $"card {cardId}, review {index}";
        if (review.ValueKind != JsonValueKind.Object)
        {
            throw new ReviewHistoryException($"{where}: expected {{\"rating\":1-4,\"t\":\"ISO 8601 UTC time\"}}, found {Kind(review)}.");
        }
        if (!review.TryGetProperty("rating", out var ratingElement)
            || ratingElement.ValueKind != JsonValueKind.Number
            || !ratingElement.TryGetInt32(out var rating)
            || rating is < 1 or > 4)
        {
            var found = review.TryGetProperty("rating", out var r) ? r.GetRawText() : "nothing";
            throw new ReviewHistoryException($"{where}: rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy), found {found}.");
        }
        if (!review.TryGetProperty("t", out var timeElement)
            || timeElement.ValueKind != JsonValueKind.String
            || !TryParseUtc(timeElement.GetString()!, out var time))
        {
            var found = review.TryGetProperty("t", out var t) ? t.GetRawText() : "nothing";
            throw new ReviewHistoryException($"{where}: \"t\" must be an ISO 8601 time with Z or an offset (e.g. \"2024-08-07T09:40:07.000Z\"), found {found}.");
        }
        return new ReviewEntry((Rating)rating, time);
    }

    private static bool TryParseUtc(string text, out DateTime utc)
    {
        // A time without a zone is ambiguous in a log that may come from anywhere: require one.
        var zoned = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        if (zoned && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            utc = parsed.UtcDateTime;
            return true;
        }
        utc = default;
        return false;
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    // The parser appends its own zero-based position; ours, one-based, is already in the message.
    private static string WithoutPosition(string message)
    {
        var end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }
}
