using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace StudyBot.Hosting.Playground;

public static class PlaygroundServiceCollectionExtensions
{
    /// <summary>Makes the running Playground available to the host and announces its page once the bot answers.</summary>
    public static IServiceCollection AddPlayground(this IServiceCollection services, PlaygroundWorld world)
    {
        services.AddSingleton(world);
        services.AddSingleton(world.Emulator);
        services.AddHostedService<PlaygroundAnnouncer>();
        return services;
    }
}

/// <summary>Logs the Playground's address prominently once the bot is ready to answer there.</summary>
internal sealed class PlaygroundAnnouncer(PlaygroundWorld world, BotStatus status, ILogger<PlaygroundAnnouncer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("No bot token configured (DISCORD_TOKEN or Discord:Token): starting the Playground, a loopback Discord");
        try
        {
            await status.Ready.WaitAsync(stoppingToken);
        }
        catch (Exception) when (status.Failure is not null || stoppingToken.IsCancellationRequested)
        {
            return;
        }

        logger.LogInformation("Playground: {Url}  (open it in a browser; be the instructor or a student and try /help and /review in #study)", world.PageUrl);
        if (world.WorldFile is not null)
        {
            logger.LogInformation("Playground world kept in {File}: its servers and members are the same after a restart (Reset the Playground on the page starts afresh)", world.WorldFile);
        }
    }
}
