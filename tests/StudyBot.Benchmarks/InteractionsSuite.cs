using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Discord;
using StudyBot.Discord.Gateway;
using StudyBot.Discord.Interactions;
using StudyBot.Emulator;
using StudyBot.Emulator.Interactions;

namespace StudyBot.Benchmarks;

/// <summary>
/// The interaction pipeline with a trivial handler (no database, emulator rate limits off), on
/// loopback: a simulated user runs /ping in the emulator, the
/// INTERACTION_CREATE travels the gateway to the real client, the router runs a trivial handler in
/// its own scope, and the reply comes back as a REST callback. Measures callbacks per second and
/// the latency from sending the interaction to receiving its callback.
/// </summary>
public static class InteractionsSuite
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = IntArg(args, "--count", 3000);
        var concurrency = IntArg(args, "--concurrency", 32);
        var warmup = Math.Min(200, count);

        var options = new EmulatorOptions { RecordDirectory = null };
        options.RateLimits.Enabled = false;
        await using var emulator = new DiscordEmulator(options);
        await emulator.StartAsync();
        var (_, channel, user) = emulator.AddGuildWithUser("Benchmark Guild", "study", "student");

        await using var services = BuildBot(emulator);
        var gateway = services.GetRequiredService<DiscordGatewayClient>();
        var dispatcher = services.GetRequiredService<GatewayInteractionDispatcher>();
        gateway.DispatchReceived = dispatcher.OnDispatchAsync;
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gateway.StateChanged += change =>
        {
            if (change.State == GatewayState.Connected)
            {
                connected.TrySetResult();
            }
        };
        await services.GetRequiredService<CommandRegistrar>().RegisterAsync([new SlashCommandBuilder("ping", "Answer at once").Build()]);
        using var stop = new CancellationTokenSource();
        var running = gateway.RunAsync(stop.Token);
        await connected.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await RoundTripsAsync(user, channel.Id, warmup, concurrency);
        var clock = Stopwatch.StartNew();
        var latencies = await RoundTripsAsync(user, channel.Id, count, concurrency);
        clock.Stop();

        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose.
        }

        Array.Sort(latencies);
        var perSecond = count / clock.Elapsed.TotalSeconds;
        Console.WriteLine("interactions: the pipeline alone (emulator -> gateway -> router -> a trivial /ping handler that answers at once, no database -> REST callback), emulator rate limits off;");
        Console.WriteLine("  for the path a class really takes (quiz feature, database, rate limits on) see the class-burst suite");
        Console.WriteLine($"interactions: {count} after {warmup} warm-up, {concurrency} in flight, {clock.Elapsed.TotalSeconds:0.00} s");
        Console.WriteLine($"latency ms: p50 {Percentile(latencies, 0.50):0.00}  p90 {Percentile(latencies, 0.90):0.00}  p99 {Percentile(latencies, 0.99):0.00}  max {latencies[^1]:0.00}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT interactions handler=trivial per_s={perSecond:0.0} p50_ms={Percentile(latencies, 0.50):0.00} p99_ms={Percentile(latencies, 0.99):0.00}"));
        return 0;
    }

    private static ServiceProvider BuildBot(DiscordEmulator emulator)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = emulator.BotToken,
            ["Discord:ApiBaseUrl"] = emulator.BaseUrl,
            ["Discord:ApplicationId"] = emulator.ApplicationId,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddDiscordClient(configuration);
        services.AddDiscordInteractions(routes => routes.Command("ping", ctx => ctx.Responder.ReplyEphemeralAsync("pong")));
        return services.BuildServiceProvider();
    }

    // Runs `count` interactions with at most `concurrency` awaiting their callback at once.
    private static async Task<double[]> RoundTripsAsync(SimulatedUser user, string channelId, int count, int concurrency)
    {
        var latencies = new double[count];
        var next = -1;
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                var handle = await user.RunCommandAsync(channelId, "ping");
                var outcome = await handle.Callback.WaitAsync(TimeSpan.FromSeconds(10));
                if (outcome.CallbackType != 4)
                {
                    throw new InvalidOperationException($"Interaction {handle.Id} was answered with callback {outcome.CallbackType}, not 4.");
                }

                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        });
        await Task.WhenAll(workers);
        return latencies;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static int IntArg(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
    }
}
