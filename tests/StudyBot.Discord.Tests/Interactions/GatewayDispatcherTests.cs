using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Discord.Gateway;
using StudyBot.Discord.Interactions;

namespace StudyBot.Discord.Tests.Interactions;

/// <summary>How the gateway's events reach their handlers: state changes in order per shard, interactions at once.</summary>
public class GatewayDispatcherTests
{
    [Fact]
    public async Task OnDispatch_SlowGuildEvent_NextEventWaitsButInteractionsDoNot()
    {
        var events = new RecordingHandler();
        var interactionRan = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "test-token",
            ["Discord:ApiBaseUrl"] = "http://127.0.0.1:9/api/v10",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddDiscordClient(configuration);
        services.AddSingleton<IGatewayEventHandler>(events);
        services.AddDiscordInteractions(r => r.Component("study:", _ =>
        {
            interactionRan.TrySetResult();
            return Task.CompletedTask;
        }));
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        var dispatcher = provider.GetRequiredService<GatewayInteractionDispatcher>();

        await dispatcher.OnDispatchAsync(Event(1, "GUILD_CREATE"), default);
        await dispatcher.OnDispatchAsync(Event(2, "GUILD_MEMBER_REMOVE"), default);
        await dispatcher.OnDispatchAsync(new GatewayDispatch(0, 3, "INTERACTION_CREATE", Json("""
            {"id":"77","application_id":"1","type":3,"token":"t","channel_id":"5","user":{"id":"9","username":"ana"},"data":{"custom_id":"study:1","component_type":2}}
            """)), default);

        // GUILD_CREATE is still being handled, and the interaction behind it is answered anyway.
        await interactionRan.Task.WaitAsync(TimeSpan.FromSeconds(10));
        events.Release();
        await dispatcher.DrainAsync();

        Assert.Equal(["start 1", "end 1", "start 2", "end 2"], events.Log);
    }

    private static GatewayDispatch Event(int sequence, string name) => new(0, sequence, name, Json("""{"id":"42","guild_id":"42","user":{"id":"9"}}"""));

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private sealed class RecordingHandler : IGatewayEventHandler
    {
        private readonly TaskCompletionSource _firstMayEnd = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<string> Log { get; } = [];

        public bool Handles(string eventName) => eventName is "GUILD_CREATE" or "GUILD_MEMBER_REMOVE";

        public void Release() => _firstMayEnd.TrySetResult();

        public async Task HandleAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
        {
            Add($"start {dispatch.Sequence}");
            if (dispatch.Sequence == 1)
            {
                await _firstMayEnd.Task;
            }

            Add($"end {dispatch.Sequence}");
        }

        private void Add(string entry)
        {
            lock (Log)
            {
                Log.Add(entry);
            }
        }
    }
}
