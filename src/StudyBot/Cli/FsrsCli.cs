using Spectre.Console.Cli;
using StudyBot.Cli.Fsrs;

namespace StudyBot.Cli;

public static class FsrsCli
{
    /// <summary>Registers the `fsrs` command branch.</summary>
    public static IConfigurator AddFsrsCommands(this IConfigurator config)
    {
        config.AddBranch("fsrs", fsrs =>
        {
            fsrs.SetDescription("FSRS-6 scheduler tools.");
            fsrs.AddCommand<FsrsReplayCommand>("replay")
                .WithDescription("Replay review logs through the scheduler and print the card after every review (ts-fsrs field names) as JSON.")
                .WithExample("fsrs", "replay", "histories.json")
                .WithExample("fsrs", "replay", "histories.json", "--short-term", "off", "--retention", "0.85");
        });
        return config;
    }
}
