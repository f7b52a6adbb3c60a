using System.Diagnostics;
using StudyBot.Fuzz;
using Xunit.Abstractions;

namespace StudyBot.Tests.Decks;

/// <summary>
/// Every hostile file of <see cref="HostileFiles"/> (a note type of 300,000 fields, 3,900 notes
/// near the note limit, a row of 4.9 million commas, a million YAML list items, zip bombs...),
/// made here and given to `studybot deck validate` as a user would: each is refused within 20 s,
/// exit 1, with the budget's message naming the file, and no stack trace. The time is printed;
/// `benchmarks hostile` prints the memory.
/// </summary>
public sealed class HostileCorpusCliTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("studybot-hostile-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> Files() => [.. HostileFiles.All.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Validate_HostileFile_IsRefusedInBoundedTimeNamingTheFile(string name)
    {
        var file = HostileFiles.All.Single(f => f.Name == name).Make();
        var path = Path.Combine(_dir, file.Name);
        File.WriteAllBytes(path, file.Content);
        string[] args = file.From is { } from ? ["deck", "validate", path, "--from", from] : ["deck", "validate", path];

        var watch = Stopwatch.StartNew();
        var (exit, text) = DeckCli.Run(400, args);
        watch.Stop();
        output.WriteLine($"{name}: {file.Content.Length / 1024.0 / 1024.0:0.0} MB refused in {watch.Elapsed.TotalSeconds:0.00} s");
        output.WriteLine(text);

        Assert.Equal(1, exit);
        Assert.True(file.IsRefusal(Flat(text)), $"no refusal containing '{file.Refusal}' in:\n{text}");
        Assert.Contains(file.Name, text);
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("Exception", text);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>The table wraps long messages over several lines; the words are compared without the wrapping.</summary>
    private static string Flat(string text) =>
        string.Join(' ', text.Split(['\n', ' ', '│', '|'], StringSplitOptions.RemoveEmptyEntries));
}
