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
            fsrs.AddCommand<FsrsOptimizeCommand>("optimize")
                .WithDescription("Fit the 21 FSRS-6 weights to review logs (as fsrs-rs does) and print them with their log loss and RMSE(bins) as JSON.")
                .WithExample("fsrs", "optimize", "histories.json")
                .WithExample("fsrs", "optimize", "histories.json", "--short-term", "off");
            fsrs.AddCommand<FsrsEvaluateCommand>("evaluate")
                .WithDescription("Print the log loss and RMSE(bins) of FSRS weights on review logs as JSON.")
                .WithExample("fsrs", "evaluate", "histories.json", "--parameters", "\"[0.212, 1.2931, ...]\"");
        });
        return config;
    }
}
