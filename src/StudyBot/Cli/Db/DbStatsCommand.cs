using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using StudyBot.Data.Verification;

namespace StudyBot.Cli.Db;

/// <summary>`studybot db stats`: row counts as a table.</summary>
public sealed class DbStatsCommand : AsyncCommand<DbSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DbSettings settings)
    {
        if (await DbServices.OpenExistingAsync(settings) is not { } services)
        {
            return 1;
        }
        await using (services)
        {
            var counts = await services.GetRequiredService<DatabaseStats>().CountAsync();
            var table = new Table().AddColumn("what").AddColumn(new TableColumn("count").RightAligned());
            foreach (var (name, count) in counts.Rows)
            {
                table.AddRow(Markup.Escape(name), count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            }
            AnsiConsole.Write(table);
            return 0;
        }
    }
}
