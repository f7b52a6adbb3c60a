using System.Text.Json;
using StudyBot.Core.Scheduling.Optimization;
using StudyBot.Core.Scheduling.Replay;

namespace StudyBot.Core.Tests.Scheduling.Optimization;

/// <summary>The fsrs-rs binding's fits and evaluations committed in tests/reference/fsrs-optimizer/data.</summary>
internal static class OptimizerReference
{
    private static readonly Lazy<string> _directory = new(Locate);
    private static readonly Lazy<IReadOnlyList<ReviewHistory>> _histories = new(() =>
    {
        using var stream = File.OpenRead(Path.Combine(_directory.Value, "histories.json"));
        return ReviewHistoryReader.Read(stream);
    });
    private static readonly Lazy<IReadOnlyList<FsrsItem>> _items = new(() => FsrsItems.FromHistories(_histories.Value));
    private static readonly Lazy<JsonElement> _expected = new(() =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_directory.Value, "expected.json"))).RootElement);

    public static string Directory => _directory.Value;

    public static IReadOnlyList<ReviewHistory> Histories => _histories.Value;

    public static IReadOnlyList<FsrsItem> Items => _items.Value;

    public static JsonElement Expected => _expected.Value;

    public static double[] Parameters(string entry) =>
        [.. Expected.GetProperty(entry).GetProperty("parameters").EnumerateArray().Select(e => e.GetDouble())];

    public static double Number(string entry, string field) => Expected.GetProperty(entry).GetProperty(field).GetDouble();

    private static string Locate() => ReferenceFolder.Locate(Path.Combine("tests", "reference", "fsrs-optimizer", "data"), "expected.json");
}
