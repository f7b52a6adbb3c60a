using StudyBot.Discord.Models;

namespace StudyBot.Discord.Tests.Rest;

public class SecretHygieneTests
{
    private const string Token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.secret-part-of-the-token";

    [Fact]
    public void ToString_OptionsIdentifyResumeInteraction_NeverShowToken()
    {
        var texts = new object[]
        {
            new DiscordOptions { Token = Token },
            new Identify { Token = Token, Intents = GatewayIntents.Guilds, Shard = [0, 1] },
            new Resume { Token = Token, SessionId = "s", Seq = 4 },
            new Interaction { Id = 1, Token = Token, Type = InteractionType.ApplicationCommand },
        }.Select(o => o.ToString()!);

        Assert.All(texts, text => Assert.DoesNotContain("secret", text));
    }
}
