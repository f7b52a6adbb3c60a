using System.Diagnostics;

namespace StudyBot.Core.Tests.Scheduling.Optimization;

/// <summary>
/// Runs the reference script again with the pinned binding (when node and its npm packages are
/// installed, as scripts/test.sh does) and checks it makes exactly the committed files: the data
/// the optimizer tests read is the binding's output, not hand-edited. About two seconds.
/// </summary>
public sealed class RemadeOptimizerReferenceTests
{
    private static List<(string Path, double Value)> Numbers(string json)
    {
        var numbers = new List<(string, double)>();
        void Walk(System.Text.Json.JsonElement element, string path)
        {
            switch (element.ValueKind)
            {
                case System.Text.Json.JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        Walk(property.Value, $"{path}.{property.Name}");
                    }
                    break;
                case System.Text.Json.JsonValueKind.Array:
                    var i = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        Walk(item, $"{path}[{i++}]");
                    }
                    break;
                case System.Text.Json.JsonValueKind.Number:
                    numbers.Add((path, element.GetDouble()));
                    break;
            }
        }
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Walk(document.RootElement, "$");
        return numbers;
    }

    [OptimizerReferenceFact]
    public void Generate_Again_MakesTheCommittedFiles()
    {
        var folder = Path.GetDirectoryName(OptimizerReference.Directory)!;
        var output = Directory.CreateTempSubdirectory("studybot-optimizer-ref-").FullName;
        try
        {
            var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "generate.mjs", "--out", output })
            {
                start.ArgumentList.Add(arg);
            }
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(120_000), "node generate.mjs did not finish in 2 minutes");
            Assert.True(process.ExitCode == 0, $"node generate.mjs failed: {stderr.Result}");
            Assert.Equal(File.ReadAllText(Path.Combine(OptimizerReference.Directory, "histories.json")), File.ReadAllText(Path.Combine(output, "histories.json")));
            // The binding sums RMSE bins in hash-map order, which varies from run to run in the last bits.
            var committed = Numbers(File.ReadAllText(Path.Combine(OptimizerReference.Directory, "expected.json")));
            var remade = Numbers(File.ReadAllText(Path.Combine(output, "expected.json")));
            Assert.Equal(committed.Count, remade.Count);
            for (var i = 0; i < committed.Count; i++)
            {
                Assert.True(committed[i].Path == remade[i].Path && Math.Abs(committed[i].Value - remade[i].Value) <= 1e-7,
                    $"{committed[i].Path}: committed {committed[i].Value}, remade {remade[i].Path} {remade[i].Value}");
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}

/// <summary>Skips, saying why, when node or the npm packages of tests/reference/fsrs-optimizer are missing.</summary>
public sealed class OptimizerReferenceFactAttribute : FactAttribute
{
    public OptimizerReferenceFactAttribute()
    {
        var folder = Path.GetDirectoryName(OptimizerReference.Directory)!;
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@open-spaced-repetition", "binding")))
        {
            Skip = "the npm packages of tests/reference/fsrs-optimizer are not installed (run `npm ci` there; scripts/test.sh does)";
        }
        else if (!(Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, "node"))))
        {
            Skip = "node is not installed";
        }
    }
}
