using System.Text.Json;
using StudyBot.Core.Scheduling.Optimization;
using StudyBot.Core.Scheduling.Replay;

namespace StudyBot.Core.Tests.Scheduling.Optimization;

/// <summary>The fsrs-rs binding's fits and evaluations committed in tests/reference/fsrs-optimizer/data.</summary>
internal static class OptimizerReference
{
    private static readonly Lazy<string> s_directory = new(Locate);
    private static readonly Lazy<IReadOnlyList<ReviewHistory>> s_histories = new(() =>
    {
        using var stream = File.OpenRead(Path.Combine(s_directory.Value, "histories.json"));
        return ReviewHistoryReader.Read(stream);
    });
    private static readonly Lazy<IReadOnlyList<FsrsItem>> s_items = new(() => FsrsItems.FromHistories(s_histories.Value));
    private static readonly Lazy<JsonElement> s_expected = new(() =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(s_directory.Value, "expected.json"))).RootElement);

    public static string Directory => s_directory.Value;

    public static IReadOnlyList<ReviewHistory> Histories => s_histories.Value;

    public static IReadOnlyList<FsrsItem> Items => s_items.Value;

    public static JsonElement Expected => s_expected.Value;

    public static double[] Parameters(string entry) =>
        [.. Expected.GetProperty(entry).GetProperty("parameters").EnumerateArray().Select(e => e.GetDouble())];

    public static double Number(string entry, string field) => Expected.GetProperty(entry).GetProperty(field).GetDouble();

    private static string Locate() => ReferenceFolder.Locate(Path.Combine("tests", "reference", "fsrs-optimizer", "data"), "expected.json");
}
