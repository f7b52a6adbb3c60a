using System.Net;
using System.Text;
using NSec.Cryptography;

namespace StudyBot.Discord.Tests.Http;

public class SignedEndpointTests(SignedEndpointFixture fixture) : IClassFixture<SignedEndpointFixture>
{
    private const string Ping = """{"id":"1","application_id":"2","type":1,"token":"t","version":1}""";
    private const string HelpCommand = """{"id":"3","application_id":"2","type":2,"token":"t","version":1,"channel_id":"9","user":{"id":"7","username":"ana"},"data":{"id":"11","name":"help","type":1}}""";

    [Fact]
    public async Task Post_ValidSignature_DispatchesToRouterAndReturnsCallback()
    {
        using var response = await PostAsync(HelpCommand, fixture.ApplicationKey, Now());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"type\":4", body);
        Assert.Contains("StudyBot turns a reading into flashcards.", body);
        Assert.Contains("\"flags\":64", body);
    }

    [Fact]
    public async Task Post_SameSignedRequestTwice_SecondIsRefusedAsReplay()
    {
        const string command = """{"id":"21","application_id":"2","type":2,"token":"t","version":1,"channel_id":"9","user":{"id":"7","username":"ana"},"data":{"id":"11","name":"help","type":1}}""";
        var timestamp = Now();
        var signature = Sign(fixture.ApplicationKey, timestamp, command);

        using var first = await SendAsync(command, signature, timestamp);
        using var replay = await SendAsync(command, signature, timestamp);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
    }

    [Fact]
    public async Task Post_Ping_AnswersPong()
    {
        using var response = await PostAsync(Ping, fixture.ApplicationKey, Now());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync());
        Assert.StartsWith("application/json", response.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task Post_TamperedBody_Returns401()
    {
        var timestamp = Now();
        var signature = Sign(fixture.ApplicationKey, timestamp, Ping);
        using var response = await SendAsync(Ping.Replace("\"type\":1", "\"type\":2"), signature, timestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_SignedWithOtherKey_Returns401()
    {
        using var other = Key.Create(SignatureAlgorithm.Ed25519);
        using var response = await PostAsync(Ping, other, Now());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_TimestampSixMinutesOld_Returns401()
    {
        var stale = fixture.Time.GetUtcNow().AddMinutes(-6).ToUnixTimeSeconds().ToString();
        using var response = await PostAsync(Ping, fixture.ApplicationKey, stale);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_TimestampFourMinutesOld_Accepted()
    {
        var recent = fixture.Time.GetUtcNow().AddMinutes(-4).ToUnixTimeSeconds().ToString();
        using var response = await PostAsync(Ping, fixture.ApplicationKey, recent);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_NoSignatureHeaders_Returns401()
    {
        using var response = await fixture.Client.PostAsync("/interactions", new StringContent(Ping, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private string Now() => fixture.Time.GetUtcNow().ToUnixTimeSeconds().ToString();

    private Task<HttpResponseMessage> PostAsync(string body, Key key, string timestamp) => SendAsync(body, Sign(key, timestamp, body), timestamp);

    private Task<HttpResponseMessage> SendAsync(string body, string signature, string timestamp)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", signature);
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return fixture.Client.SendAsync(request);
    }

    private static string Sign(Key key, string timestamp, string body)
        => Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + body))).ToLowerInvariant();
}
