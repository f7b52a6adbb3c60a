using StudyBot.Hosting.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace StudyBot.Tests.EndToEnd;

public sealed class HelpTests(PlaygroundBot bot) : IClassFixture<PlaygroundBot>
{
    [Fact]
    public async Task Help_AnyUser_RepliesEphemeralEmbedListingEveryCommand()
    {
        var student = bot.AddStudent("help-reader");

        var outcome = await bot.RunAsync(student, "help");

        Assert.Equal(4, outcome.CallbackType);
        Assert.True(outcome.Ephemeral);
        var text = MessageView.Text(outcome.Message);
        Assert.Contains("spaced repetition", text);
        var registered = bot.App.Services.GetRequiredService<CommandCatalog>().Commands.Select(c => c.Definition.Name).ToList();
        Assert.Contains("review", registered);
        Assert.All(registered, name => Assert.Contains($"`/{name}", text));
    }

    [Fact]
    public async Task Registration_Playground_RegistersEveryCommandGloballyForBothServers()
    {
        var registered = bot.Emulator.State.Commands(null).Select(c => c.Name).Order().ToList();
        var expected = bot.App.Services.GetRequiredService<CommandCatalog>().Commands.Select(c => c.Definition.Name).Order().ToList();

        Assert.Equal(expected, registered);
        await Task.CompletedTask;
    }
}
