using StudyBot.Fuzz;

namespace StudyBot.Core.Tests.Decks.Hostile;

/// <summary>
/// Every input of the fuzzing corpus, seeds and the regressions the fuzzer found (an 11 s HTML
/// field, a CSV whose separator was a quote), run through its reader with the fuzzer's own checks:
/// no exception, under 5 s, under 300 MB of heap, no import file left.
/// </summary>
[Collection(ImportFilesCollection.Name)]
public class FuzzCorpusTests
{
    private static readonly string _corpus = Path.Combine(AppContext.BaseDirectory, "fuzz-corpus");

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(_corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!file.EndsWith(".md", StringComparison.Ordinal))
            {
                data.Add(Path.GetRelativePath(_corpus, file));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Reader_CorpusInput_NeitherThrowsNorHangs(string input)
    {
        // regressions/NAME-hash goes to the reader NAME; a seed to the reader of its folder.
        var folder = Path.GetDirectoryName(input)!;
        var name = folder == "regressions" ? Path.GetFileName(input).Split('-')[0] : folder;
        var target = Assert.Single(Target.All, t => t.Name == name);
        var fuzzer = new Fuzzer(_corpus, Path.GetTempPath(), 0);

        var problem = fuzzer.Try(target, File.ReadAllBytes(Path.Combine(_corpus, input)));

        Assert.Null(problem);
    }

    [Fact]
    public void Run_ShortBudget_TriesEveryReaderAndFindsNothing()
    {
        var report = new Fuzzer(_corpus, Path.Combine(Path.GetTempPath(), "studybot-fuzz-test"), seed: 42).Run(TimeSpan.FromSeconds(2));

        Assert.Equal(0, report.Failures);
        Assert.Equal(Target.All.Select(t => t.Name).Order(), report.Tried.Keys.Order());
        Assert.All(report.Tried.Values, count => Assert.True(count > 0));
    }
}
