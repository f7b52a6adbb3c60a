using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using StudyBot.Observability;
using StudyBot.Setup;

namespace StudyBot.Cli.Setup;

public sealed class HealthSettings : CommandSettings
{
    [CommandOption("--url <URL>")]
    [Description("The bot's base address (default: worked out from the configuration, as the bot itself would listen).")]
    public string? Url { get; init; }

    [CommandOption("--ready")]
    [Description("Probe /readyz (database, Discord, scheduler) instead of /healthz.")]
    public bool Ready { get; init; }
}

/// <summary>`studybot health`: the image's HEALTHCHECK, which has no curl; exit 0 when the bot answers 200.</summary>
public sealed class HealthCommand : AsyncCommand<HealthSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, HealthSettings settings)
    {
        var baseUrl = (settings.Url ?? HealthProbe.BaseUrl(SetupConfiguration.Read(context.Remaining), Environment.GetEnvironmentVariable)).TrimEnd('/');
        var url = baseUrl + (settings.Ready ? HealthEndpoints.Readiness : HealthEndpoints.Liveness);
        if (await HealthProbe.ProblemAsync(url, TimeSpan.FromSeconds(4)) is { } problem)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]unhealthy:[/] {problem}");
            return 1;
        }

        AnsiConsole.MarkupLineInterpolated($"[green]healthy:[/] {url}");
        return 0;
    }
}
