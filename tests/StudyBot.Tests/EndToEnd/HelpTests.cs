using Microsoft.Extensions.DependencyInjection;
using StudyBot.Hosting.Commands;

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
        // More instructor lines than one 1,024-character field holds are continued in a second field, never cut.
        var lines = bot.App.Services.GetRequiredService<CommandCatalog>().Commands.SelectMany(c => c.HelpLines).ToList();
        Assert.All(lines, line => Assert.Contains(line.Text, text));
        Assert.True(lines.Where(l => l.InstructorOnly).Sum(l => l.Text.Length + 1) > 1024, "the instructor lines now fit one field; this check no longer tests the split");
        Assert.Contains("For instructors (2)", text);
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
