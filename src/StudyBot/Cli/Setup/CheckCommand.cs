using Spectre.Console;
using Spectre.Console.Cli;
using StudyBot.Setup;

namespace StudyBot.Cli.Setup;

/// <summary>`studybot check`: the configuration and the token, checked against Discord; one line per problem, exit 1 if any.</summary>
public sealed class CheckCommand : AsyncCommand
{
    public override async Task<int> ExecuteAsync(CommandContext context)
    {
        var report = await SetupCheck.RunAsync(SetupConfiguration.Read(context.Remaining), TimeProvider.System);
        foreach (var line in report.Passed)
        {
            AnsiConsole.MarkupLineInterpolated($"[green]ok:[/] {line}");
        }

        foreach (var line in report.Problems)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]problem:[/] {line}");
        }

        AnsiConsole.MarkupLineInterpolated($"{(report.Problems.Count == 0 ? "Ready to run." : $"{report.Problems.Count} problem(s) to fix.")}");
        return report.Problems.Count == 0 ? 0 : 1;
    }
}
