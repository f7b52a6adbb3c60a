using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StudyBot.Data;
using StudyBot.Emulator;
using StudyBot.Emulator.Interactions;
using StudyBot.Emulator.Playground;
using StudyBot.Emulator.State;
using StudyBot.Hosting;

namespace StudyBot.Tests.EndToEnd;

/// <summary>
/// The real host in Playground mode: loopback Discord on a free port, the real gateway and REST
/// client, a fresh SQLite file, real Quartz on that file. One per test class.
/// </summary>
public sealed class PlaygroundBot : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "studybot-e2e-" + Guid.NewGuid().ToString("N"));
    private readonly string _schedulerName = $"StudyBotTest-{Guid.NewGuid():N}";
    private BotApplication? _app;

    public BotApplication App => _app ?? throw new InvalidOperationException("The bot is not started.");

    public DiscordEmulator Emulator => App.Playground!.Emulator;

    public PlaygroundSetup World => App.Playground!.Setup;

    public SimulatedUser You => World.You;

    public string ChannelId => World.Channel.Id;

    public string DatabaseFile => Path.Combine(_directory, "studybot.db");

    /// <summary>Extra configuration or service replacements a test class needs before the host starts.</summary>
    public Action<IHostApplicationBuilder>? Configure { get; init; }

    /// <summary>More command-line settings (read while the host is composed, unlike <see cref="Configure"/>'s).</summary>
    public string[] MoreArguments { get; init; } = [];

    /// <summary>A member of the Playground's class by display name ("Prof. Lee", "Ana", "Ben", "Chloé").</summary>
    public PlaygroundMember Member(string displayName) => World.Members.Single(m => m.DisplayName == displayName);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        await StartAsync();
    }

    /// <summary>The command line the bot starts with.</summary>
    public string[] Arguments =>
        [
            "--Playground:Port=0",
            $"--ConnectionStrings:StudyBot=Data Source={DatabaseFile}",
            $"--{SchedulingServiceCollectionExtensions.SchedulerNameKey}={_schedulerName}",
            $"--StudyBot:DecksDirectory={RepositoryDecks()}",
            .. MoreArguments,
        ];

    /// <summary>
    /// Stops the host and starts it again on the same database (and so the same Playground world),
    /// doing <paramref name="whileStopped"/> (an operator's command) in between.
    /// </summary>
    public async Task RestartAsync(Func<Task>? whileStopped = null)
    {
        await StopAsync();
        if (whileStopped is not null)
        {
            await whileStopped();
        }
        await StartAsync();
    }

    /// <summary>Stops the host; <see cref="DisposeAsync"/> still removes the files.</summary>
    public async Task StopAsync()
    {
        await App.DisposeAsync();
        _app = null;
        SqliteCleanup();
    }

    private async Task StartAsync()
    {
        _app = await BotApplication.StartAsync(Arguments, Configure);
        await App.Status.Ready.WaitAsync(TimeSpan.FromSeconds(60));
        // Each of the Playground's servers gets its essay decks when the gateway announces it; tests start
        // from that state (a server still being provisioned would write during a test's measurements).
        var guildIds = World.Servers.Select(s => ulong.Parse(s.Guild.Id, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        for (var i = 0; i < 600 && await QueryAsync(db => db.Guilds.CountAsync(g => guildIds.Contains(g.Id) && g.EssayDecksAddedUtc != null)) < guildIds.Count; i++)
        {
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        SqliteCleanup();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may linger for a moment; the temp directory is harmless.
        }
    }

    /// <summary>A new student in the Playground guild (not an instructor).</summary>
    public SimulatedUser AddStudent(string name, bool acceptsDms = true)
    {
        var user = Emulator.AddUser(name, acceptsDms);
        Emulator.State.AddMember(World.Guild.Id, user.Id);
        return user;
    }

    /// <summary>
    /// Another server the bot is in, with a study channel and a teacher (Manage Server), once its essay
    /// decks are copied (announced by GUILD_CREATE).
    /// </summary>
    public async Task<(EmuGuild Guild, EmuChannel Channel, SimulatedUser Teacher)> AddServerAsync(string name)
    {
        const ulong manageGuild = 1UL << 5;
        var state = Emulator.State;
        var guild = state.AddGuild(name);
        var channel = state.AddTextChannel(guild.Id, "study");
        var role = state.AddRole(guild.Id, "Teacher", manageGuild);
        var teacher = Emulator.AddUser("teacher-" + guild.Id);
        state.AddMember(guild.Id, teacher.Id, role.Id);
        var guildId = ulong.Parse(guild.Id, System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < 300 && !await QueryAsync(db => db.Guilds.AnyAsync(g => g.Id == guildId && g.EssayDecksAddedUtc != null)); i++)
        {
            await Task.Delay(100);
        }

        return (guild, channel, teacher);
    }

    public async Task<T> QueryAsync<T>(Func<StudyDbContext, Task<T>> query)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<StudyDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>Runs a slash command and waits for what the user sees.</summary>
    public async Task<InteractionOutcome> RunAsync(SimulatedUser user, string command, params CommandOptionInput[] options)
        => await (await user.RunCommandAsync(ChannelId, command, options)).WaitAsync(TimeSpan.FromSeconds(30));

    public async Task<InteractionOutcome> ClickAsync(SimulatedUser user, JsonObject message, string customId)
        => await (await user.ClickButtonAsync(MessageView.Id(message), customId)).WaitAsync(TimeSpan.FromSeconds(30));

    internal static string RepositoryDecks()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var decks = Path.Combine(dir.FullName, "decks");
            if (Directory.Exists(decks) && Directory.EnumerateFiles(decks, "*.yaml").Any())
            {
                return decks;
            }
        }

        throw new InvalidOperationException("No decks/*.yaml found above the test's base directory.");
    }

    private static void SqliteCleanup() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
}
