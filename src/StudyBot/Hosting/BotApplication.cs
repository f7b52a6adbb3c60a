using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Discord;
using StudyBot.Discord.Http;
using StudyBot.Features.Decks;
using StudyBot.Features.Help;
using StudyBot.Features.Quiz;
using StudyBot.Features.Reminders;
using StudyBot.Features.Review;
using StudyBot.Features.Settings;
using StudyBot.Features.Stats;
using StudyBot.Hosting.Playground;

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

    private BotApplication(IHost host, PlaygroundWorld? playground, string[] args, Action<IHostApplicationBuilder>? configure)
    {
        _host = host;
        _args = args;
        _configure = configure;
        Playground = playground;
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
        var builder = NewBuilder(args);
        PlaygroundWorld? playground = null;
        try
        {
            if (!HasToken(builder.Configuration))
            {
                playground = await PlaygroundWorld.StartAsync(builder.Configuration, cancellationToken);
            }
            else if (string.IsNullOrWhiteSpace(builder.Configuration["Discord:ApplicationId"]))
            {
                // Both modes register the slash commands at start, which needs the application id.
                throw new StartupException("configuration: Discord:ApplicationId is required with a token: StudyBot registers its slash commands at start.");
            }

            var host = await StartHostAsync(builder, configure, playground, cancellationToken);
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

    /// <summary>A web host for the HTTP interactions endpoint (token and public key set), else a plain host.</summary>
    private static IHostApplicationBuilder NewBuilder(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        var httpEndpoint = !string.IsNullOrWhiteSpace(configuration["Discord:PublicKey"]) && HasToken(configuration);
        return httpEndpoint ? WebApplication.CreateBuilder(args) : Host.CreateApplicationBuilder(args);
    }

    private static async Task<IHost> StartHostAsync(IHostApplicationBuilder builder, Action<IHostApplicationBuilder>? configure, PlaygroundWorld? playground, CancellationToken cancellationToken)
    {
        if (playground is not null)
        {
            builder.Configuration.AddInMemoryCollection(playground.DiscordSettings());
        }

        Compose(builder, playground, builder is WebApplicationBuilder);
        configure?.Invoke(builder);
        IHost host = builder is WebApplicationBuilder web ? MapEndpoint(web.Build()) : ((HostApplicationBuilder)builder).Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }

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
            var builder = NewBuilder(_args);
            var storage = StorageLocation.From(builder.Configuration);
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
            _host = await StartHostAsync(builder, _configure, playground, CancellationToken.None);
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
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        // A start-up failure is reported as one line by BotHost; the host's own report would repeat it with a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Logging.AddFilter("Quartz", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);

        var storage = StorageLocation.From(builder.Configuration);
        var services = builder.Services;
        services.AddStudyBotCore();
        services.AddStudyStorage(storage);
        services.AddDiscordClient(builder.Configuration);
        services.AddStudyScheduling(builder.Configuration, storage);
        services.AddEssayDeckSeeding();
        services.AddHelp();
        services.AddReview();
        services.AddDecks();
        services.AddStudySettings();
        services.AddReminders();
        services.AddQuiz();
        services.AddStats();
        services.AddDiscordConnection(httpEndpoint);
        if (playground is not null)
        {
            services.AddPlayground(playground);
        }
    }

    private static WebApplication MapEndpoint(WebApplication app)
    {
        app.MapDiscordInteractions();
        return app;
    }

    private static bool HasToken(IConfiguration configuration)
        => !string.IsNullOrWhiteSpace(configuration["Discord:Token"]) || !string.IsNullOrWhiteSpace(configuration["DISCORD_TOKEN"]);

    private static Exception Describe(Exception e) => e switch
    {
        StartupException => e,
        OptionsValidationException options => new StartupException("configuration: " + string.Join(" ", options.Failures.Select(ConfigurationProblem.Clean)), e),
        _ when DiscordRefusal.Describe(e) is { } reason => new StartupException(reason, e),
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

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _host.StopAsync(timeout.Token);
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
