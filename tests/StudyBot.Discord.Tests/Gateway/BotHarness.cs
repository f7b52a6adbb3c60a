using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Discord.Gateway;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;
using StudyBot.Emulator;

namespace StudyBot.Discord.Tests.Gateway;

/// <summary>
/// The real Discord client (DI, REST, gateway, router) wired to a running emulator, with every
/// dispatch, state change and handled interaction recorded for assertions. Timings are shortened.
/// </summary>
internal sealed class BotHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ServiceProvider _services;
    private Task? _running;

    private readonly bool _ownsEmulator;

    private BotHarness(DiscordEmulator emulator, ServiceProvider services, bool ownsEmulator)
    {
        Emulator = emulator;
        _ownsEmulator = ownsEmulator;
        _services = services;
        Gateway = services.GetRequiredService<DiscordGatewayClient>();
        Rest = services.GetRequiredService<DiscordRestClient>();
        var dispatcher = services.GetRequiredService<GatewayInteractionDispatcher>();
        Gateway.DispatchReceived = (dispatch, ct) =>
        {
            Dispatches.Enqueue(dispatch);
            return dispatcher.OnDispatchAsync(dispatch, ct);
        };
        Gateway.StateChanged += change => States.Enqueue(change);
    }

    public DiscordEmulator Emulator { get; }

    public DiscordGatewayClient Gateway { get; }

    public DiscordRestClient Rest { get; }

    public ConcurrentQueue<GatewayDispatch> Dispatches { get; } = new();

    public ConcurrentQueue<GatewayStateChange> States { get; } = new();

    /// <summary>How many times the router ran a handler for each interaction id.</summary>
    public ConcurrentDictionary<Snowflake, int> Handled { get; } = new();

    public Task Running => _running ?? throw new InvalidOperationException("The gateway was not started.");

    /// <param name="ownsEmulator">False for a second bot process on the same emulator: the first one's disposal stops it.</param>
    public static async Task<BotHarness> StartAsync(DiscordEmulator emulator, Dictionary<string, string?>? settings = null, bool connect = true, bool ownsEmulator = true)
    {
        var config = new Dictionary<string, string?>
        {
            ["Discord:Token"] = emulator.BotToken,
            ["Discord:ApiBaseUrl"] = emulator.BaseUrl,
            ["Discord:ApplicationId"] = emulator.ApplicationId,
            ["Discord:Gateway:ReconnectMinDelay"] = "00:00:00.050",
            ["Discord:Gateway:ReconnectMaxDelay"] = "00:00:00.500",
            ["Discord:Gateway:InvalidSessionMinDelay"] = "00:00:00.050",
            ["Discord:Gateway:InvalidSessionMaxDelay"] = "00:00:00.150",
            ["Discord:Gateway:IdentifyWindow"] = "00:00:00",
            ["Discord:Gateway:HandshakeTimeout"] = "00:00:05",
        };
        foreach (var (key, value) in settings ?? [])
        {
            config[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(config).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddDiscordClient(configuration);
        BotHarness? harness = null;
        services.AddDiscordInteractions(routes => routes
            .Command("ping", ctx => harness!.Count(ctx, () => ctx.Responder.ReplyEphemeralAsync("pong")))
            .Component("study:", ctx => harness!.Count(ctx, () => ctx.Responder.ReplyEphemeralAsync("clicked " + ctx.CustomIdArgument))));
        harness = new BotHarness(emulator, services.BuildServiceProvider(validateScopes: true), ownsEmulator);
        await harness._services.GetRequiredService<CommandRegistrar>().RegisterAsync([new SlashCommandBuilder("ping", "Check that StudyBot answers").Build()]);
        if (connect)
        {
            harness.Connect();
        }

        return harness;
    }

    public void Connect() => _running = Gateway.RunAsync(_stop.Token);

    /// <summary>Waits until <paramref name="count"/> state changes of <paramref name="state"/> were raised.</summary>
    public async Task WaitForStateAsync(GatewayState state, int count = 1, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (States.Count(s => s.State == state) < count)
        {
            if (_running is { IsFaulted: true })
            {
                await _running;
            }

            await Task.Delay(10, deadline.Token);
        }
    }

    private async Task Count(InteractionContext context, Func<Task> answer)
    {
        Handled.AddOrUpdate(context.Interaction.Id, 1, (_, n) => n + 1);
        await answer();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            try
            {
                await _running.WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception e) when (e is OperationCanceledException or GatewayFatalException)
            {
                // Expected: stopped by the test, or the fatal close the test provoked.
            }
        }

        await _services.DisposeAsync();

        if (_ownsEmulator)
        {
            // Let the emulator see our sockets close before it stops, so it does not abort finished requests.
            for (var i = 0; i < 200 && Emulator.Gateway.ConnectionCount > 0; i++)
            {
                await Task.Delay(10);
            }

            await Emulator.DisposeAsync();
        }

        _stop.Dispose();
    }
}
