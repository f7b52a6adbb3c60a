using System.Diagnostics;
using System.Text.Json.Nodes;
using static StudyBot.Discord.Tests.Emulator.EmulatorTestKit;

namespace StudyBot.Discord.Tests.Emulator;

/// <summary>Runs only where node and the npm packages of tests/reference/discord-spec are installed (scripts/test.sh installs them).</summary>
public sealed class ConformanceFactAttribute : FactAttribute
{
    public ConformanceFactAttribute()
    {
        if (ConformanceScriptTests.ScriptDirectory() is not { } dir)
        {
            Skip = "tests/reference/discord-spec was not found above the test's base directory";
        }
        else if (!Directory.Exists(Path.Combine(dir, "node_modules")))
        {
            Skip = "node packages for the conformance check are not installed (run npm ci in tests/reference/discord-spec)";
        }
    }
}

public class ConformanceScriptTests
{
    public static string? ScriptDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "reference", "discord-spec");
            if (File.Exists(Path.Combine(candidate, "check.mjs")))
            {
                return candidate;
            }
        }
        return null;
    }

    private static async Task<(int ExitCode, string Output)> CheckAsync(string recordDir)
    {
        var start = new ProcessStartInfo("node", ["check.mjs", recordDir])
        {
            WorkingDirectory = ScriptDirectory()!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    private static async Task<string> RecordAsync(params JsonObject[] messages)
    {
        var dir = Directory.CreateTempSubdirectory("conformance-").FullName;
        await using var emulator = await StartAsync(o => { o.RecordDirectory = dir; o.RateLimits.Enabled = false; });
        var channel = emulator.AddGuildWithUser("g", "c", "u").Channel.Id;
        using var http = Client(emulator);
        await http.PutAsync($"applications/{emulator.ApplicationId}/commands", Json(JsonNode.Parse("""[{"name":"help","description":"What StudyBot does"}]""")!));
        foreach (var message in messages)
        {
            await http.PostAsync($"channels/{channel}/messages", Json(message));
        }
        return dir;
    }

    [ConformanceFact]
    public async Task Check_RecordedValidBodies_PassesAndCountsThem()
    {
        var dir = await RecordAsync(new JsonObject { ["content"] = "hi", ["embeds"] = new JsonArray(new JsonObject { ["title"] = "t" }) });
        try
        {
            var (exit, output) = await CheckAsync(dir);
            Assert.Equal(0, exit);
            Assert.Contains("conformance: 2 bodies checked, 0 mismatches", output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [ConformanceFact]
    public async Task Check_BodyTheSpecRejects_FailsNamingTheField()
    {
        // The emulator accepts any allowed_mentions object; Discord's schema wants parse to be a list.
        var dir = await RecordAsync(new JsonObject { ["content"] = "hi", ["allowed_mentions"] = new JsonObject { ["parse"] = "everyone" } });
        try
        {
            var (exit, output) = await CheckAsync(dir);
            Assert.Equal(1, exit);
            Assert.Contains("allowed_mentions.parse", output);
            Assert.Contains("1 mismatches", output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
