namespace StudyBot.Hosting;

/// <summary>
/// Which command lines run the bot. Kept apart from the command-line parser (Spectre.Console.Cli) so
/// that a running bot never loads the parser's assemblies: a bot at rest holds only what it uses.
/// </summary>
public static class HostArguments
{
    private static readonly HashSet<string> _cliFlags = ["-h", "--help", "-?", "-v", "--version"];

    /// <summary>True for `studybot`, `studybot run [--Key=Value...]` and `studybot --Key=Value...`; gives the host's arguments.</summary>
    public static bool TryGet(string[] args, out string[] hostArgs)
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
