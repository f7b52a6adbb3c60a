using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyBot.Discord.Gateway;
using StudyBot.Discord.Interactions;
using StudyBot.Hosting.Commands;

namespace StudyBot.Hosting;

/// <summary>
/// Connects through the gateway for the host's lifetime (a fixed set of shards, or those the shard
/// leases give this process), registers the slash commands once the first session is up (with
/// leases: once the first round read the lease table), and stops the host with one clear line when Discord refuses the bot for
/// good (a fatal close code or a rejected token), since retrying cannot help.
/// </summary>
internal sealed class DiscordConnection(
    DiscordGatewayClient gateway,
    GatewayInteractionDispatcher dispatcher,
    CommandRegistrar registrar,
    Discord.Rest.DiscordRestClient rest,
    StartupRetry retry,
    CommandCatalog catalog,
    BotStatus status,
    IHostApplicationLifetime lifetime,
    ILogger<DiscordConnection> logger,
    Cluster.ShardLeaseCoordinator? leases = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        gateway.DispatchReceived = dispatcher.OnDispatchAsync;
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gateway.StateChanged += change =>
        {
            if (change.State is GatewayState.Connected or GatewayState.Resumed)
            {
                connected.TrySetResult();
            }
        };
        var run = Task.CompletedTask;
        try
        {
            // Discord down at start (DNS, no route, 5xx) is waited out as it is at run time; the gateway
            // client asks for /gateway/bot again right after, which then answers.
            await retry.RunAsync(StartupRetry.Discord, ct => rest.GetGatewayBotAsync(ct), StartupRetry.TransientDiscord, stoppingToken);
            if (leases is not null)
            {
                // Leased shards: the commands are registered once the first round read the lease
                // table, since a process may hold no shard at all while the others hold them all.
                var plan = await gateway.PrepareAsync(stoppingToken);
                var firstRound = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                run = leases.RunAsync(plan, () => { firstRound.TrySetResult(); return Task.CompletedTask; }, stoppingToken);
                connected = firstRound;
            }
            else
            {
                run = gateway.RunAsync(stoppingToken);
            }

            if (await Task.WhenAny(run, connected.Task) == connected.Task)
            {
                await CommandRegistration.RegisterAsync(retry, registrar, catalog, stoppingToken);
                status.MarkReady();
                logger.LogInformation("StudyBot is answering {Count} slash commands", catalog.Commands.Count);
            }

            await run;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
        catch (Exception e) when (DiscordRefusal.Describe(e) is { } reason)
        {
            logger.LogCritical("Discord refused the bot: {Reason}", reason);
            status.Fail(reason);
            lifetime.StopApplication();
        }
        finally
        {
            await ObserveAsync(run);
            await dispatcher.DrainAsync();
        }
    }

    // The gateway task may still be running when registration failed; wait for it so nothing is left unobserved.
    private static async Task ObserveAsync(Task run)
    {
        try
        {
            await run;
        }
        catch (Exception)
        {
            // Already reported above, or the host is stopping.
        }
    }
}
