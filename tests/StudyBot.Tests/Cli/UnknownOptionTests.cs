using System.Text.RegularExpressions;
using Spectre.Console.Cli;
using StudyBot.Cli;
using StudyBot.Hosting;

namespace StudyBot.Tests.Cli;

/// <summary>
/// Every `studybot` command, found by walking the help the program prints (so a new command is
/// checked without being listed here), refuses an option it does not have: exit code 1, the option
/// named, and the command's valid options after it.
/// </summary>
public sealed partial class UnknownOptionTests
{
    [Fact]
    public void EveryCommand_WithAnUnknownOption_ExitsOneNamingItAndListingTheValidOptions()
    {
        var commands = Commands([]).ToList();
        var wrong = new List<string>();

        foreach (var command in commands)
        {
            // A command's required arguments are given (a placeholder each), so the option is what is wrong.
            var (helpExit, help) = Run([.. command, "--help"]);
            if (helpExit != 0)
            {
                wrong.Add($"studybot {string.Join(' ', command)} --help: exit {helpExit}\n{help}");
            }
            var required = RequiredArgument().Matches(UsageLine().Match(help).Groups[1].Value).Count;
            var (exit, output) = Run([.. command, .. Enumerable.Repeat("x", required), "--no-such-option"]);
            if (exit != 1 || !output.Contains("Unknown option 'no-such-option'", StringComparison.Ordinal) || !output.Contains("OPTIONS:", StringComparison.Ordinal))
            {
                wrong.Add($"studybot {string.Join(' ', command)} --no-such-option: exit {exit}\n{output}");
            }
        }

        Assert.True(commands.Count >= 20, $"found only {commands.Count} commands: {string.Join(", ", commands.Select(c => string.Join(' ', c)))}");
        Assert.Contains(["deck", "generate"], commands);
        Assert.Contains(["simulate"], commands);
        Assert.True(wrong.Count == 0, string.Join("\n\n", wrong));
    }

    /// <summary>The commands under <paramref name="path"/> that run something (a branch's own are walked into).</summary>
    private static IEnumerable<string[]> Commands(string[] path)
    {
        var (_, help) = Run([.. path, "--help"]);
        var listed = CommandsSection().Match(help);
        if (!listed.Success)
        {
            yield return path;
            yield break;
        }

        foreach (var name in CommandName().Matches(listed.Groups[1].Value).Select(m => m.Groups[1].Value))
        {
            foreach (var command in Commands([.. path, name]))
            {
                yield return command;
            }
        }
    }

    /// <summary>Runs the command line in-process, as Program does, on a recorded console.</summary>
    private static (int Exit, string Output) Run(string[] args)
    {
        var writer = new StringWriter();
        var console = Decks.DeckCli.Recorded(writer, 250);
        var app = new CommandApp<RunCommand>();
        var errors = new CliErrors();
        app.Configure(config =>
        {
            config.ConfigureConsole(console);
            CommandLine.Configure(config, errors, console);
        });
        var exit = app.Run(args);
        if (errors.UnknownOption)
        {
            app.Run(CliErrors.HelpArgs(args));
        }
        return (exit, writer.ToString());
    }

    // In the USAGE line: <file> is required, [file] is not.
    [GeneratedRegex(@"<[A-Za-z0-9_-]+>")]
    private static partial Regex RequiredArgument();

    [GeneratedRegex(@"^USAGE:\s*\n(.*)$", RegexOptions.Multiline)]
    private static partial Regex UsageLine();

    [GeneratedRegex(@"^COMMANDS:\s*\n((?:[ \t]+\S.*\n?)+)", RegexOptions.Multiline)]
    private static partial Regex CommandsSection();

    [GeneratedRegex(@"^ {1,6}([a-z][a-z0-9-]*)(?: |$)", RegexOptions.Multiline)]
    private static partial Regex CommandName();
}
