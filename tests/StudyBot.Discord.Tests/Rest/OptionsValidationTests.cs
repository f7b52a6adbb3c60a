using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace StudyBot.Discord.Tests.Rest;

public class OptionsValidationTests
{
    [Theory]
    [InlineData(null, null, "DISCORD_TOKEN")]
    [InlineData("Bot abc", null, "without spaces or a 'Bot ' prefix")]
    [InlineData("abc", "not-hex", "64 hex characters")]
    public void AddDiscordClient_BadSettings_FailsWithClearMessage(string? token, string? publicKey, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Discord:Token"] = token, ["Discord:PublicKey"] = publicKey }));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void AddDiscordClient_TokenFromEnvironmentStyleKey_Used()
    {
        var options = Resolve(new() { ["DISCORD_TOKEN"] = "from-env", ["Discord:ApplicationId"] = "123" });
        Assert.Equal("from-env", options.Token);
        Assert.Equal(DiscordOptions.DefaultApiBaseUrl, options.ApiBaseUrl);
    }

    [Theory]
    [InlineData("4", "0-4", "goes past Discord:ShardCount 4: shard ids run from 0 to 3")]
    [InlineData("4", "3-2", "runs backwards: write the lower id first (2-3)")]
    [InlineData("4", "a-b", "is not a shard range")]
    [InlineData("4", "0-1-2", "is not a shard range")]
    [InlineData("0", null, "Discord:ShardCount must be at least 1")]
    [InlineData(null, "0-1", "needs Discord:ShardCount")]
    public void AddDiscordClient_BadShardSettings_FailsWithClearMessage(string? count, string? shards, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Discord:Token"] = "abc", ["Discord:ShardCount"] = count, ["Discord:Shards"] = shards }));
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("4", null, null, "2-3", 2, 3, 4)]
    [InlineData("4", null, null, "2", 2, 2, 4)]
    [InlineData(null, "6", null, " 0 - 5 ", 0, 5, 6)]
    [InlineData(null, null, "3", null, 0, 2, 3)]
    [InlineData(null, null, null, null, 0, 1, 2)]
    public void ShardRangeFor_Settings_GivesTheShardsThisProcessHolds(string? count, string? oldCount, string? sameOld, string? shards, int first, int last, int total)
    {
        var options = Resolve(new()
        {
            ["Discord:Token"] = "abc",
            ["Discord:ShardCount"] = count ?? sameOld,
            ["Discord:Gateway:ShardCount"] = oldCount ?? sameOld,
            ["Discord:Shards"] = shards,
        });

        // 2 is what Discord would recommend; an explicit count wins over it.
        Assert.Equal(new StudyBot.Discord.Gateway.ShardRange(first, last, total), options.ShardRangeFor(recommended: 2));
    }

    [Fact]
    public void AddDiscordClient_OldAndNewShardCountDisagree_SaysKeepOnlyTheNewName()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Discord:Token"] = "abc", ["Discord:ShardCount"] = "4", ["Discord:Gateway:ShardCount"] = "2" }));
        Assert.Contains("Discord:ShardCount is 4 but Discord:Gateway:ShardCount (its old name) is 2: keep only Discord:ShardCount.", error.Message);
    }

    private static DiscordOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddLogging().AddDiscordClient(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<DiscordOptions>>().Value;
    }
}
