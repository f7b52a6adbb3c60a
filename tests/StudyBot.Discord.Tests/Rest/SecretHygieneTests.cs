using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;

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

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task Send_ServerEchoesAuthorization_TokenNeverInTheError(HttpStatusCode status)
    {
        using var client = new DiscordRestClient(new HttpClient(new EchoingHandler(status)),
            Options.Create(new DiscordOptions { Token = Token, ApiBaseUrl = "https://echo.test/api/v10" }), new FakeTimeProvider(), NullLogger<DiscordRestClient>.Instance);

        var error = await Assert.ThrowsAnyAsync<DiscordApiException>(() => client.GetCurrentUserAsync());

        Assert.Contains("you sent Authorization: Bot [redacted]", error.Message);
        Assert.DoesNotContain("secret-part", error.ToString());
        Assert.All(error.FieldErrors, field => Assert.DoesNotContain("secret-part", field));
    }

    [Fact]
    public void Redact_TokenShapedTextOtherThanTheConfiguredToken_IsRemovedToo()
    {
        const string other = "OTk5OTk5OTk5OTk5OTk5OTk5.Xyzabc.another-token-of-some-other-bot";

        var text = SecretRedactor.Redact($"close 4004: token {other} and {Token}", "unrelated-configured-token");

        Assert.Equal("close 4004: token [redacted] and [redacted]", text);
    }

    /// <summary>A server that puts the Authorization header it received into its error message and field errors.</summary>
    private sealed class EchoingHandler(HttpStatusCode status) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var echoed = JsonSerializer.Serialize($"you sent Authorization: {request.Headers.Authorization}");
            var body = "{\"code\":50035,\"message\":" + echoed + ",\"errors\":{\"token\":{\"_errors\":[{\"code\":\"X\",\"message\":" + echoed + "}]}}}";
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
