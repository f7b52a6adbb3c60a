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
        var console = Recorded(writer, width);
        var app = new CommandApp();
        var errors = new CliErrors();
        app.Configure(config =>
        {
            config.ConfigureConsole(console);
            errors.Configure(config, console);
            config.AddDeckCommands(console);
        });
        var exit = app.Run(args);
        if (errors.UnknownOption)
        {
            // As Program does: the command's help, which lists its valid options, after the error.
            app.Run(CliErrors.HelpArgs(args));
        }
        return (exit, writer.ToString());
    }

    /// <summary>A console without colours or prompts that writes to <paramref name="writer"/>, <paramref name="width"/> columns wide.</summary>
    public static IAnsiConsole Recorded(StringWriter writer, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        return console;
    }
}
