using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;
using StudyBot.Emulator;
using StudyBot.Hosting;

namespace StudyBot.Tests.EndToEnd;

/// <summary>
/// The real host in HTTP interactions endpoint mode: Kestrel on a free loopback port, a fresh
/// Ed25519 key pair standing in for the application's, REST against a started emulator, a fresh
/// SQLite file. Tests POST signed interactions as Discord would. One per test class.
/// </summary>
public sealed class EndpointBot : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "studybot-endpoint-" + Guid.NewGuid().ToString("N"));
    private BotApplication? _app;

    public Key ApplicationKey { get; } = Key.Create(SignatureAlgorithm.Ed25519);

    public DiscordEmulator Discord { get; } = new();

    public HttpClient Client { get; private set; } = new();

    public BotApplication App => _app ?? throw new InvalidOperationException("The bot is not started.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        await Discord.StartAsync();
        await StartAsync();
    }

    /// <summary>Stops the bot and starts a new one on the same database, key and Discord (on a new port: <see cref="Client"/> is replaced).</summary>
    public async Task RestartAsync()
    {
        await App.DisposeAsync();
        _app = null;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Client.Dispose();
        Client = new HttpClient();
        await StartAsync();
    }

    private async Task StartAsync()
    {
        _app = await BotApplication.StartAsync(
            [
                "--urls=http://127.0.0.1:0",
                $"--Discord:Token={Discord.BotToken}",
                $"--Discord:ApplicationId={Discord.ApplicationId}",
                $"--Discord:ApiBaseUrl={Discord.BaseUrl}",
                $"--Discord:PublicKey={Convert.ToHexString(ApplicationKey.PublicKey.Export(KeyBlobFormat.RawPublicKey))}",
                $"--ConnectionStrings:StudyBot=Data Source={Path.Combine(_directory, "studybot.db")}",
                $"--{SchedulingServiceCollectionExtensions.SchedulerNameKey}=StudyBotEndpoint-{Guid.NewGuid():N}",
            ]);
        await App.Status.Ready.WaitAsync(TimeSpan.FromSeconds(60));
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Client.BaseAddress = new Uri(address);
    }

    /// <summary>POSTs <paramref name="body"/> to /interactions with Discord's two signature headers.</summary>
    public Task<HttpResponseMessage> PostAsync(string body, string signature, string timestamp)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", signature);
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return Client.SendAsync(request);
    }

    /// <summary>Discord's signature: Ed25519 over the timestamp followed by the raw body, hex.</summary>
    public string Sign(string timestamp, string body)
        => Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(ApplicationKey, Encoding.UTF8.GetBytes(timestamp + body))).ToLowerInvariant();

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await Discord.DisposeAsync();
        ApplicationKey.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may linger for a moment; the temp directory is harmless.
        }
    }
}
