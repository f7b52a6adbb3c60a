using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using StudyBot.Data.Verification;

namespace StudyBot.Cli.Db;

/// <summary>`studybot db verify`: the review log is the truth; every stored state must follow from it.</summary>
public sealed class DbVerifyCommand : AsyncCommand<DbSettings>
{
    private const int ShownDifferences = 50;

    public override async Task<int> ExecuteAsync(CommandContext context, DbSettings settings)
    {
        if (await DbServices.OpenExistingAsync(settings) is not { } services)
        {
            return 1;
        }
        await using (services)
        {
            return Print(await services.GetRequiredService<ReviewLogVerifier>().VerifyAsync());
        }
    }

    /// <summary>Prints a verify report (the first differences, then the count) and returns the exit code: 0 when it passed.</summary>
    public static int Print(VerificationReport report)
    {
        AnsiConsole.MarkupLineInterpolated($"Replayed {report.LogEntries} log entries for {report.Users} student(s), {report.CardStates} card state(s).");
        if (report.Passed)
        {
            AnsiConsole.MarkupLine("[green]ok:[/] every card state matches its review log.");
            return 0;
        }
        foreach (var difference in report.Differences.Take(ShownDifferences))
        {
            var where = difference.LogId is { } id ? $"log entry {id}" : "stored state";
            AnsiConsole.MarkupLineInterpolated($"[red]difference:[/] user {difference.UserId}, card {difference.CardId}, {where}: {difference.What}");
        }
        if (report.Differences.Count > ShownDifferences)
        {
            AnsiConsole.MarkupLineInterpolated($"... and {report.Differences.Count - ShownDifferences} more.");
        }
        AnsiConsole.MarkupLineInterpolated($"[red]failed:[/] {report.Differences.Count} difference(s).");
        return 1;
    }
}
