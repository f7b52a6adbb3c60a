using System.Text.Json;
using StudyBot.Hosting;
using StudyBot.Tests.EndToEnd;

namespace StudyBot.Tests.Observability;

/// <summary>
/// Logging:Format=json through the real console logger: each line is one JSON object, and the lines
/// logged while an interaction runs carry its id, server and channel in their scopes.
/// </summary>
[Collection(nameof(MetricsCollection))]
public sealed class JsonLogTests
{
    [Fact]
    public async Task JsonLogs_AnInteraction_LinesParseAndCarryTheInteractionIdAndShardIdInScopes()
    {
        var console = new LockedWriter();
        var original = Console.Out;
        Console.SetOut(console);
        var bot = new PlaygroundBot
        {
            Configure = builder =>
            {
                builder.Configuration["Logging:Format"] = "json";
                LogFormat.Configure(builder.Logging, builder.Configuration);
            },
        };
        try
        {
            await bot.InitializeAsync();
            var help = await bot.RunAsync(bot.You, "help");
            // A button no route knows is logged ("No handler for ...") while the interaction runs.
            await (await bot.You.ForgeClickAsync(MessageView.Id(help.Message!), "zz:nothing")).WaitAsync(TimeSpan.FromSeconds(30));

            JsonElement? line = null;
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (line is null && DateTime.UtcNow < deadline)
            {
                // Nullable, so that "not written yet" is null and the wait goes on (a default JsonElement is not null).
                line = Lines(console).Where(l => l.TryGetProperty("Message", out var m) && m.ValueKind == JsonValueKind.String
                    && m.GetString()!.StartsWith("No handler for", StringComparison.Ordinal)).Select(l => (JsonElement?)l).FirstOrDefault();
                await Task.Delay(50);
            }

            Assert.True(line is not null, "no JSON line for the unrouted click: " + console);
            var message = line.Value.GetProperty("Message").GetString()!;
            var scopes = line.Value.GetProperty("Scopes").EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("InteractionId", out _)).ToList();
            var scope = Assert.Single(scopes);
            Assert.Contains("zz:nothing", message);
            Assert.True(ulong.TryParse(scope.GetProperty("InteractionId").GetString(), out var interactionId) && interactionId > 0, line.Value.ToString());
            Assert.Equal(bot.World.Guild.Id, scope.GetProperty("GuildId").GetString());
            // The interaction came over the Playground's one gateway shard, whose scope names it.
            var shard = Assert.Single(line.Value.GetProperty("Scopes").EnumerateArray(), s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("ShardId", out _));
            Assert.Equal(0, shard.GetProperty("ShardId").GetInt32());
            Assert.Equal("Information", line.Value.GetProperty("LogLevel").GetString());
            Assert.EndsWith("Z", line.Value.GetProperty("Timestamp").GetString());
        }
        finally
        {
            await bot.DisposeAsync();
            Console.SetOut(original);
        }
    }

    /// <summary>
    /// Every object line the JSON formatter wrote. The process's console is shared with the tests running beside this
    /// one (a command-line test prints JSON too), so a line that starts with '{' but is not the logger's is passed over;
    /// the logger's own line is then asserted on property by property.
    /// </summary>
    private static List<JsonElement> Lines(LockedWriter console) =>
        [.. console.ToString().Split('\n').SkipLast(1).Where(l => l.StartsWith('{')).Select(Parse)
            .Where(e => e is { ValueKind: JsonValueKind.Object }).Select(e => e!.Value)];

    private static JsonElement? Parse(string line)
    {
        try
        {
            return JsonDocument.Parse(line).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Console output collected from any thread; read whole lines only.</summary>
    private sealed class LockedWriter : StringWriter
    {
        private readonly Lock _lock = new();

        public override void Write(char value)
        {
            lock (_lock)
            {
                base.Write(value);
            }
        }

        public override void Write(char[] buffer, int index, int count)
        {
            lock (_lock)
            {
                base.Write(buffer, index, count);
            }
        }

        public override void Write(string? value)
        {
            lock (_lock)
            {
                base.Write(value);
            }
        }

        public override string ToString()
        {
            lock (_lock)
            {
                return base.ToString();
            }
        }
    }
}
