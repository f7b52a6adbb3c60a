using Spectre.Console;
using Spectre.Console.Cli;
using StudyBot.Cli;
using StudyBot.Hosting;

if (HostArguments.TryGet(args, out var hostArgs))
{
    return await BotHost.RunAsync(hostArgs);
}

return await RunCommandLineAsync(args);

// The command line's own method: the bot's path above never loads the parser and the terminal's styles.
static async Task<int> RunCommandLineAsync(string[] args)
{
    TerminalOutput.Configure();
    var app = new CommandApp<RunCommand>();
    // Bad input is reported by the commands themselves; anything reaching here is still one line, never a stack trace.
    var errors = new CliErrors();
    app.Configure(config => CommandLine.Configure(config, errors, AnsiConsole.Console));
    var exit = await app.RunAsync(args);
    if (errors.UnknownOption)
    {
        await app.RunAsync(CliErrors.HelpArgs(args));
    }
    return exit;
}
