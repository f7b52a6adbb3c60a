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

    private static DiscordOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddLogging().AddDiscordClient(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<DiscordOptions>>().Value;
    }
}
