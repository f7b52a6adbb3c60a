using Spectre.Console.Cli;
using StudyBot.Cli.Db;

namespace StudyBot.Cli;

public static class DbCli
{
    /// <summary>Registers the `db` command branch.</summary>
    public static IConfigurator AddDbCommands(this IConfigurator config)
    {
        config.AddBranch("db", db =>
        {
            db.SetDescription("Inspect and check the progress database.");
            db.AddCommand<DbVerifyCommand>("verify")
                .WithDescription("Replay every review log through FSRS and compare with the stored card states (exit 1 on any difference).");
            db.AddCommand<DbStatsCommand>("stats").WithDescription("Count what the database holds.");
            db.AddCommand<DbMigrateCommand>("migrate").WithDescription("Create the database or bring its schema up to date.");
        });
        return config;
    }
}
