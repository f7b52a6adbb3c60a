using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;

namespace StudyBot.Discord.Tests.Interactions;

public class InteractionRouterTests
{
    private static readonly Snowflake _attachmentId = 555;
    private static long _nextId = 1000;
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task HandleAsync_SameInteractionDeliveredTwice_HandlerRunsAndAnswersOnce()
    {
        var runs = 0;
        var router = Build(r => r.Component("review:answer:", ctx =>
        {
            runs++;
            return ctx.Responder.DeferUpdateAsync();
        }));
        var interaction = Component("review:answer:1:good");
        var first = new RecordingResponder();
        var replay = new RecordingResponder();

        await router.HandleAsync(interaction, first, default);
        await router.HandleAsync(interaction, replay, default);

        Assert.Equal(1, runs);
        Assert.Single(first.Responses);
        Assert.Empty(replay.Responses);

        // Ten minutes on, the id is forgotten (Discord never redelivers that late).
        _time.Advance(InteractionDeduplicator.Window + TimeSpan.FromSeconds(1));
        await router.HandleAsync(interaction, new RecordingResponder(), default);
        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task HandleAsync_EachInteraction_GetsItsOwnScopeDisposedAfter()
    {
        var seen = new List<ScopeProbe>();
        var router = Build(r => r.Component("review:answer:", ctx =>
        {
            seen.Add(ctx.Services.GetRequiredService<ScopeProbe>());
            Assert.Same(seen[^1], ctx.Services.GetRequiredService<ScopeProbe>());
            return ctx.Responder.DeferUpdateAsync();
        }));

        await router.HandleAsync(Component("review:answer:1:good"), new RecordingResponder(), default);
        await router.HandleAsync(Component("review:answer:2:again"), new RecordingResponder(), default);

        Assert.Equal(2, seen.Count);
        Assert.NotSame(seen[0], seen[1]);
        Assert.All(seen, probe => Assert.True(probe.Disposed));
    }

    [Theory]
    [InlineData("review:answer:gone")]
    [InlineData("unknown-prefix:1")]
    public async Task HandleAsync_UnknownCustomId_RepliesExpiredEphemeral(string customId)
    {
        var router = Build(r => r.Component("review:start", ctx => ctx.Responder.DeferUpdateAsync()));
        var responder = new RecordingResponder();

        await router.HandleAsync(Component(customId), responder, default);

        AssertEphemeral(responder, InteractionRouter.ExpiredText);
    }

    [Fact]
    public async Task HandleAsync_HandlerSaysExpired_RepliesExpiredEphemeral()
    {
        var router = Build(r => r.Modal("review:typed:", _ => throw new InteractionExpiredException("card already answered")));
        var responder = new RecordingResponder();

        await router.HandleAsync(new Interaction { Id = 3, Type = InteractionType.ModalSubmit, Data = new InteractionData { CustomId = "review:typed:9" } }, responder, default);

        AssertEphemeral(responder, InteractionRouter.ExpiredText);
    }

    [Fact]
    public async Task HandleAsync_HandlerThrows_RepliesGenericErrorEphemeral()
    {
        var router = Build(r => r.Command("help", _ => throw new InvalidOperationException("boom")));
        var responder = new RecordingResponder();

        await router.HandleAsync(Command("help"), responder, default);

        AssertEphemeral(responder, InteractionRouter.ErrorText);
    }

    [Fact]
    public async Task HandleAsync_HandlerThrowsAfterDefer_SendsErrorAsFollowup()
    {
        var router = Build(r => r.Command("help", async ctx =>
        {
            await ctx.Responder.DeferAsync(ephemeral: true);
            throw new InvalidOperationException("boom");
        }));
        var responder = new RecordingResponder();

        await router.HandleAsync(Command("help"), responder, default);

        Assert.Equal(InteractionRouter.ErrorText, Assert.Single(responder.Followups).Content);
    }

    [Fact]
    public async Task HandleAsync_SubcommandWithAttachment_RoutesByPathAndResolvesOptions()
    {
        InteractionContext? context = null;
        var router = Build(r => r
            .Command("deck upload", ctx => { context = ctx; return ctx.Responder.DeferAsync(); })
            .Command("deck", _ => throw new InvalidOperationException("wrong route")));
        var interaction = new Interaction
        {
            Id = 4,
            Type = InteractionType.ApplicationCommand,
            Data = new InteractionData
            {
                Name = "deck",
                Options =
                [
                    new InteractionOption
                    {
                        Name = "upload",
                        Type = ApplicationCommandOptionType.SubCommand,
                        Options =
                        [
                            Option("file", ApplicationCommandOptionType.Attachment, _attachmentId.ToString()),
                            Option("name", ApplicationCommandOptionType.String, "Essay"),
                            new InteractionOption { Name = "limit", Type = ApplicationCommandOptionType.Integer, Value = JsonSerializer.SerializeToElement(20) },
                        ],
                    },
                ],
                Resolved = new ResolvedData
                {
                    Attachments = new Dictionary<Snowflake, Attachment> { [_attachmentId] = new() { Id = _attachmentId, Filename = "essay.yaml", Size = 120, Url = "https://cdn.example/essay.yaml" } },
                },
            },
        };

        await router.HandleAsync(interaction, new RecordingResponder(), default);

        Assert.NotNull(context);
        Assert.Equal("deck upload", context.CommandPath);
        Assert.Equal("essay.yaml", context.GetAttachment("file")!.Filename);
        Assert.Equal("Essay", context.GetString("name"));
        Assert.Equal(20, context.GetInteger("limit"));
    }

    [Fact]
    public async Task HandleAsync_Prefixes_LongestWinsAndArgumentIsRemainder()
    {
        var hits = new List<string>();
        var router = Build(r => r
            .Component("review:", ctx => { hits.Add("short:" + ctx.CustomIdArgument); return ctx.Responder.DeferUpdateAsync(); })
            .Component("review:answer:", ctx => { hits.Add("long:" + ctx.CustomIdArgument); return ctx.Responder.DeferUpdateAsync(); }));

        await router.HandleAsync(Component("review:answer:42:good"), new RecordingResponder(), default);
        await router.HandleAsync(Component("review:start"), new RecordingResponder(), default);

        Assert.Equal(["long:42:good", "short:start"], hits);
    }

    [Fact]
    public async Task HandleAsync_Autocomplete_SeesFocusedOptionAndAnswersChoices()
    {
        var router = Build(r => r.Autocomplete("deck upload", ctx =>
            ctx.Responder.AutocompleteAsync([ApplicationCommandOptionChoice.Of("Essay: " + ctx.FocusedOption!.Value!.Value.GetString(), "essay")])));
        var responder = new RecordingResponder();
        var interaction = new Interaction
        {
            Id = 5,
            Type = InteractionType.ApplicationCommandAutocomplete,
            Data = new InteractionData
            {
                Name = "deck",
                Options = [new InteractionOption { Name = "upload", Type = ApplicationCommandOptionType.SubCommand, Options = [Option("name", ApplicationCommandOptionType.String, "Ess") with { Focused = true }] }],
            },
        };

        await router.HandleAsync(interaction, responder, default);

        var response = Assert.Single(responder.Responses);
        Assert.Equal(InteractionCallbackType.ApplicationCommandAutocompleteResult, response.Type);
        Assert.Equal("Essay: Ess", Assert.Single(response.Data!.Choices!).Name);
    }

    [Fact]
    public async Task HandleAsync_ModalSubmit_ReadsTextInputValues()
    {
        string? typed = null;
        var router = Build(r => r.Modal("review:typed:", ctx => { typed = ctx.GetModalValue("answer"); return ctx.Responder.DeferUpdateAsync(); }));
        var interaction = new Interaction
        {
            Id = 6,
            Type = InteractionType.ModalSubmit,
            Data = new InteractionData
            {
                CustomId = "review:typed:7",
                Components = [new Component { Type = ComponentType.ActionRow, Components = [new Component { Type = ComponentType.TextInput, CustomId = "answer", Value = "Beijing" }] }],
            },
        };

        await router.HandleAsync(interaction, new RecordingResponder(), default);

        Assert.Equal("Beijing", typed);
    }

    [Fact]
    public void RouteTable_DuplicateCommand_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(r => r.Command("help", _ => Task.CompletedTask).Command("help", _ => Task.CompletedTask)));
        Assert.Contains("'help'", error.Message);
    }

    private static void AssertEphemeral(RecordingResponder responder, string text)
    {
        var response = Assert.Single(responder.Responses);
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, response.Type);
        Assert.Equal(text, response.Data!.Content);
        Assert.Equal(MessageFlags.Ephemeral, response.Data.Flags);
    }

    [Fact]
    public async Task HandleAsync_RouteAcknowledgedFirst_DefersEphemerallyBeforeObserversRun()
    {
        var observerMayGo = new TaskCompletionSource();
        var router = Build(
            r => r.Component("quiz:", ctx => ctx.Responder.EditOriginalAsync(new MessagePayload { Content = "graded" }), RouteAcknowledgement.DeferEphemeral),
            services => services.AddScoped<IInteractionObserver>(_ => new WaitingObserver(observerMayGo.Task)));
        var responder = new RecordingResponder();

        var handling = router.HandleAsync(Component("quiz:7:0"), responder, default);

        // The observer still waits (a slow database), yet the click is acknowledged: deferred, privately.
        Assert.False(handling.IsCompleted);
        var deferral = Assert.Single(responder.Responses);
        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, deferral.Type);
        Assert.Equal(MessageFlags.Ephemeral, deferral.Data!.Flags);
        Assert.Empty(responder.Edits);

        observerMayGo.SetResult();
        await handling;
        Assert.Equal("graded", Assert.Single(responder.Edits).Content);
        Assert.Single(responder.Responses);
    }

    [Fact]
    public async Task HandleAsync_MoreAcknowledgedClicksThanTurns_AllAcknowledgedAtOnceHandlersTakeTurns()
    {
        var gates = new[] { new TaskCompletionSource(), new TaskCompletionSource() };
        var started = new List<string>();
        var router = Build(
            r => r.Component("quiz:", async ctx =>
            {
                lock (started)
                {
                    started.Add(ctx.CustomIdArgument);
                }

                await gates[int.Parse(ctx.CustomIdArgument, System.Globalization.CultureInfo.InvariantCulture)].Task;
                await ctx.Responder.EditOriginalAsync(new MessagePayload { Content = "graded" });
            }, RouteAcknowledgement.DeferEphemeral),
            services => services.Configure<DiscordOptions>(o => o.Interactions.MaxDeferredHandlers = 1));
        var first = new RecordingResponder();
        var second = new RecordingResponder();

        var firstHandling = router.HandleAsync(Component("quiz:0"), first, default);
        var secondHandling = router.HandleAsync(Component("quiz:1"), second, default);

        Assert.Single(first.Responses);
        Assert.Single(second.Responses);
        Assert.Equal(["0"], started);

        gates[0].SetResult();
        await firstHandling;
        gates[1].SetResult();
        await secondHandling;
        Assert.Equal(["0", "1"], started);
        Assert.Single(second.Edits);
    }

    [Fact]
    public async Task HandleAsync_AcknowledgedRouteFails_TheDeferralIsReplacedByTheApology()
    {
        var router = Build(r => r.Component("quiz:", _ => throw new InvalidOperationException("boom"), RouteAcknowledgement.DeferEphemeral));
        var responder = new RecordingResponder();

        await router.HandleAsync(Component("quiz:1:0"), responder, default);

        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, Assert.Single(responder.Responses).Type);
        Assert.Equal(InteractionRouter.ErrorText, Assert.Single(responder.Edits).Content);
        Assert.Empty(responder.Followups);
    }

    [Fact]
    public async Task HandleAsync_GateRefuses_NeitherObserversNorHandlerRun_AndTheUserIsToldWhy()
    {
        var ran = new List<string>();
        var kind = new CustomIdKind<Tuple<long>>("card:", [CustomIdField.Long("cardId")], t => [t.Item1], n => Tuple.Create(n[0]));
        var router = Build(
            r => r.Component(kind, _ => { ran.Add("handler"); return Task.CompletedTask; }),
            services => services
                .AddScoped<IInteractionObserver>(_ => new RecordingObserver(ran))
                .AddScoped<IInteractionGate>(_ => new CardGate(allowed: 7)));
        var refused = new RecordingResponder();
        var allowed = new RecordingResponder();

        await router.HandleAsync(Component("card:8"), refused, default);
        Assert.Empty(ran);
        AssertEphemeral(refused, "card 8 is not from here");

        await router.HandleAsync(Component("card:7"), allowed, default);
        Assert.Equal(["observer", "handler"], ran);
    }

    // Reads the custom_id by the names its route's kind gives its numbers, as a place gate does.
    private sealed class CardGate(long allowed) : IInteractionGate
    {
        public Task<string?> RefuseAsync(InteractionContext context)
            => Task.FromResult(context.Route!.Layout!.TryReadValues(context.CustomIdArgument, out var values)
                && values.Single(v => v.Name == "cardId").Value is var card && card != allowed ? $"card {card} is not from here" : null);
    }

    private sealed class RecordingObserver(List<string> ran) : IInteractionObserver
    {
        public Task BeforeAsync(InteractionContext context)
        {
            ran.Add("observer");
            return Task.CompletedTask;
        }

        public Task AfterAsync(InteractionContext context) => Task.CompletedTask;
    }

    private sealed class WaitingObserver(Task mayGo) : IInteractionObserver
    {
        public Task BeforeAsync(InteractionContext context) => mayGo;

        public Task AfterAsync(InteractionContext context) => Task.CompletedTask;
    }

    private InteractionRouter Build(Action<InteractionRoutesBuilder> routes, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection().AddLogging().AddScoped<ScopeProbe>();
        more?.Invoke(services);
        services.AddDiscordInteractions(routes);
        services.AddKeyedSingleton<TimeProvider>(DiscordTime.Key, _time).AddSingleton<InteractionDeduplicator>();
        services.AddSingleton<InteractionRouteTable>().AddSingleton<InteractionRouter>();
        return services.BuildServiceProvider(validateScopes: true).GetRequiredService<InteractionRouter>();
    }

    private static Interaction Component(string customId) => new()
    {
        Id = (ulong)Interlocked.Increment(ref _nextId),
        Type = InteractionType.MessageComponent,
        Data = new InteractionData { CustomId = customId, ComponentType = ComponentType.Button },
    };

    private static Interaction Command(string name) => new() { Id = 2, Type = InteractionType.ApplicationCommand, Data = new InteractionData { Name = name } };

    private static InteractionOption Option(string name, ApplicationCommandOptionType type, string value)
        => new() { Name = name, Type = type, Value = JsonSerializer.SerializeToElement(value) };

    private sealed class ScopeProbe : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
