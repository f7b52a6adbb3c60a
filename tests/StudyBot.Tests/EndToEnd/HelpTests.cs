using Microsoft.Extensions.DependencyInjection;
using StudyBot.Discord.Models;
using StudyBot.Features.Help;
using StudyBot.Features.Shared;
using StudyBot.Hosting.Commands;

namespace StudyBot.Tests.EndToEnd;

public sealed class HelpTests(PlaygroundBot bot) : IClassFixture<PlaygroundBot>
{
    private IReadOnlyList<BotCommand> Commands => bot.App.Services.GetRequiredService<CommandCatalog>().Commands;

    [Fact]
    public async Task Help_Student_SeesStudentCommandsOnlyWithNoInstructorPage()
    {
        var student = bot.AddStudent("help-reader");

        var outcome = await bot.RunAsync(student, "help");

        Assert.Equal(4, outcome.CallbackType);
        Assert.True(outcome.Ephemeral);
        var text = MessageView.Text(outcome.Message);
        Assert.Contains("spaced repetition", text);
        var lines = Commands.SelectMany(c => c.HelpLines).ToList();
        Assert.All(lines.Where(l => !l.InstructorOnly), line => Assert.Contains(line.Text, text));
        Assert.All(lines.Where(l => l.InstructorOnly), line => Assert.DoesNotContain(line.Text, text));
        Assert.DoesNotContain(HelpService.InstructorButton, outcome.Message!.ToJsonString());
    }

    [Fact]
    public async Task Help_InstructorInServer_SecondPageByButtonListsEveryInstructorCommandAndGoesBack()
    {
        var first = await bot.RunAsync(bot.You, "help");
        var lines = Commands.SelectMany(c => c.HelpLines).ToList();
        Assert.All(lines.Where(l => !l.InstructorOnly), line => Assert.Contains(line.Text, MessageView.Text(first.Message)));

        var second = await bot.ClickAsync(bot.You, first.Message!, MessageView.ButtonLabelled(first.Message, HelpService.InstructorButton));
        var text = MessageView.Text(second.Message);
        Assert.Contains(HelpService.InstructorPageTitle, text);
        Assert.All(lines.Where(l => l.InstructorOnly), line => Assert.Contains(line.Text, text));
        Assert.All(lines.Where(l => !l.InstructorOnly), line => Assert.DoesNotContain(line.Text, text));
        // Every registered command is on one of the two pages.
        var both = MessageView.Text(first.Message) + text;
        Assert.All(Commands.Select(c => c.Definition.Name), name => Assert.Contains($"`/{name}", both));

        var back = await bot.ClickAsync(bot.You, second.Message!, MessageView.ButtonLabelled(second.Message, HelpService.StudentButton));
        Assert.Contains("spaced repetition", MessageView.Text(back.Message));
    }

    [Fact]
    public async Task Help_InDm_ListsOnlyCommandsThatWorkInDms()
    {
        var student = bot.AddStudent("dm-helper");
        var dm = bot.Emulator.State.GetOrCreateDm(student.Id);

        var outcome = await (await student.RunCommandAsync(dm.Id, "help")).WaitAsync(TimeSpan.FromSeconds(30));

        var text = MessageView.Text(outcome.Message);
        var inDm = Commands.Where(c => c.Definition.Contexts?.Contains(InteractionContextType.BotDm) != false).SelectMany(c => c.HelpLines).Where(l => !l.InstructorOnly).ToList();
        var serverOnly = Commands.Where(c => c.Definition.Contexts?.Contains(InteractionContextType.BotDm) == false).SelectMany(c => c.HelpLines).Where(l => !l.InstructorOnly).ToList();
        Assert.NotEmpty(inDm);
        Assert.NotEmpty(serverOnly);
        Assert.All(inDm, line => Assert.Contains(line.Text, text));
        Assert.All(serverOnly, line => Assert.DoesNotContain(line.Text, text));
        Assert.Contains("/help in your server", text);
    }

    [Fact]
    public void HelpLines_EachCommand_IsOneShortLineWithAnExample()
    {
        Assert.All(Commands.SelectMany(c => c.HelpLines), line =>
        {
            Assert.DoesNotContain('\n', line.Text);
            Assert.True(line.Text.Length <= 170, $"{line.Text.Length} characters: {line.Text}");
            Assert.Contains("e.g. `/", line.Text);
        });
    }

    [Fact]
    public async Task HelpPage_StudentForgesTheInstructorPage_IsRefused()
    {
        var student = bot.AddStudent("help-forger");
        var first = await bot.RunAsync(student, "help");

        var forged = await (await student.ForgeClickAsync(MessageView.Id(first.Message!), HelpIds.Page.Format(new(2)))).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(forged.Ephemeral);
        Assert.Contains(Instructors.RefusalText, forged.Content);
    }

    [Fact]
    public async Task Registration_Playground_RegistersEveryCommandGloballyForBothServers()
    {
        var registered = bot.Emulator.State.Commands(null).Select(c => c.Name).Order().ToList();
        var expected = Commands.Select(c => c.Definition.Name).Order().ToList();

        Assert.Equal(expected, registered);
        await Task.CompletedTask;
    }
}
