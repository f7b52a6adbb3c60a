using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;
using StudyBot.Emulator;
using StudyBot.Hosting;

namespace StudyBot.Tests.EndToEnd;

public sealed class AppSettingsTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("studybot-appsettings-").FullName;
    private readonly DiscordEmulator _discord = new();

    public Task InitializeAsync() => _discord.StartAsync();

    [Fact]
    public async Task Run_EverySettingFromAppSettingsJson_EndpointModeChosenByItsPublicKey()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var settings = new
        {
            Discord = new
            {
                Token = _discord.BotToken,
                ApplicationId = _discord.ApplicationId,
                ApiBaseUrl = _discord.BaseUrl,
                PublicKey = Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
            },
            ConnectionStrings = new { StudyBot = $"Data Source={Path.Combine(_directory, "settings.db")}" },
            Quartz = new { SchedulerName = $"AppSettings-{Guid.NewGuid():N}" },
        };
        await File.WriteAllTextAsync(Path.Combine(_directory, "appsettings.json"), JsonSerializer.Serialize(settings));

        await using var app = await BotApplication.StartAsync([$"--contentRoot={_directory}", "--urls=http://127.0.0.1:0"]);
        await app.Status.Ready.WaitAsync(TimeSpan.FromSeconds(60));

        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()) };
        var unsigned = await http.PostAsync("/interactions", new StringContent("{\"type\":1}"));
        Assert.Equal(401, (int)unsigned.StatusCode);
        using var ready = await Observability.Readiness.WaitAsync(http);
        var readiness = await ready.Content.ReadAsStringAsync();
        Assert.True(ready.IsSuccessStatusCode, readiness);
        Assert.Contains("discord: Healthy (interactions endpoint ready)", readiness);
        Assert.True(File.Exists(Path.Combine(_directory, "settings.db")));
        Assert.Equal(0, _discord.Gateway.ConnectionCount);
    }

    public async Task DisposeAsync()
    {
        await _discord.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
