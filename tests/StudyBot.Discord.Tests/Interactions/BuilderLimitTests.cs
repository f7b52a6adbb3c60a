using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;

namespace StudyBot.Discord.Tests.Interactions;

public class BuilderLimitTests
{
    [Fact]
    public void MessageBuild_WithinLimits_ProducesPayload()
    {
        var message = new MessageBuilder()
            .WithContent(new string('a', 2000))
            .AddEmbed(e => e.WithTitle("Due cards").WithDescription("3 cards").AddField("Deck", "Essay"))
            .AddActionRow(r => r.AddButton("review:start", "Start", ButtonStyle.Primary).AddLinkButton("https://example.org", "Docs"))
            .AddActionRow(r => r.AddSelect(new SelectMenuBuilder("deck:pick").AddOption("Essay", "essay").AddOption("Vocabulary", "vocab")))
            .Ephemeral()
            .Build();

        Assert.Equal(2000, message.Content!.Length);
        Assert.Equal(MessageFlags.Ephemeral, message.Flags);
        Assert.Equal(2, message.Components!.Count);
        Assert.Empty(message.AllowedMentions!.Parse);
    }

    public static TheoryData<string, Func<object>> OverLimit => new()
    {
        { "message.content", () => new MessageBuilder().WithContent(new string('a', 2001)).Build() },
        { "message.embeds", () => Enumerable.Range(0, 11).Aggregate(new MessageBuilder(), (b, i) => b.AddEmbed(new Embed { Title = "t" })).Build() },
        { "embed.title", () => new EmbedBuilder().WithTitle(new string('t', 257)).Build() },
        { "embed.description", () => new EmbedBuilder().WithDescription(new string('d', 4097)).Build() },
        { "embed.fields", () => Enumerable.Range(0, 26).Aggregate(new EmbedBuilder(), (b, i) => b.AddField("n", "v")).Build() },
        { "embed.fields[0].name", () => new EmbedBuilder().AddField(new string('n', 257), "v").Build() },
        { "embed.fields[1].value", () => new EmbedBuilder().AddField("a", "b").AddField("n", new string('v', 1025)).Build() },
        { "embed.fields[0].value", () => new EmbedBuilder().AddField("n", "").Build() },
        { "embed.footer.text", () => new EmbedBuilder().WithFooter(new string('f', 2049)).Build() },
        { "embed.author.name", () => new EmbedBuilder().WithAuthor(new string('a', 257)).Build() },
        { "embed", () => new EmbedBuilder().WithDescription(new string('d', 4096)).AddField("n", new string('v', 1000)).AddField("n", new string('v', 1000)).Build() },
        { "message.embeds", () => new MessageBuilder().AddEmbed(e => e.WithDescription(new string('d', 4000))).AddEmbed(e => e.WithDescription(new string('d', 2001))).Build() },
        { "message.components", () => Enumerable.Range(0, 6).Aggregate(new MessageBuilder(), (b, i) => b.AddActionRow(r => r.AddButton($"b{i}", "x"))).Build() },
        { "message.components[0].components", () => new MessageBuilder().AddActionRow(r => { for (var i = 0; i < 6; i++) { r.AddButton($"b{i}", "x"); } }).Build() },
        { "message.components[0].components[0].label", () => new MessageBuilder().AddActionRow(r => r.AddButton("b", new string('l', 81))).Build() },
        { "message.components[0].components[0].custom_id", () => new MessageBuilder().AddActionRow(r => r.AddButton(new string('c', 101), "x")).Build() },
        { "message.components[1].components[0].custom_id", () => new MessageBuilder().AddActionRow(r => r.AddButton("same", "x")).AddActionRow(r => r.AddButton("same", "y")).Build() },
        { "message.components[0].components", () => new MessageBuilder().AddActionRow(r => r.AddSelect(new SelectMenuBuilder("s").AddOption("a", "a")).AddButton("b", "x")).Build() },
        { "message.components[0].components[0].options", () => new MessageBuilder().AddActionRow(r => r.AddSelect(Enumerable.Range(0, 26).Aggregate(new SelectMenuBuilder("s"), (s, i) => s.AddOption($"o{i}", $"v{i}")))).Build() },
        { "message.components[0].components[0].options[0].label", () => new MessageBuilder().AddActionRow(r => r.AddSelect(new SelectMenuBuilder("s").AddOption(new string('l', 101), "v"))).Build() },
        { "message.components[0].components[0].options[0].description", () => new MessageBuilder().AddActionRow(r => r.AddSelect(new SelectMenuBuilder("s").AddOption("l", "v", new string('d', 101)))).Build() },
        { "message.components[0].components[0].placeholder", () => new MessageBuilder().AddActionRow(r => r.AddSelect(new SelectMenuBuilder("s").WithPlaceholder(new string('p', 151)).AddOption("l", "v"))).Build() },
        { "modal.title", () => new ModalBuilder("m", new string('t', 46)).AddTextInput("a", "Answer").Build() },
        { "modal.components", () => new ModalBuilder("m", "Answer").Build() },
        { "modal.components", () => Enumerable.Range(0, 6).Aggregate(new ModalBuilder("m", "Answer"), (b, i) => b.AddTextInput($"i{i}", "Answer")).Build() },
        { "modal.components[0].components[0].value", () => new ModalBuilder("m", "Answer").AddTextInput("a", "Answer", value: new string('v', 4001)).Build() },
        { "modal.components[0].components[0].placeholder", () => new ModalBuilder("m", "Answer").AddTextInput("a", "Answer", placeholder: new string('p', 101)).Build() },
        { "modal.components[0].components[0].max_length", () => new ModalBuilder("m", "Answer").AddTextInput("a", "Answer", maxLength: 4001).Build() },
        { "modal.custom_id", () => new ModalBuilder(new string('m', 101), "Answer").AddTextInput("a", "Answer").Build() },
    };

    [Theory]
    [MemberData(nameof(OverLimit))]
    public void Build_BeyondDiscordLimit_ThrowsNamingField(string field, Func<object> build)
    {
        var error = Assert.Throws<DiscordLimitException>(build);
        Assert.Equal(field, error.Field);
        Assert.StartsWith(field + ": ", error.Message);
    }

    [Fact]
    public void MessageBuild_Empty_Throws()
    {
        var error = Assert.Throws<DiscordLimitException>(() => new MessageBuilder().Build());
        Assert.Equal("message", error.Field);
    }

    [Fact]
    public void ModalBuild_FiveInputs_Succeeds()
    {
        var modal = Enumerable.Range(0, 5).Aggregate(new ModalBuilder("review:typed:42", "Type your answer"), (b, i) => b.AddTextInput($"i{i}", "Answer", TextInputStyle.Paragraph, maxLength: 4000)).Build();

        Assert.Equal(5, modal.Components!.Count);
        Assert.All(modal.Components, row => Assert.Equal(ComponentType.TextInput, Assert.Single(row.Components!).Type));
    }
}
