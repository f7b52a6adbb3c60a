using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using StudyBot.Data.Backup;

namespace StudyBot.Cli.Db;

public sealed class DbBackupSettings : DbSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("The new backup file (never overwritten).")]
    public string Path { get; init; } = "";
}

/// <summary>`studybot db backup PATH`: a consistent copy through SQLite's online backup API, safe while the bot runs.</summary>
public sealed class DbBackupCommand : AsyncCommand<DbBackupSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DbBackupSettings settings)
    {
        var connectionString = DatabaseLocation.ConnectionString(settings.Database);
        try
        {
            var result = await DatabaseBackup.CopyAsync(connectionString, settings.Path);
            AnsiConsole.MarkupLineInterpolated($"[green]ok:[/] backed up {DatabaseLocation.FilePath(connectionString)} to {result.Path} ({result.Bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes, integrity ok).");
            return 0;
        }
        catch (BackupException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 1;
        }
    }
}
