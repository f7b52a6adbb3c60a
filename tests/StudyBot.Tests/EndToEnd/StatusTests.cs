using System.Text.Json.Nodes;
using StudyBot.Features.Status;
using StudyBot.Hosting;

namespace StudyBot.Tests.EndToEnd;

/// <summary>/status through the emulator: a server manager sees how the bot runs; a student is refused.</summary>
public sealed class StatusTests(PlaygroundBot bot) : IClassFixture<PlaygroundBot>
{
    [Fact]
    public async Task Status_ServerManager_SeesVersionUptimeShardsDatabaseSchedulerBackupAndLastError()
    {
        var shown = await bot.RunAsync(bot.You, "status");

        Assert.True(shown.Ephemeral);
        var embed = shown.Message!["embeds"]![0]!.AsObject();
        Assert.Equal($"StudyBot {BuildInfo.Version} ({BuildInfo.Commit})", embed["title"]!.GetValue<string>());
        Assert.Contains("min", Field(embed, "Up since"));
        Assert.Equal("SQLite: healthy", Field(embed, "Database"));
        Assert.EndsWith(": healthy", Field(embed, "Scheduler"));
        Assert.StartsWith("0 of 1: connected", Field(embed, "Shards"));
        Assert.Contains("discord: Healthy", Field(embed, "Readiness"));
        Assert.Equal("no backup job (Backup:Directory is not set)", Field(embed, "Last backup"));
        Assert.NotEmpty(Field(embed, "Last error"));
    }

    [Fact]
    public async Task Status_Student_Refused()
    {
        var student = bot.AddStudent("status-student");

        var refused = await bot.RunAsync(student, "status");

        Assert.Equal(StatusModule.RefusalText, refused.Content);
    }

    private static string Field(JsonObject embed, string name) =>
        embed["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == name)!["value"]!.GetValue<string>();
}
