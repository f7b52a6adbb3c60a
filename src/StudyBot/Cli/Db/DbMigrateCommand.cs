using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using StudyBot.Data.Infrastructure;

namespace StudyBot.Cli.Db;

/// <summary>`studybot db migrate`: what the bot does at startup, on its own.</summary>
public sealed class DbMigrateCommand : AsyncCommand<DbSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DbSettings settings)
    {
        var connectionString = DatabaseLocation.ConnectionString(settings.Database);
        await using var services = DbServices.Build(connectionString);
        var applied = await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        AnsiConsole.MarkupLineInterpolated($"{DatabaseLocation.FilePath(connectionString)}: {(applied.Count == 0 ? "already up to date" : $"applied {string.Join(", ", applied)}")}");
        return 0;
    }
}
