using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using StudyBot.Data.Infrastructure;

namespace StudyBot.Cli.Db;

/// <summary>`studybot db migrate [--provider postgres --connection ...]`: what the bot does at startup, on its own; creates the schema in an empty database.</summary>
public sealed class DbMigrateCommand : AsyncCommand<DbSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DbSettings settings)
    {
        if (DbServices.TargetOrReport(settings) is not { } target)
        {
            return 1;
        }
        await using var services = DbServices.Build(target);
        IReadOnlyList<string> applied;
        try
        {
            applied = await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        }
        catch (DbException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] could not migrate the {target.Describe()}: {e.Message}");
            return 1;
        }
        AnsiConsole.MarkupLineInterpolated($"{target.Describe()}: {(applied.Count == 0 ? "already up to date" : $"applied {string.Join(", ", applied)}")}");
        return 0;
    }
}
