using Spectre.Console;
using Spectre.Console.Cli;
using StudyBot.Hosting;

namespace StudyBot.Cli;

/// <summary>Every `studybot` command, registered once: the program runs them, and a test checks each refuses an unknown option.</summary>
public static class CommandLine
{
    /// <summary>Registers the commands; <paramref name="console"/> is where errors and the deck commands write (the terminal, or a test's recording).</summary>
    public static void Configure(IConfigurator config, CliErrors errors, IAnsiConsole console)
    {
        config.SetApplicationName("studybot");
        errors.Configure(config, console);
        config.AddCommand<RunCommand>("run").WithDescription("Run the bot (the default): Discord when a token is set, else the Playground.");
        config.AddFsrsCommands();
        config.AddDeckCommands(console);
        config.AddDbCommands();
        config.AddClusterCommands();
        config.AddPrivacyCommands();
        config.AddCommand<Simulate.SimulateCommand>("simulate")
            .WithDescription("Simulate students learning under FSRS-6 (retention 0.8/0.9/0.95, fitted), SM-2, Leitner and fixed intervals; print reviews, study time and exam recall.")
            .WithExample("simulate", "--students", "100", "--days", "90", "-o", "report.png");
        config.AddSetupCommands();
    }
}
