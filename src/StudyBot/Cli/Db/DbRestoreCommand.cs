using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using StudyBot.Data;
using StudyBot.Data.Backup;
using StudyBot.Data.Infrastructure;
using StudyBot.Data.Verification;

namespace StudyBot.Cli.Db;

/// <summary>
/// `studybot db restore PATH`: refuses while a bot holds the database; otherwise puts the backup in
/// place (keeping the old file beside it), brings its schema up to date and runs `db verify` on it.
/// </summary>
public sealed class DbRestoreCommand : AsyncCommand<DbBackupSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DbBackupSettings settings)
    {
        if (DbServices.TargetOrReport(settings) is not { } target)
        {
            return 1;
        }
        if (target.Provider != DatabaseProvider.Sqlite)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] db restore puts back a SQLite file; restore the {target.Describe()} with PostgreSQL's own tools (pg_restore of a pg_dump), then run `studybot db migrate` and `studybot db verify` on it.");
            return 1;
        }
        var connectionString = target.ConnectionString;
        RestoreResult restored;
        try
        {
            restored = await DatabaseRestore.RestoreAsync(settings.Path, connectionString, DateTime.UtcNow);
        }
        catch (BackupException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 1;
        }

        AnsiConsole.MarkupLineInterpolated($"Restored {restored.Database} from {System.IO.Path.GetFullPath(settings.Path)}.");
        if (restored.Previous is { } previous)
        {
            AnsiConsole.MarkupLineInterpolated($"The database it replaced is kept as {previous}.");
        }

        await using var services = DbServices.Build(connectionString);
        var applied = await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        if (applied.Count > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"Brought the restored schema up to date: {string.Join(", ", applied)}.");
        }

        var report = await services.GetRequiredService<ReviewLogVerifier>().VerifyAsync();
        if (report.Passed)
        {
            AnsiConsole.MarkupLineInterpolated($"[green]ok:[/] db verify passed: {report.LogEntries} log entries, {report.CardStates} card state(s), every state matches its review log.");
            return 0;
        }

        AnsiConsole.MarkupLineInterpolated($"[red]failed:[/] db verify found {report.Differences.Count} difference(s) in the restored database; run `studybot db verify` for the list.");
        return 1;
    }
}
