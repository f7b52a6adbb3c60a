using StudyBot.Tests.EndToEnd;

namespace StudyBot.Tests.Observability;

public sealed class HealthTests(PlaygroundBot bot) : IClassFixture<PlaygroundBot>
{
    [Fact]
    public async Task Health_Playground_ServedOnThePlaygroundsServer()
    {
        using var http = new HttpClient { BaseAddress = new Uri(bot.Emulator.Address) };

        var live = await http.GetAsync("/healthz");
        using var ready = await Readiness.WaitAsync(http);

        Assert.Equal(200, (int)live.StatusCode);
        Assert.Equal(200, (int)ready.StatusCode);
        var lines = (await ready.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            ["Healthy", "database: Healthy (reachable, migrations applied)", "discord: Healthy (gateway connected (1 shard(s): shard 0 connected))", "scheduler: Healthy (scheduler running)", "storage: Healthy (the database file is the one the bot opened)"],
            lines);
        // The emulator's own routes are untouched.
        Assert.Equal(200, (int)(await http.GetAsync("/")).StatusCode);
    }
}
