using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NSec.Cryptography;
using StudyBot.Discord.Http;
using StudyBot.Discord.Interactions;

namespace StudyBot.Discord.Tests.Http;

/// <summary>The real interactions endpoint on Kestrel, loopback, on a free port, with a fake clock.</summary>
public sealed class SignedEndpointFixture : IAsyncLifetime
{
    public Key ApplicationKey { get; } = Key.Create(SignatureAlgorithm.Ed25519);

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2026-03-01T12:00:00Z"));

    public HttpClient Client { get; } = new();

    private WebApplication? _app;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "endpoint-test-token",
            ["Discord:ApiBaseUrl"] = "http://127.0.0.1:9/api/v10",
            ["Discord:PublicKey"] = Convert.ToHexString(ApplicationKey.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
        });
        builder.Services.AddKeyedSingleton<TimeProvider>(DiscordTime.Key, Time);
        builder.Services.AddDiscordClient(builder.Configuration);
        builder.Services.AddDiscordInteractions(r => r.Command("help", ctx => ctx.Responder.ReplyEphemeralAsync("StudyBot turns a reading into flashcards.")));
        _app = builder.Build();
        _app.MapDiscordInteractions("/interactions");
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client.BaseAddress = new Uri(address);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        ApplicationKey.Dispose();
    }
}
