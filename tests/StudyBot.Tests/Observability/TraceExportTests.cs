using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudyBot.Emulator.Interactions;
using StudyBot.Observability;
using StudyBot.Tests.EndToEnd;

namespace StudyBot.Tests.Observability;

/// <summary>
/// OTEL_EXPORTER_OTLP_ENDPOINT set: the bot exports its traces over OTLP (HTTP, protobuf) to a
/// collector stand-in listening in this process, and one interaction's trace holds the interaction,
/// the database commands its handler ran and the REST calls that answered it, as its children.
/// </summary>
[Collection(nameof(MetricsCollection))]
public sealed class TraceExportTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<byte[]> _exports = new();
    private WebApplication? _collector;
    private PlaygroundBot? _bot;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _collector = builder.Build();
        _collector.MapPost("/v1/traces", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            _exports.Enqueue(body.ToArray());
            // An empty ExportTraceServiceResponse: everything accepted.
            http.Response.ContentType = "application/x-protobuf";
        });
        await _collector.StartAsync();
        var address = _collector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _bot = new PlaygroundBot
        {
            MoreArguments =
            [
                $"--{ObservabilityServiceCollectionExtensions.OtlpEndpointKey}={address}",
                "--OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
                "--OTEL_BSP_SCHEDULE_DELAY=200",
            ],
        };
        await _bot.InitializeAsync();
    }

    [Fact]
    public async Task Traces_OtlpEndpointSet_OneInteractionsSpansReachTheCollectorAsOneTrace()
    {
        var bot = _bot!;
        await TestDecks.UploadAsync(bot, TestDecks.McqThenTyped);
        var student = bot.AddStudent("trace-student");
        var prompt = await bot.RunAsync(student, "review", new CommandOptionInput("deck", "e2e-review"));
        Assert.NotNull(prompt.Message);

        List<Span> spans = [];
        Span? interaction = null;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            spans = [.. _exports.SelectMany(Span.Read)];
            interaction = spans.FirstOrDefault(s => s.Name == "interaction" && s.Attributes.GetValueOrDefault("studybot.route") == "review");
            if (interaction is not null && Children(spans, interaction).Any(s => s.Name.StartsWith("POST /interactions/", StringComparison.Ordinal)))
            {
                break;
            }

            await Task.Delay(100);
        }

        var names = string.Join("\n", spans.Select(s => $"{s.Name} trace {Convert.ToHexString(s.TraceId)} parent {Convert.ToHexString(s.ParentSpanId)}"));
        Assert.True(interaction is not null, $"no interaction span for /review among {spans.Count} exported:\n{names}");
        Assert.Empty(interaction.ParentSpanId);
        Assert.Equal("ok", interaction.Attributes["studybot.outcome"]);
        var children = Children(spans, interaction).ToList();
        Assert.Contains(children, s => s.Name.StartsWith("db SELECT", StringComparison.Ordinal) && s.Attributes["db.system.name"] == "sqlite");
        var callback = Assert.Single(children, s => s.Name == "POST /interactions/{interaction_id}/{interaction_token}/callback");
        Assert.Equal("204", callback.Attributes["http.response.status_code"]);
        // Only route templates are exported: no interaction token, no student.
        var everything = string.Join("\n", spans.SelectMany(s => s.Attributes.Values.Append(s.Name)));
        Assert.DoesNotContain(bot.Emulator.BotToken, everything);
        Assert.DoesNotContain(student.Id, everything);
        Assert.All(children, s => Assert.Equal(interaction.TraceId, s.TraceId));
    }

    /// <summary>The spans below <paramref name="root"/> in its trace, at any depth.</summary>
    private static IEnumerable<Span> Children(List<Span> spans, Span root)
    {
        var below = new HashSet<string> { Convert.ToHexString(root.SpanId) };
        var found = new List<Span>();
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var span in spans.Where(s => s.TraceId.AsSpan().SequenceEqual(root.TraceId) && !found.Contains(s) && below.Contains(Convert.ToHexString(s.ParentSpanId))))
            {
                found.Add(span);
                below.Add(Convert.ToHexString(span.SpanId));
                grew = true;
            }
        }

        return found;
    }

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        if (_collector is not null)
        {
            await _collector.DisposeAsync();
        }
    }

    /// <summary>One span of an OTLP ExportTraceServiceRequest, read with just enough protobuf.</summary>
    private sealed record Span(byte[] TraceId, byte[] SpanId, byte[] ParentSpanId, string Name, Dictionary<string, string> Attributes)
    {
        /// <summary>ExportTraceServiceRequest: resource_spans = 1; ResourceSpans: scope_spans = 2; ScopeSpans: spans = 2.</summary>
        public static IEnumerable<Span> Read(byte[] request) =>
            from resource in Protobuf.Fields(request, 1)
            from scope in Protobuf.Fields(resource, 2)
            from span in Protobuf.Fields(scope, 2)
            select FromSpan(span);

        /// <summary>Span: trace_id = 1, span_id = 2, parent_span_id = 4, name = 5, attributes = 9 (KeyValue: key = 1, value = 2).</summary>
        private static Span FromSpan(ReadOnlyMemory<byte> span)
        {
            var attributes = new Dictionary<string, string>();
            foreach (var pair in Protobuf.Fields(span, 9))
            {
                var key = Protobuf.Text(Protobuf.Fields(pair, 1).Single());
                // AnyValue: string_value = 1, int_value = 3 (a varint).
                var value = Protobuf.Fields(pair, 2).Single();
                attributes[key] = Protobuf.Fields(value, 1).Select(Protobuf.Text).FirstOrDefault()
                    ?? Protobuf.Varints(value, 3).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault()
                    ?? "";
            }

            return new Span(
                Protobuf.Fields(span, 1).Single().ToArray(),
                Protobuf.Fields(span, 2).Single().ToArray(),
                Protobuf.Fields(span, 4).Select(f => f.ToArray()).FirstOrDefault() ?? [],
                Protobuf.Text(Protobuf.Fields(span, 5).Single()),
                attributes);
        }
    }

    /// <summary>The protobuf wire format's fields, enough to read OTLP.</summary>
    private static class Protobuf
    {
        /// <summary>The length-delimited fields numbered <paramref name="number"/> of a message.</summary>
        public static List<ReadOnlyMemory<byte>> Fields(ReadOnlyMemory<byte> message, int number) =>
            [.. All(message).Where(f => f.Number == number && f.Bytes is not null).Select(f => f.Bytes!.Value)];

        /// <summary>The varint fields numbered <paramref name="number"/> of a message.</summary>
        public static List<long> Varints(ReadOnlyMemory<byte> message, int number) =>
            [.. All(message).Where(f => f.Number == number && f.Bytes is null).Select(f => (long)f.Value)];

        public static string Text(ReadOnlyMemory<byte> bytes) => System.Text.Encoding.UTF8.GetString(bytes.Span);

        private static List<(int Number, ReadOnlyMemory<byte>? Bytes, ulong Value)> All(ReadOnlyMemory<byte> message)
        {
            var fields = new List<(int, ReadOnlyMemory<byte>?, ulong)>();
            var at = 0;
            while (at < message.Length)
            {
                var tag = Varint(message.Span, ref at);
                var number = (int)(tag >> 3);
                switch (tag & 7)
                {
                    case 0:
                        fields.Add((number, null, Varint(message.Span, ref at)));
                        break;
                    case 1:
                        at += 8;
                        break;
                    case 2:
                        var length = (int)Varint(message.Span, ref at);
                        fields.Add((number, message.Slice(at, length), 0));
                        at += length;
                        break;
                    case 5:
                        at += 4;
                        break;
                    default:
                        throw new InvalidDataException($"wire type {tag & 7} at byte {at}");
                }
            }

            return fields;
        }

        private static ulong Varint(ReadOnlySpan<byte> bytes, ref int at)
        {
            ulong value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = bytes[at++];
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }
        }
    }
}
