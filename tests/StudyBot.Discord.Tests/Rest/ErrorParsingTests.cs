using System.Net;
using System.Text;
using StudyBot.Discord.Rest;

namespace StudyBot.Discord.Tests.Rest;

public class ErrorParsingTests
{
    [Fact]
    public void ToException_InvalidFormBody_FlattensFieldPaths()
    {
        const string body = """
            {"code":50035,"message":"Invalid Form Body","errors":{"embeds":{"0":{"description":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 4096 or fewer in length."}]}}},"content":{"_errors":[{"code":"X","message":"Too long."}]}}}
            """;

        var error = DiscordErrorParser.ToException("POST /channels/{channel_id}/messages", HttpStatusCode.BadRequest, Encoding.UTF8.GetBytes(body), null);

        Assert.Equal(DiscordErrorCode.InvalidFormBody, error.Code);
        Assert.Contains("embeds.0.description: Must be 4096 or fewer in length. [BASE_TYPE_MAX_LENGTH]", error.FieldErrors);
        Assert.Contains("content: Too long. [X]", error.FieldErrors);
        Assert.Contains("embeds.0.description", error.Message);
        Assert.Contains("POST /channels/{channel_id}/messages", error.Message);
    }

    [Theory]
    [InlineData(50007, nameof(DiscordApiException.IsCannotDirectMessage))]
    [InlineData(10062, nameof(DiscordApiException.IsUnknownInteraction))]
    [InlineData(40060, nameof(DiscordApiException.IsAlreadyAcknowledged))]
    public void ToException_KnownCodes_Flagged(int code, string property)
    {
        var error = DiscordErrorParser.ToException("r", HttpStatusCode.BadRequest, Encoding.UTF8.GetBytes($$"""{"code":{{code}},"message":"m"}"""), null);
        Assert.True((bool)typeof(DiscordApiException).GetProperty(property)!.GetValue(error)!);
    }

    [Fact]
    public void ToException_Unauthorized_TypedAndNamesToken()
    {
        var error = DiscordErrorParser.ToException("GET /users/@me", HttpStatusCode.Unauthorized, Encoding.UTF8.GetBytes("""{"code":0,"message":"401: Unauthorized"}"""), null);
        Assert.IsType<DiscordUnauthorizedException>(error);
        Assert.Contains("DISCORD_TOKEN", error.Message);
    }

    [Fact]
    public void ToException_HtmlBody_StillDescribesStatus()
    {
        var error = DiscordErrorParser.ToException("r", HttpStatusCode.BadGateway, Encoding.UTF8.GetBytes("<html>bad gateway</html>"), null);
        Assert.Equal(0, error.Code);
        Assert.Contains("502", error.Message);
    }
}
