using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StudyBot.Tests.Image;

/// <summary>The repository's Dockerfile as dockerfile-ast reads it (tests/reference/dockerfile/parse.mjs).</summary>
public sealed record ParsedDockerfile(IReadOnlyList<DockerStage> Stages)
{
    public static readonly string Root = FindRoot();

    public static readonly string ParserDirectory = Path.Combine(Root, "tests", "reference", "dockerfile");

    public DockerStage Build => Stages[0];

    public DockerStage Runtime => Stages[^1];

    public static async Task<ParsedDockerfile> ReadAsync()
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = ParserDirectory };
        start.ArgumentList.Add("parse.mjs");
        start.ArgumentList.Add(Path.Combine(Root, "Dockerfile"));
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await errors);
        return JsonSerializer.Deserialize<ParsedDockerfile>(await output, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dockerfile")) && File.Exists(Path.Combine(dir.FullName, "StudyBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No Dockerfile beside StudyBot.sln above the test's base directory.");
    }
}

public sealed record DockerStage(string Image, string? Name, IReadOnlyList<DockerInstruction> Instructions)
{
    public IEnumerable<DockerInstruction> All(string keyword) => Instructions.Where(i => i.Keyword == keyword);

    public DockerInstruction Single(string keyword) => Assert.Single(Instructions, i => i.Keyword == keyword);

    public int IndexOf(Func<DockerInstruction, bool> match) => Instructions.ToList().FindIndex(i => match(i));
}

public sealed record DockerInstruction(
    string Keyword,
    int Line,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string?>? Flags,
    IReadOnlyList<string>? Exec,
    IReadOnlyDictionary<string, string?>? Properties,
    string? Subcommand)
{
    [JsonIgnore]
    public string Text => string.Join(' ', Arguments);
}

/// <summary>A fact that needs node and the pinned Dockerfile parser; skipped with the reason when they are missing.</summary>
public sealed class DockerfileParserFactAttribute : FactAttribute
{
    public DockerfileParserFactAttribute()
    {
        if (!Directory.Exists(Path.Combine(ParsedDockerfile.ParserDirectory, "node_modules", "dockerfile-ast")))
        {
            Skip = "tests/reference/dockerfile/node_modules is missing: run npm ci there (scripts/test.sh does) to parse the Dockerfile with dockerfile-ast.";
        }
    }
}
