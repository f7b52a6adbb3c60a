using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using static StudyBot.Discord.Interactions.CustomIdField;

namespace StudyBot.Discord.Tests.Interactions;

public class CustomIdKindTests
{
    private static readonly CustomIdKind<Pick> _pick = new(
        "t:p:", [Long("itemId"), Int("choice")],
        p => [p.ItemId, p.Choice],
        n => n[1] < 10 ? new Pick(n[0], (int)n[1]) : null);

    [Fact]
    public void Format_Value_PrefixThenNumbersInFieldOrder()
    {
        Assert.Equal("t:p:9876543210:4", _pick.Format(new Pick(9_876_543_210, 4)));
    }

    [Fact]
    public void TryParse_Argument_NamedValues()
    {
        Assert.True(_pick.TryParse("9876543210:4", out var pick));

        Assert.Equal(new Pick(9_876_543_210, 4), pick);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("1:2:3")]
    [InlineData("1:")]
    [InlineData(":2")]
    [InlineData("1:x")]
    [InlineData("1:-2")]
    [InlineData("1:+2")]
    [InlineData("1: 2")]
    [InlineData("1:2.0")]
    [InlineData("1:2147483648")]
    [InlineData("9223372036854775808:2")]
    [InlineData("1:10")]
    public void TryParse_Malformed_FalseWithoutThrowing(string argument)
    {
        Assert.False(_pick.TryParse(argument, out var pick));
        Assert.Null(pick);
    }

    [Fact]
    public void ToString_Kind_NamesEachField()
    {
        Assert.Equal("t:p:{itemId}:{choice}", _pick.ToString());
    }

    [Fact]
    public async Task ReadCustomId_MalformedId_ExpiredNoteAndALogNamingTheIdAndTheLayout()
    {
        Pick? handled = null;
        var services = new ServiceCollection().AddFakeLogging();
        services.AddDiscordInteractions(r => r.Component(_pick.Prefix, ctx =>
        {
            handled = ctx.ReadCustomId(_pick);
            return ctx.Responder.DeferUpdateAsync();
        }));
        services.AddKeyedSingleton<TimeProvider>(DiscordTime.Key, new FakeTimeProvider()).AddSingleton<InteractionDeduplicator>();
        services.AddSingleton<InteractionRouteTable>().AddSingleton<InteractionRouter>();
        var provider = services.BuildServiceProvider(validateScopes: true);
        var router = provider.GetRequiredService<InteractionRouter>();
        var responder = new RecordingResponder();

        await router.HandleAsync(Click(1, "t:p:12:x"), responder, default);

        Assert.Null(handled);
        var response = Assert.Single(responder.Responses);
        Assert.Equal(InteractionRouter.ExpiredText, response.Data!.Content);
        Assert.Equal(MessageFlags.Ephemeral, response.Data.Flags);
        var log = Assert.Single(provider.GetFakeLogCollector().GetSnapshot(), r => r.Message.StartsWith("Stale prompt", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, log.Level);
        Assert.Contains("unreadable custom_id 't:p:12:x': expected t:p:{itemId}:{choice}", log.Message, StringComparison.Ordinal);
        Assert.Null(log.Exception);

        await router.HandleAsync(Click(2, "t:p:12:3"), new RecordingResponder(), default);
        Assert.Equal(new Pick(12, 3), handled);
    }

    private static Interaction Click(ulong id, string customId) => new()
    {
        Id = id,
        Type = InteractionType.MessageComponent,
        Data = new InteractionData { CustomId = customId, ComponentType = ComponentType.Button },
    };

    private sealed record Pick(long ItemId, int Choice);
}
