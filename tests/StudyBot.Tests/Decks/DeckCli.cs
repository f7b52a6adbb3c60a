using Spectre.Console;
using Spectre.Console.Cli;
using StudyBot.Cli;

namespace StudyBot.Tests.Decks;

/// <summary>Runs the `deck` commands in-process, as `studybot deck ...` runs them, writing to a recorded console.</summary>
internal static class DeckCli
{
    public static (int Exit, string Output) Run(int width, params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.ConfigureConsole(console);
            config.AddDeckCommands(console);
        });
        var exit = app.Run(args);
        return (exit, writer.ToString());
    }
}
