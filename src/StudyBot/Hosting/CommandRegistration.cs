using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyBot.Discord.Interactions;
using StudyBot.Hosting.Commands;

namespace StudyBot.Hosting;

/// <summary>
/// HTTP interactions endpoint mode: no gateway, so the commands are registered at start, in the
/// background: Discord unreachable is retried while /healthz answers and /readyz says why; a refusal
/// (a rejected token) stops the host with one line.
/// </summary>
internal sealed class CommandRegistration(
    CommandRegistrar registrar,
    CommandCatalog catalog,
    BotStatus status,
    StartupRetry retry,
    IHostApplicationLifetime lifetime,
    ILogger<CommandRegistration> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RegisterAsync(retry, registrar, catalog, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e) when (DiscordRefusal.Describe(e) is { } reason)
        {
            logger.LogCritical("Discord refused the bot: {Reason}", reason);
            status.Fail(reason);
            lifetime.StopApplication();
            return;
        }

        status.MarkReady();
        logger.LogInformation("Answering interactions on the HTTP endpoint /interactions");
    }

    /// <summary>Registers the slash commands, waiting out Discord being unreachable (both connection modes do this at start).</summary>
    public static Task RegisterAsync(StartupRetry retry, CommandRegistrar registrar, CommandCatalog catalog, CancellationToken cancellationToken)
        => retry.RunAsync(StartupRetry.Discord, async ct =>
        {
            await registrar.RegisterAsync([.. catalog.Commands.Select(c => c.Definition)], ct);
            return true;
        }, StartupRetry.TransientDiscord, cancellationToken);
}
