using System.ComponentModel;
using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using StudyBot.Data;
using StudyBot.Data.Transfer;
using StudyBot.Data.Verification;
using StudyBot.Hosting;

namespace StudyBot.Cli.Db;

public sealed class DbCopySettings : CommandSettings
{
    [CommandOption("--from <DATABASE>")]
    [Description("The database to copy: sqlite:PATH or postgres:CONNECTION-STRING.")]
    public string From { get; init; } = "";

    [CommandOption("--to <DATABASE>")]
    [Description("The empty database to fill: postgres:CONNECTION-STRING (e.g. postgres:Host=db;Database=studybot;Username=studybot) or sqlite:PATH.")]
    public string To { get; init; } = "";

    [CommandOption("--scheduler-name <NAME>")]
    [Description("The Quartz scheduler whose stored jobs are copied (default: Quartz:SchedulerName, else StudyBot).")]
    public string? SchedulerName { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(From) || string.IsNullOrWhiteSpace(To)
            ? ValidationResult.Error("pass both --from and --to, e.g. --from sqlite:studybot.db --to postgres:Host=localhost;Database=studybot;Username=studybot")
            : ValidationResult.Success();
}

/// <summary>
/// `studybot db copy --from sqlite:PATH --to postgres:CONNSTRING`: the upgrade path to PostgreSQL.
/// Migrates the target, refuses it unless empty, copies every table (ids kept, review log
/// included) and Quartz's stored jobs and triggers, then runs db verify on the target.
/// </summary>
public sealed class DbCopyCommand : AsyncCommand<DbCopySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DbCopySettings settings)
    {
        DatabaseTarget from, to;
        try
        {
            from = DatabaseTarget.Parse(settings.From);
            to = DatabaseTarget.Parse(settings.To);
        }
        catch (ArgumentException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 1;
        }
        if (from == to)
        {
            AnsiConsole.MarkupLine("[red]error:[/] --from and --to name the same database.");
            return 1;
        }

        AnsiConsole.MarkupLineInterpolated($"Copying the {from.Describe()} to the {to.Describe()}.");
        CopyResult copied;
        try
        {
            copied = await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async progress =>
                {
                    var tasks = new Dictionary<string, ProgressTask>();
                    var report = new ActionProgress<CopyProgress>(p =>
                    {
                        if (!tasks.TryGetValue(p.Table, out var task))
                        {
                            task = tasks[p.Table] = progress.AddTask(p.Table, maxValue: Math.Max(1, p.Total));
                        }
                        task.Value = p.Total == 0 ? 1 : p.Copied;
                    });
                    var result = await DatabaseCopy.CopyAsync(from, to, report);
                    foreach (var task in tasks.Values)
                    {
                        task.Value = task.MaxValue;
                    }
                    return result;
                });
        }
        catch (Exception e) when (e is CopyException or DbException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 1;
        }
        AnsiConsole.MarkupLineInterpolated(
            $"Copied {copied.Rows.ToString("N0", CultureInfo.InvariantCulture)} rows in {copied.Tables.Count} tables in {copied.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s: {string.Join(", ", copied.Tables.Where(t => t.Rows > 0).Select(t => $"{t.Table} {t.Rows.ToString("N0", CultureInfo.InvariantCulture)}"))}.");

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings.SchedulerName is { Length: > 0 } name ? [new(SchedulingServiceCollectionExtensions.SchedulerNameKey, name)] : [])
            .Build();
        var (jobs, triggers) = await SchedulerStoreCopy.CopyAsync(from, to, configuration, DateTimeOffset.UtcNow, CancellationToken.None);
        AnsiConsole.MarkupLineInterpolated($"Copied Quartz's stored jobs: {jobs} job(s) with {triggers} trigger(s) (reminders, daily questions, quiz deadlines).");

        AnsiConsole.MarkupLineInterpolated($"db verify on the {to.Describe()}:");
        var (services, error) = await DbServices.TryOpenExistingAsync(to);
        if (services is null)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {error}");
            return 1;
        }
        await using (services)
        {
            return DbVerifyCommand.Print(await services.GetRequiredService<ReviewLogVerifier>().VerifyAsync());
        }
    }

    /// <summary>Reports on the calling thread, in order (Progress&lt;T&gt; would post each report to the thread pool).</summary>
    private sealed class ActionProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
