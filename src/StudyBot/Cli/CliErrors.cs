using Spectre.Console;
using Spectre.Console.Cli;

namespace StudyBot.Cli;

/// <summary>
/// How every command reports bad input: unknown options are errors (strict parsing), each error is
/// one line, never a stack trace, and after an unknown option the command's help lists the valid
/// options (<see cref="HelpArgs"/>).
/// </summary>
public sealed class CliErrors
{
    /// <summary>The last run failed on an option the command does not have.</summary>
    public bool UnknownOption { get; private set; }

    public void Configure(IConfigurator config, IAnsiConsole console)
    {
        config.UseStrictParsing();
        config.SetExceptionHandler((ex, _) =>
        {
            UnknownOption = ex is CommandParseException && ex.Message.Contains("Unknown option", StringComparison.OrdinalIgnoreCase);
            console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}{(UnknownOption ? "; the valid options of this command are:" : "")}");
            return 1;
        });
    }

    /// <summary>The command's words before the first option, with --help: what to run to list the valid options.</summary>
    public static string[] HelpArgs(IEnumerable<string> args) => [.. args.TakeWhile(a => !a.StartsWith('-')), "--help"];
}
