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
    app.Configure(config =>
    {
        config.SetApplicationName("studybot");
        errors.Configure(config, AnsiConsole.Console);
        config.AddCommand<RunCommand>("run").WithDescription("Run the bot (the default): Discord when a token is set, else the Playground.");
        config.AddFsrsCommands();
        config.AddDeckCommands();
        config.AddDbCommands();
        config.AddClusterCommands();
        config.AddPrivacyCommands();
        config.AddCommand<StudyBot.Cli.Simulate.SimulateCommand>("simulate")
            .WithDescription("Simulate students learning under FSRS-6 (retention 0.8/0.9/0.95, fitted), SM-2, Leitner and fixed intervals; print reviews, study time and exam recall.")
            .WithExample("simulate", "--students", "100", "--days", "90", "-o", "report.png");
        config.AddSetupCommands();
    });
    var exit = await app.RunAsync(args);
    if (errors.UnknownOption)
    {
        await app.RunAsync(CliErrors.HelpArgs(args));
    }
    return exit;
}
