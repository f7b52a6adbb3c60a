using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using StudyBot.Data;
using StudyBot.Data.Backup;

namespace StudyBot.Cli.Db;

public sealed class DbBackupSettings : DbSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("The new backup file (never overwritten).")]
    public string Path { get; init; } = "";
}

/// <summary>`studybot db backup PATH`: a consistent copy through SQLite's online backup API, safe while the bot runs (SQLite only: PostgreSQL has pg_dump).</summary>
public sealed class DbBackupCommand : AsyncCommand<DbBackupSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DbBackupSettings settings)
    {
        if (DbServices.TargetOrReport(settings) is not { } target)
        {
            return 1;
        }
        if (target.Provider != DatabaseProvider.Sqlite)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] db backup copies a SQLite file; the {target.Describe()} is backed up with PostgreSQL's own tools: pg_dump --format=custom --file=studybot.dump (and pg_restore to restore).");
            return 1;
        }
        try
        {
            var result = await DatabaseBackup.CopyAsync(target.ConnectionString, settings.Path);
            AnsiConsole.MarkupLineInterpolated($"[green]ok:[/] backed up {target.Describe()} to {result.Path} ({result.Bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes, integrity ok).");
            return 0;
        }
        catch (BackupException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 1;
        }
    }
}
