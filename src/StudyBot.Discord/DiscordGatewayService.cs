using Microsoft.Extensions.Hosting;
using StudyBot.Discord.Gateway;
using StudyBot.Discord.Interactions;

namespace StudyBot.Discord;

/// <summary>Runs the gateway for the host's lifetime and routes its interactions.</summary>
public sealed class DiscordGatewayService(DiscordGatewayClient gateway, GatewayInteractionDispatcher dispatcher) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        gateway.DispatchReceived = dispatcher.OnDispatchAsync;
        try
        {
            await gateway.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            await dispatcher.DrainAsync().ConfigureAwait(false);
        }
    }
}
