using Spectre.Console.Cli;

namespace StudyBot.Hosting;

/// <summary>
/// Runs the bot: connects to Discord when a token is configured, otherwise serves the Playground.
/// Listed in the CLI's help; <see cref="TryGetHostArgs"/> routes runs past the CLI parser, because
/// configuration overrides such as <c>--Playground:Port=0</c> are not options it knows.
/// </summary>
public sealed class RunCommand : AsyncCommand
{
    private static readonly HashSet<string> _cliFlags = ["-h", "--help", "-?", "-v", "--version"];

    public override Task<int> ExecuteAsync(CommandContext context) => BotHost.RunAsync([.. context.Remaining.Raw]);

    /// <summary>True for `studybot`, `studybot run [--Key=Value...]` and `studybot --Key=Value...`; gives the host's arguments.</summary>
    public static bool TryGetHostArgs(string[] args, out string[] hostArgs)
    {
        hostArgs = args;
        if (args.Length == 0)
        {
            return true;
        }

        var rest = args[0] == "run" ? args[1..] : args;
        if (rest.Any(_cliFlags.Contains) || (args[0] != "run" && !args[0].StartsWith("--", StringComparison.Ordinal)))
        {
            return false;
        }

        hostArgs = rest;
        return true;
    }
}
