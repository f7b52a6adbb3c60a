using System.Diagnostics;
using StudyBot.Core.Decks;

namespace StudyBot.Core.Tests.Decks;

/// <summary>
/// Remakes the reference packages with the npm packages (when they are installed, as
/// scripts/test.sh does in CI) and checks the fresh ones import to the same cards as the
/// committed ones: the committed files are what the scripts make, not hand-edited.
/// </summary>
[Collection(Hostile.ImportFilesCollection.Name)]
public class RemadeReferencePackagesTests
{
    [NodeReferenceFact]
    public void MakeScripts_RemadePackages_ImportLikeTheCommittedOnes()
    {
        var folder = NodeReferenceFactAttribute.ReferenceFolder()!;
        var output = Directory.CreateTempSubdirectory("studybot-remade-").FullName;
        try
        {
            Node(folder, "make-anki-apkg-export.js", output);
            Node(folder, "--experimental-detect-module --import ./browser-shims.mjs make-genanki-js.mjs", output);

            foreach (var name in new[] { "genanki-js.apkg", "anki-apkg-export.apkg" })
            {
                var committed = new DeckLoader().LoadFile(Path.Combine(folder, name)).Deck!;
                var remade = new DeckLoader().LoadFile(Path.Combine(output, name)).Deck!;
                // anki-apkg-export derives guids from the clock, so compare content, not ids.
                Assert.Equal(committed.Cards.Select(c => (c.Kind, c.Prompt, string.Join("|", c.Answers), c.Explanation)),
                    remade.Cards.Select(c => (c.Kind, c.Prompt, string.Join("|", c.Answers), c.Explanation)));
                if (name == "genanki-js.apkg")
                {
                    Assert.Equal(committed.Cards.Select(c => c.Id), remade.Cards.Select(c => c.Id));
                }
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static void Node(string folder, string arguments, string output)
    {
        var start = new ProcessStartInfo("node", $"{arguments} \"{output}\"")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), $"node {arguments} did not finish in 2 minutes");
        Assert.True(process.ExitCode == 0, $"node {arguments} failed: {stderr.Result}");
    }
}

/// <summary>Skips, saying why, when node or the reference folder's npm packages are missing.</summary>
public sealed class NodeReferenceFactAttribute : FactAttribute
{
    public NodeReferenceFactAttribute()
    {
        var folder = ReferenceFolder();
        if (folder is null)
        {
            Skip = "tests/reference/anki was not found above the test's folder";
        }
        else if (!Directory.Exists(Path.Combine(folder, "node_modules")))
        {
            Skip = "the npm packages of tests/reference/anki are not installed (run `npm ci` there; scripts/test.sh does)";
        }
        else if (!OnPath("node"))
        {
            Skip = "node is not installed";
        }
    }

    public static string? ReferenceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "reference", "anki");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }
        return null;
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => File.Exists(Path.Combine(dir, program)));
}
