using System.Text.RegularExpressions;
using StudyBot.Testing;

namespace StudyBot.Tests.Docs;

/// <summary>
/// docs/design.md names the files a maintainer starts from: every <c>src/...</c> path it quotes, and
/// every file of its feature map (under the folder of its row), must exist, so a rename or a deletion
/// that forgets the doc fails here.
/// </summary>
public sealed partial class DesignDocTests
{
    private static readonly string _design = File.ReadAllText(Repository.Path("docs", "design.md"));

    [Fact]
    public void SourcePaths_InDesignDoc_AllExist()
    {
        var paths = SourcePath().Matches(_design).Select(m => m.Groups[1].Value.TrimEnd('/')).Distinct(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(paths);
        // Listed by name, so a failure says which paths to fix.
        Assert.Equal([], paths.Where(p => !File.Exists(Repository.Path(p)) && !Directory.Exists(Repository.Path(p))).ToArray());
    }

    [Fact]
    public void FeatureMap_InDesignDoc_NamesFilesOfItsFolders()
    {
        var rows = FeatureRow().Matches(_design).ToList();
        var files = rows.SelectMany(r => FileName().Matches(r.Groups[2].Value).Select(f => $"src/StudyBot/{r.Groups[1].Value}/{f.Groups[1].Value}")).ToList();

        Assert.True(rows.Count >= 10, $"the feature map has {rows.Count} rows of the form | `Features/X` | ... | `File.cs`, ... |");
        Assert.Equal([], files.Where(f => !File.Exists(Repository.Path(f))).ToArray());
    }

    [Fact]
    public void SourcePath_ThatDoesNotExist_IsFound()
    {
        var doc = "see `src/StudyBot/Features/Shared/NoSuchFile.cs` and `src/StudyBot/Features/Shared/PlaceGate.cs`";

        var missing = SourcePath().Matches(doc).Select(m => m.Groups[1].Value).Where(p => !File.Exists(Repository.Path(p))).ToList();

        Assert.Equal(["src/StudyBot/Features/Shared/NoSuchFile.cs"], missing);
    }

    [GeneratedRegex(@"`(src/[A-Za-z0-9_./-]+)`")]
    private static partial Regex SourcePath();

    // A feature map row: | `Features/Review` | what it owns | `ReviewModule.cs`, `ReviewService.cs` |
    [GeneratedRegex(@"^\| `(Features/[A-Za-z]+)` \|[^|\n]*\|([^|\n]*)\|", RegexOptions.Multiline)]
    private static partial Regex FeatureRow();

    [GeneratedRegex(@"`([A-Za-z0-9_.]+\.cs)`")]
    private static partial Regex FileName();
}
