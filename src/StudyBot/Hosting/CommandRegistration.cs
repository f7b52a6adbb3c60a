using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyBot.Discord.Interactions;
using StudyBot.Hosting.Commands;

namespace StudyBot.Hosting;

/// <summary>HTTP interactions endpoint mode: no gateway, so the commands are registered at start.</summary>
internal sealed class CommandRegistration(CommandRegistrar registrar, CommandCatalog catalog, BotStatus status, ILogger<CommandRegistration> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await registrar.RegisterAsync([.. catalog.Commands.Select(c => c.Definition)], cancellationToken);
        }
        catch (Exception e) when (DiscordRefusal.Describe(e) is { } reason)
        {
            status.Fail(reason);
            throw new StartupException(reason, e);
        }

        status.MarkReady();
        logger.LogInformation("Answering interactions on the HTTP endpoint /interactions");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
