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
            db.SetDescription("Inspect, check, migrate, copy, back up and restore the progress database.");
            db.AddCommand<DbVerifyCommand>("verify")
                .WithDescription("Replay every review log through FSRS and compare with the stored card states (exit 1 on any difference).");
            db.AddCommand<DbStatsCommand>("stats").WithDescription("Count what the database holds.");
            db.AddCommand<DbMigrateCommand>("migrate").WithDescription("Create the database or bring its schema up to date (--provider sqlite|postgres, --connection).");
            db.AddCommand<DbCopyCommand>("copy")
                .WithDescription("Copy every table and the stored jobs into an empty database, e.g. --from sqlite:studybot.db --to postgres:Host=...; then run db verify on it.");
            db.AddCommand<DbBackupCommand>("backup").WithDescription("Copy the database to a new file with SQLite's online backup API (safe while the bot runs); PostgreSQL: use pg_dump.");
            db.AddCommand<DbRestoreCommand>("restore").WithDescription("Replace the database with a backup (the bot must be stopped), then run db verify on it.");
        });
        return config;
    }
}
