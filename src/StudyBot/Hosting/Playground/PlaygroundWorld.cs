using System.ComponentModel.DataAnnotations;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using StudyBot.Emulator;
using StudyBot.Emulator.Playground;

namespace StudyBot.Hosting.Playground;

/// <summary>
/// With no bot token, StudyBot talks to a loopback Discord instead: this starts it with the
/// Playground's class (an instructor and three students, two servers) and says how to point the
/// Discord client at it. The world's ids are kept in a file beside the database
/// (<c>studybot.playground.json</c> next to <c>studybot.db</c>), so after a restart the same
/// members find their progress, settings and decks.
/// </summary>
public sealed class PlaygroundWorld : IAsyncDisposable
{
    private static readonly JsonSerializerOptions _json = new() { WriteIndented = true };

    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _saving = new();
    private Task _autosave = Task.CompletedTask;
    private long _savedVersion = -1;

    private PlaygroundWorld(DiscordEmulator emulator, PlaygroundSetup setup, string? worldFile)
    {
        Emulator = emulator;
        Setup = setup;
        WorldFile = worldFile;
        MessagesFile = worldFile is null ? null : Path.Combine(Path.GetDirectoryName(worldFile)!, Path.GetFileName(worldFile).Replace(".json", "-messages.json", StringComparison.Ordinal));
    }

    public DiscordEmulator Emulator { get; }

    public PlaygroundSetup Setup { get; }

    /// <summary>Where the world's ids are kept; null for an in-memory database (nothing lasts).</summary>
    public string? WorldFile { get; }

    /// <summary>The channels' and DMs' messages (with the files they show), saved every few seconds and at shutdown.</summary>
    public string? MessagesFile { get; }

    /// <summary>The page to open in a browser.</summary>
    public string PageUrl => Emulator.Address + "/";

    /// <summary>The class a first visit starts with; ids are picked then and kept in <see cref="WorldFile"/>.</summary>
    public static PlaygroundPlan NewClass { get; } = new(
        [
            new PlaygroundServerPlan(null, "StudyBot Playground", null, "study", null),
            new PlaygroundServerPlan(null, "Another School", null, "study", null),
        ],
        [
            new PlaygroundMemberPlan(null, "prof.lee", "Prof. Lee", "🦉", Instructor: true, null),
            new PlaygroundMemberPlan(null, "ana", "Ana", "🦊", Instructor: false, null),
            new PlaygroundMemberPlan(null, "ben", "Ben", "🐼", Instructor: false, null),
            new PlaygroundMemberPlan(null, "chloe", "Chloé", "🐧", Instructor: false, null),
        ]);

    public static async Task<PlaygroundWorld> StartAsync(IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        var options = new PlaygroundOptions();
        configuration.GetSection(PlaygroundOptions.SectionName).Bind(options);
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
        {
            throw new StartupException(string.Join(" ", problems.Select(p => p.ErrorMessage)));
        }

        var worldFile = WorldFileFor(StorageLocation.From(configuration));
        var plan = worldFile is not null && File.Exists(worldFile) ? Read(worldFile) : NewClass;
        var emulator = new DiscordEmulator(new EmulatorOptions { Port = options.Port });
        try
        {
            await emulator.StartAsync(cancellationToken);
        }
        catch (IOException e) when (e.InnerException is SocketException || e.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
        {
            await emulator.DisposeAsync();
            throw new StartupException($"Playground: port {options.Port} on 127.0.0.1 is in use; set Playground:Port to a free port (0 picks one).", e);
        }

        var setup = emulator.CreatePlayground(plan);
        if (worldFile is not null)
        {
            await File.WriteAllTextAsync(worldFile, JsonSerializer.Serialize(setup.ToPlan(), _json), cancellationToken);
        }

        var world = new PlaygroundWorld(emulator, setup, worldFile);
        world.LoadMessages();
        world._autosave = world.AutosaveAsync();
        return world;
    }

    /// <summary>Writes the channels' messages to <see cref="MessagesFile"/> when they changed since the last save.</summary>
    public void SaveMessages()
    {
        if (MessagesFile is null)
        {
            return;
        }

        lock (_saving)
        {
            var version = Emulator.State.Version;
            if (version == _savedVersion)
            {
                return;
            }

            var temporary = MessagesFile + ".tmp";
            File.WriteAllText(temporary, Emulator.ExportPlaygroundMessages().ToJsonString());
            File.Move(temporary, MessagesFile, overwrite: true);
            _savedVersion = version;
        }
    }

    private void LoadMessages()
    {
        if (MessagesFile is null || !File.Exists(MessagesFile))
        {
            return;
        }

        try
        {
            if (System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(MessagesFile)) is System.Text.Json.Nodes.JsonObject exported)
            {
                Emulator.ImportPlaygroundMessages(exported);
            }
        }
        catch (Exception e) when (e is JsonException or FormatException or NullReferenceException or InvalidOperationException)
        {
            throw new StartupException($"Playground: {MessagesFile} is not a saved message history ({e.Message}); delete it to start with empty channels.", e);
        }
    }

    private async Task AutosaveAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    SaveMessages();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Tried again at the next tick and at shutdown.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: DisposeAsync saves once more.
        }
    }

    /// <summary>
    /// Configuration that points the Discord client at the emulator. Commands are registered globally,
    /// so both of the Playground's servers (and the DMs) have them.
    /// </summary>
    public IReadOnlyDictionary<string, string?> DiscordSettings() => new Dictionary<string, string?>
    {
        ["Discord:Token"] = Emulator.BotToken,
        ["Discord:ApplicationId"] = Emulator.ApplicationId,
        ["Discord:ApiBaseUrl"] = Emulator.BaseUrl,
        ["Discord:GuildId"] = null,
        ["Discord:PublicKey"] = null,
    };

    /// <summary>studybot.db -> studybot.playground.json in the same directory; null for an in-memory database.</summary>
    public static string? WorldFileFor(StorageLocation storage)
    {
        if (!storage.IsSqlite)
        {
            return null;
        }

        var builder = new SqliteConnectionStringBuilder(storage.ConnectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is ":memory:" or "")
        {
            return null;
        }

        var database = Path.GetFullPath(builder.DataSource);
        return Path.Combine(Path.GetDirectoryName(database)!, Path.GetFileNameWithoutExtension(database) + ".playground.json");
    }

    private static PlaygroundPlan Read(string worldFile)
    {
        try
        {
            var plan = JsonSerializer.Deserialize<PlaygroundPlan>(File.ReadAllText(worldFile));
            if (plan is { Servers.Count: > 0, Members.Count: > 0 })
            {
                return plan;
            }
        }
        catch (JsonException e)
        {
            throw new StartupException($"Playground: {worldFile} is not a Playground world ({e.Message}); delete it to start a new world.", e);
        }

        throw new StartupException($"Playground: {worldFile} lists no servers or no members; delete it to start a new world.");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _autosave;
        SaveMessages();
        _stop.Dispose();
        await Emulator.DisposeAsync();
    }
}
