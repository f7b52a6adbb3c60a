using System.Text.Json;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Scheduling.Replay;

namespace StudyBot.Core.Tests.Scheduling;

/// <summary>The ts-fsrs vectors committed in tests/reference/fsrs/vectors, found from the test's base directory.</summary>
internal static class ReferenceVectors
{
    private static readonly Lazy<string> _directory = new(Locate);

    public static string Directory => _directory.Value;

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static IReadOnlyList<ReviewHistory> Histories()
    {
        using var stream = File.OpenRead(PathOf("histories.json"));
        return ReviewHistoryReader.Read(stream);
    }

    public static JsonDocument Load(string name) => JsonDocument.Parse(File.ReadAllBytes(PathOf(name)));

    public static DateTime ParseTime(string iso) =>
        DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime;

    public static FsrsCard CardFrom(JsonElement result, DateTime? lastReview) => new(
        ParseTime(result.GetProperty("due").GetString()!),
        result.GetProperty("stability").GetDouble(),
        result.GetProperty("difficulty").GetDouble(),
        0,
        result.GetProperty("scheduled_days").GetInt32(),
        result.GetProperty("learning_steps").GetInt32(),
        result.GetProperty("reps").GetInt32(),
        result.GetProperty("lapses").GetInt32(),
        (CardState)result.GetProperty("state").GetInt32(),
        lastReview);

    private static string Locate() => ReferenceFolder.Locate(Path.Combine("tests", "reference", "fsrs", "vectors"), "histories.json");
}
