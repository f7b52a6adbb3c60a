using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;

namespace StudyBot.Discord.Tests.Interactions;

public class CommandDefinitionTests
{
    [Fact]
    public void Build_CommandWithSubcommands_KeepsStructure()
    {
        var command = new SlashCommandBuilder("deck", "Manage decks")
            .AddSubcommand("upload", "Upload a deck file", o => o.AddAttachment("file", "YAML, CSV/TSV or .apkg", required: true).AddString("name", "Deck name", autocomplete: true))
            .AddSubcommand("list", "List decks")
            .Build();

        Assert.Equal(2, command.Options!.Count);
        var upload = command.Options[0];
        Assert.Equal(ApplicationCommandOptionType.SubCommand, upload.Type);
        Assert.Equal(ApplicationCommandOptionType.Attachment, upload.Options![0].Type);
        Assert.True(upload.Options[1].Autocomplete);
    }

    [Theory]
    [InlineData("Review", "must be lowercase")]
    [InlineData("two words", "not a valid name")]
    [InlineData("", "not a valid name")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", "not a valid name")]
    public void Build_BadName_Throws(string name, string expected)
    {
        var error = Assert.Throws<DiscordLimitException>(() => new SlashCommandBuilder(name, "d").Build());
        Assert.EndsWith(".name", error.Field);
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("révision")]
    [InlineData("deck-upload")]
    [InlineData("don't")]
    public void Build_UnicodeOrPunctuatedName_Accepted(string name)
        => Assert.Equal(name, new SlashCommandBuilder(name, "d").Build().Name);

    [Fact]
    public void Build_DescriptionTooLong_Throws()
    {
        var error = Assert.Throws<DiscordLimitException>(() => new SlashCommandBuilder("help", new string('d', 101)).Build());
        Assert.Equal("command 'help'.description", error.Field);
    }

    [Fact]
    public void Build_TwentySixOptions_Throws()
    {
        var builder = new SlashCommandBuilder("stats", "Show stats");
        for (var i = 0; i < 26; i++)
        {
            builder.AddOption(ApplicationCommandOptionType.String, $"o{i}", "option");
        }

        var error = Assert.Throws<DiscordLimitException>(() => builder.Build());
        Assert.Equal("command 'stats'.options", error.Field);
    }

    [Fact]
    public void Build_TwentySixChoices_Throws()
    {
        var choices = Enumerable.Range(0, 26).Select(i => ApplicationCommandOptionChoice.Of($"c{i}", $"v{i}")).ToList();
        var error = Assert.Throws<DiscordLimitException>(() =>
            new SlashCommandBuilder("rate", "Rate").AddOption(ApplicationCommandOptionType.String, "grade", "Grade", choices: choices).Build());
        Assert.Equal("command 'rate'.options[0].choices", error.Field);
    }

    [Fact]
    public void Build_ChoiceTypeMismatch_Throws()
    {
        var error = Assert.Throws<DiscordLimitException>(() =>
            new SlashCommandBuilder("rate", "Rate").AddOption(ApplicationCommandOptionType.Integer, "grade", "Grade", choices: [ApplicationCommandOptionChoice.Of("a", "x")]).Build());
        Assert.Equal("command 'rate'.options[0].choices[0].value", error.Field);
    }

    [Fact]
    public void Build_RequiredAfterOptional_Throws()
    {
        var error = Assert.Throws<DiscordLimitException>(() => new SlashCommandBuilder("quiz", "Quiz")
            .AddOption(ApplicationCommandOptionType.String, "deck", "Deck")
            .AddOption(ApplicationCommandOptionType.Integer, "count", "Count", required: true)
            .Build());
        Assert.Equal("command 'quiz'.options[1].required", error.Field);
    }

    [Fact]
    public void CheckCommands_DuplicateNames_Throws()
    {
        var help = new SlashCommandBuilder("help", "Help").Build();
        var error = Assert.Throws<DiscordLimitException>(() => DiscordLimits.CheckCommands([help, help]));
        Assert.Equal("commands[1].name", error.Field);
    }
}
