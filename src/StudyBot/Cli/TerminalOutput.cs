using Spectre.Console;

namespace StudyBot.Cli;

/// <summary>
/// The command line's console: colours and styles only on a terminal, none when the output is
/// redirected or NO_COLOR is set (https://no-color.org); redirected lines are not wrapped.
/// </summary>
public static class TerminalOutput
{
    public static bool Plain(bool redirected, string? noColor) => redirected || !string.IsNullOrEmpty(noColor);

    public static IAnsiConsole Create(TextWriter output, bool redirected, string? noColor)
    {
        var plain = Plain(redirected, noColor);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Out = new AnsiConsoleOutput(output),
        });
        if (redirected)
        {
            // A pipe or a file has no width: one finding stays on one line.
            console.Profile.Width = 4096;
        }

        return console;
    }

    /// <summary>Sets up the process's console from its real stdout and environment.</summary>
    public static void Configure()
        => AnsiConsole.Console = Create(Console.Out, Console.IsOutputRedirected, Environment.GetEnvironmentVariable("NO_COLOR"));
}
