using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Data.Backup;
using StudyBot.Discord;
using StudyBot.Discord.Http;
using StudyBot.Features.Guilds;
using StudyBot.Hosting.Backups;
using StudyBot.Hosting.Retention;
using StudyBot.Hosting.Playground;
using StudyBot.Observability;

namespace StudyBot.Hosting;

/// <summary>
/// The running bot: the host composed of one AddXxx() per feature, connected to Discord when a
/// token is configured, otherwise to the Playground's loopback Discord.
/// </summary>
public sealed class BotApplication : IAsyncDisposable
{
    private readonly string[] _args;
    private readonly Action<IHostApplicationBuilder>? _configure;
    private readonly SemaphoreSlim _resetting = new(1, 1);
    private IHost _host;
    private Task _lastReset = Task.CompletedTask;
    private long _stopping;

    private BotApplication(IHost host, PlaygroundWorld? playground, string[] args, Action<IHostApplicationBuilder>? configure)
    {
        _host = host;
        _args = args;
        _configure = configure;
        Playground = playground;
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => Interlocked.CompareExchange(ref _stopping, System.Diagnostics.Stopwatch.GetTimestamp(), 0));
        if (playground is not null)
        {
            playground.Emulator.PlaygroundReset = ResetPlaygroundAsync;
        }
    }

    /// <summary>The current host's services (a Playground reset starts a new host).</summary>
    public IServiceProvider Services => _host.Services;

    public PlaygroundWorld? Playground { get; }

    public BotStatus Status => Services.GetRequiredService<BotStatus>();

    /// <summary>Builds and starts the host. Throws <see cref="StartupException"/> (one line) when the configuration is wrong.</summary>
    /// <param name="configure">Lets tests replace services (e.g. the study clock) after composition.</param>
    public static async Task<BotApplication> StartAsync(string[] args, Action<IHostApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        ThreadPoolFloor.Ensure();
        // The same sources the host reads: appsettings.json, the environment, arguments.
        using var configuration = Host.CreateApplicationBuilder(args).Configuration;
        PlaygroundWorld? playground = null;
        try
        {
            // Looked for before the Playground writes its world file on a first start.
            var lost = LostDatabaseEvidence(configuration);
            if (!HasToken(configuration))
            {
                playground = await PlaygroundWorld.StartAsync(configuration, cancellationToken);
            }

            if (lost is not null)
            {
                throw new StartupException(lost);
            }

            if (HasToken(configuration) && string.IsNullOrWhiteSpace(configuration["Discord:ApplicationId"]))
            {
                // Both modes register the slash commands at start, which needs the application id.
                throw new StartupException("configuration: Discord:ApplicationId is required with a token: StudyBot registers its slash commands at start.");
            }

            var host = await StartHostAsync(args, configure, playground, cancellationToken);
            return new BotApplication(host, playground, args, configure);
        }
        catch (Exception e) when (playground is not null)
        {
            await playground.DisposeAsync();
            throw Describe(e);
        }
        catch (Exception e)
        {
            throw Describe(e);
        }
    }

    /// <summary>
    /// One line when the SQLite database is missing but files beside it say there was one (see
    /// <see cref="LostDatabase"/>); null when it exists, is new, or is not a file.
    /// </summary>
    private static string? LostDatabaseEvidence(IConfiguration configuration)
    {
        var storage = StorageLocation.From(configuration);
        if (!storage.IsSqlite || Data.Infrastructure.StorageHealth.FileOf(storage.ConnectionString) is not { } file)
        {
            return null;
        }
        var evidence = LostDatabase.Evidence(file, [PlaygroundWorld.WorldFileFor(storage)]);
        return evidence.Count == 0 ? null : LostDatabase.Describe(file, evidence);
    }

    private static async Task<IHost> StartHostAsync(string[] args, Action<IHostApplicationBuilder>? configure, PlaygroundWorld? playground, CancellationToken cancellationToken)
    {
        var (hasToken, httpEndpoint) = ChooseMode(args);
        // With a token the host serves HTTP itself (health, metrics, and the endpoint when chosen);
        // the Playground's web server is the emulator's, which the host borrows for health and metrics.
        IHostApplicationBuilder builder = hasToken ? WebApplication.CreateBuilder(args) : Host.CreateApplicationBuilder(args);
        if (playground is not null)
        {
            builder.Configuration.AddInMemoryCollection(playground.DiscordSettings());
        }

        Compose(builder, playground, httpEndpoint);
        configure?.Invoke(builder);
        var host = builder is WebApplicationBuilder web ? MapEndpoints(web.Build(), httpEndpoint) : ((HostApplicationBuilder)builder).Build();
        playground?.Emulator.ServeHostPaths(HealthEndpoints.Paths, HealthEndpoints.Handler(host.Services));
        try
        {
            await DatabaseWait.UntilReachableAsync(host.Services, cancellationToken);
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        var mode = playground is not null ? "Playground" : httpEndpoint ? "HTTP interactions endpoint" : "Discord gateway";
        host.Services.GetRequiredService<ILogger<BotApplication>>()
            .LogInformation("StudyBot {Version} (commit {Commit}) started: {Mode} mode, {Database}", BuildInfo.Version, BuildInfo.Commit, mode, StorageLocation.From(host.Services.GetRequiredService<IConfiguration>()).Target.Describe());
        AnnounceHealthEndpoints(host, playground);
        return host;
    }

    /// <summary>
    /// The page's "Reset the Playground": stops the bot, deletes the database (progress, settings,
    /// reminders, quizzes, uploaded decks), empties the Playground's channels and DMs, and starts the
    /// bot again on a fresh database. The world's servers and members keep their ids.
    /// </summary>
    public async Task ResetPlaygroundAsync()
    {
        var playground = Playground ?? throw new InvalidOperationException("Only the Playground can be reset.");
        await _resetting.WaitAsync();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _lastReset = done.Task;
        try
        {
            var old = _host;
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
            {
                await old.StopAsync(timeout.Token);
            }

            old.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            StorageLocation storage;
            using (var configuration = Host.CreateApplicationBuilder(_args).Configuration)
            {
                storage = StorageLocation.From(configuration);
            }

            if (PlaygroundWorld.WorldFileFor(storage) is not null)
            {
                var database = Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(storage.ConnectionString).DataSource);
                foreach (var file in new[] { database, database + "-wal", database + "-shm", database + "-journal" })
                {
                    File.Delete(file);
                }
            }

            playground.Emulator.ClearPlayground();
            playground.SaveMessages();
            _host = await StartHostAsync(_args, _configure, playground, CancellationToken.None);
            await Status.Ready.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            done.SetResult();
            _resetting.Release();
        }
    }

    private static void Compose(IHostApplicationBuilder builder, PlaygroundWorld? playground, bool httpEndpoint)
    {
        LogFormat.Configure(builder.Logging, builder.Configuration);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        // A start-up failure is reported as one line by BotHost; the host's own report would repeat it with a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Logging.AddFilter("Quartz", LogLevel.Warning);
        // Each failing probe is logged there at Error; ReadinessLog logs each change of readiness once instead.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);

        var storage = StorageLocation.From(builder.Configuration);
        var services = builder.Services;
        services.AddStudyBotCore();
        services.AddStudyStorage(storage);
        services.AddDiscordClient(builder.Configuration);
        services.AddStudyScheduling(builder.Configuration, storage);
        services.AddBackups();
        services.AddRetention();
        services.AddGuilds();
        services.AddStudyBotFeatures();
        services.AddStudyBotObservability(httpEndpoint, builder.Configuration);
        services.AddDiscordConnection(httpEndpoint, builder.Configuration, storage);
        if (playground is not null)
        {
            services.AddPlayground(playground);
        }
    }

    private static WebApplication MapEndpoints(WebApplication app, bool httpEndpoint)
    {
        app.UseStudyBotHealthEndpoints();
        if (httpEndpoint)
        {
            app.MapDiscordInteractions();
        }

        return app;
    }

    /// <summary>
    /// Whether a token is set and whether Discord:PublicKey chooses the HTTP endpoint, read from the
    /// same sources the host reads (appsettings.json, the environment, arguments).
    /// </summary>
    private static (bool HasToken, bool HttpEndpoint) ChooseMode(string[] args)
    {
        using var configuration = Host.CreateApplicationBuilder(args).Configuration;
        var hasToken = HasToken(configuration);
        return (hasToken, hasToken && !string.IsNullOrWhiteSpace(configuration["Discord:PublicKey"]));
    }

    private static void AnnounceHealthEndpoints(IHost host, PlaygroundWorld? playground)
    {
        var address = playground?.Emulator.Address
            ?? host.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        host.Services.GetRequiredService<ILogger<BotApplication>>()
            .LogInformation("Health and metrics: {Address}{Liveness}, {Readiness}, {Metrics}", address, HealthEndpoints.Liveness, HealthEndpoints.Readiness, HealthEndpoints.Metrics);
    }

    private static bool HasToken(IConfiguration configuration)
        => !string.IsNullOrWhiteSpace(configuration["Discord:Token"]) || !string.IsNullOrWhiteSpace(configuration["DISCORD_TOKEN"]);

    private static Exception Describe(Exception e) => e switch
    {
        StartupException => e,
        Data.Infrastructure.DatabaseNotWritableException => new StartupException(e.Message, e),
        OptionsValidationException options => new StartupException("configuration: " + string.Join(" ", options.Failures.Select(ConfigurationProblem.Clean)), e),
        _ when DiscordRefusal.Describe(e) is { } reason => new StartupException(reason, e),
        // A refused connection or a failed migration: one line, not a stack trace with the build's paths.
        System.Data.Common.DbException db => new StartupException(DatabaseWait.Describe(db), e),
        _ => e,
    };

    /// <summary>Waits until the host stops (Ctrl+C, SIGTERM, or Discord refusing the bot).</summary>
    public async Task WaitForShutdownAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var host = _host;
            await host.WaitForShutdownAsync(cancellationToken);
            // A Playground reset stops the host it replaces: wait for the new one instead.
            await _lastReset;
            if (ReferenceEquals(host, _host))
            {
                return;
            }
        }
    }

    /// <summary>Why the bot stops, for the shutdown line (a signal, or Discord refusing the bot); "stopped" when nobody said.</summary>
    public string? StopReason { get; set; }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // A signal stops the host before this runs: the stop is timed from when it began.
            var started = Interlocked.Read(ref _stopping) is > 0 and var began ? began : System.Diagnostics.Stopwatch.GetTimestamp();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _host.StopAsync(timeout.Token);
            _host.Services.GetRequiredService<ILogger<BotApplication>>().LogInformation(
                "StudyBot stopped ({Reason}) in {Milliseconds} ms",
                Status.Failure is { } failure ? "Discord refused the bot: " + failure : StopReason ?? "stopped",
                (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        finally
        {
            _host.Dispose();
            if (Playground is not null)
            {
                await Playground.DisposeAsync();
            }
        }
    }
}
