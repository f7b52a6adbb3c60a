using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using StudyBot.Cli;
using StudyBot.Discord;
using StudyBot.Discord.Http;
using StudyBot.Hosting.Backups;
using StudyBot.Hosting.Playground;
using StudyBot.Observability;

namespace StudyBot.Hosting;

/// <summary>
/// The running bot: the host composed of one AddXxx() per feature, connected to Discord when a
/// token is configured, otherwise to the Playground's loopback Discord.
/// </summary>
public sealed class BotApplication : IAsyncDisposable
{
    private readonly IHost _host;

    private BotApplication(IHost host, PlaygroundWorld? playground)
    {
        _host = host;
        Playground = playground;
    }

    public IServiceProvider Services => _host.Services;

    public PlaygroundWorld? Playground { get; }

    public BotStatus Status => Services.GetRequiredService<BotStatus>();

    /// <summary>Builds and starts the host. Throws <see cref="StartupException"/> (one line) when the configuration is wrong.</summary>
    /// <param name="configure">Lets tests replace services (e.g. the study clock) after composition.</param>
    public static async Task<BotApplication> StartAsync(string[] args, Action<IHostApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var (hasToken, httpEndpoint) = ChooseMode(args);
        // With a token the host serves HTTP itself (health, metrics, and the endpoint when chosen);
        // the Playground's web server is the emulator's, which the host borrows for health and metrics.
        IHostApplicationBuilder builder = hasToken ? WebApplication.CreateBuilder(args) : Host.CreateApplicationBuilder(args);
        PlaygroundWorld? playground = null;
        try
        {
            if (!HasToken(builder.Configuration))
            {
                playground = await PlaygroundWorld.StartAsync(builder.Configuration, cancellationToken);
                builder.Configuration.AddInMemoryCollection(playground.DiscordSettings());
            }
            else if (string.IsNullOrWhiteSpace(builder.Configuration["Discord:ApplicationId"]))
            {
                // Both modes register the slash commands at start, which needs the application id.
                throw new StartupException("configuration: Discord:ApplicationId is required with a token: StudyBot registers its slash commands at start.");
            }

            Compose(builder, playground, httpEndpoint);
            configure?.Invoke(builder);
            IHost host = builder is WebApplicationBuilder web ? MapEndpoints(web.Build(), httpEndpoint) : ((HostApplicationBuilder)builder).Build();
            playground?.Emulator.ServeHostPaths(HealthEndpoints.Paths, HealthEndpoints.Handler(host.Services));
            try
            {
                await host.StartAsync(cancellationToken);
            }
            catch
            {
                host.Dispose();
                throw;
            }

            AnnounceHealthEndpoints(host, playground);

            return new BotApplication(host, playground);
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

    private static void Compose(IHostApplicationBuilder builder, PlaygroundWorld? playground, bool httpEndpoint)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
            o.ColorBehavior = TerminalOutput.Plain(Console.IsOutputRedirected, Environment.GetEnvironmentVariable("NO_COLOR"))
                ? LoggerColorBehavior.Disabled
                : LoggerColorBehavior.Default;
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
        services.AddBackups();
        services.AddEssayDeckSeeding();
        services.AddStudyBotFeatures();
        services.AddStudyBotObservability(httpEndpoint);
        services.AddDiscordConnection(httpEndpoint);
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
        _ => e,
    };

    /// <summary>Waits until the host stops (Ctrl+C, SIGTERM, or Discord refusing the bot).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _host.WaitForShutdownAsync(cancellationToken);

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
