using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudyBot.Data;
using StudyBot.Data.Review;
using StudyBot.Emulator;
using StudyBot.Emulator.Interactions;
using StudyBot.Emulator.State;
using StudyBot.Hosting;

namespace StudyBot.Benchmarks;

/// <summary>
/// The real bot (the host as `studybot` runs it with a token: gateway, REST client, router,
/// features, Quartz, the database) against a loopback Discord emulator with Discord's rate limits
/// on, in one guild with an instructor and as many students as a suite needs.
/// </summary>
internal sealed class EmulatedBot : IAsyncDisposable
{
    private const ulong ManageGuild = 1UL << 5;

    private readonly string _directory;
    private BotApplication? _app;

    private EmulatedBot(DiscordEmulator discord, string directory, BenchDatabase database, EmuGuild guild, EmuChannel channel, SimulatedUser instructor)
    {
        Discord = discord;
        _directory = directory;
        Database = database;
        Guild = guild;
        Channel = channel;
        Instructor = instructor;
    }

    public DiscordEmulator Discord { get; }

    /// <summary>SQLite by default; PostgreSQL with <c>--db postgres</c>.</summary>
    public BenchDatabase Database { get; }

    public EmuGuild Guild { get; }

    public EmuChannel Channel { get; }

    public SimulatedUser Instructor { get; }

    public ulong GuildId => ulong.Parse(Guild.Id, System.Globalization.CultureInfo.InvariantCulture);

    public BotApplication App => _app ?? throw new InvalidOperationException("The bot is not started.");

    public IServiceProvider Services => App.Services;

    /// <summary>Starts the emulator (rate limits as <paramref name="options"/> say) and a guild with one instructor; the bot starts with <see cref="StartBotAsync"/>.</summary>
    public static async Task<EmulatedBot> CreateAsync(EmulatorOptions options, string[] args)
    {
        var directory = Path.Combine(Path.GetTempPath(), "studybot-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var database = await BenchDatabase.CreateAsync(args, directory, "studybot.db");
        var discord = new DiscordEmulator(options);
        await discord.StartAsync();
        var (guild, channel, instructor) = discord.AddGuildWithUser("Benchmark school", "study", "instructor");
        var role = discord.State.AddRole(guild.Id, "Instructor", ManageGuild);
        discord.State.AddMember(guild.Id, instructor.Id, role.Id);
        return new EmulatedBot(discord, directory, database, guild, channel, instructor);
    }

    /// <summary>Adds <paramref name="count"/> students to the guild (all accept DMs).</summary>
    public IReadOnlyList<SimulatedUser> AddStudents(int count)
    {
        var students = new List<SimulatedUser>(count);
        for (var i = 0; i < count; i++)
        {
            var student = Discord.AddUser($"student{i:D4}");
            Discord.State.AddMember(Guild.Id, student.Id);
            students.Add(student);
        }

        return students;
    }

    /// <summary>The answer path's group commit as <c>--batching on|off</c> says (on by default).</summary>
    public static AnswerBatching Batching(string[] args) => BatchingLabel(args) == "off" ? AnswerBatching.Off : AnswerBatching.Default;

    public static string BatchingLabel(string[] args)
    {
        var at = Array.IndexOf(args, "--batching");
        var value = at >= 0 && at + 1 < args.Length ? args[at + 1] : "on";
        return value is "on" or "off" ? value : throw new ArgumentException($"--batching '{value}': use on or off.");
    }

    public async Task StartBotAsync(AnswerBatching? batching = null, params string[] extra)
    {
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--Discord:Token={Discord.BotToken}",
            $"--Discord:ApplicationId={Discord.ApplicationId}",
            $"--Discord:ApiBaseUrl={Discord.BaseUrl}",
            $"--Discord:GuildId={Guild.Id}",
            .. Database.HostArguments,
            $"--{SchedulingServiceCollectionExtensions.SchedulerNameKey}=StudyBotBench-{Guid.NewGuid():N}",
            "--StudyBot:DefaultTimeZone=Etc/UTC",
            .. extra,
        ];
        _app = await BotApplication.StartAsync(args, builder =>
        {
            builder.Logging
                .SetMinimumLevel(LogLevel.Warning)
                // EF reports its first look for the migrations table of a fresh database as a failed command.
                .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None)
                .AddFilter("Microsoft.EntityFrameworkCore.Migrations", LogLevel.Error);
            if (batching is not null)
            {
                builder.Services.AddSingleton(batching);
            }
        });
        await _app.Status.Ready.WaitAsync(TimeSpan.FromSeconds(60));
        // The guild's essay decks are copied when the gateway announces it; suites start from that state.
        for (var i = 0; i < 600 && !await QueryAsync(db => db.Guilds.AnyAsync(g => g.Id == GuildId && g.EssayDecksAddedUtc != null)); i++)
        {
            await Task.Delay(100);
        }
    }

    public async Task<T> QueryAsync<T>(Func<StudyDbContext, Task<T>> query)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<StudyDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await Discord.DisposeAsync();
        await Database.DisposeAsync();
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
