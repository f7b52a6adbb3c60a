using System.ComponentModel;
using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Spectre.Console;
using Spectre.Console.Cli;
using StudyBot.Cli.Db;
using StudyBot.Data.Privacy;
using StudyBot.Data.Verification;
using StudyBot.Features.Reminders;

namespace StudyBot.Cli;

public static class PrivacyCli
{
    /// <summary>Registers the `privacy` command branch.</summary>
    public static IConfigurator AddPrivacyCommands(this IConfigurator config)
    {
        config.AddBranch("privacy", privacy =>
        {
            privacy.SetDescription("Erase what StudyBot stores about a student.");
            privacy.AddCommand<PrivacyEraseCommand>("erase")
                .WithDescription("Delete a student's progress, review log, quiz answers, settings and reminder (--user ID), or only what belongs to one server (--guild ID); then run db verify.")
                .WithExample("privacy", "erase", "--user", "123456789012345678");
        });
        return config;
    }
}

public sealed class PrivacyEraseSettings : DbSettings
{
    [CommandOption("--user <ID>")]
    [Description("The student's Discord user id (Developer Mode, right-click the member, Copy User ID).")]
    public string? User { get; init; }

    [CommandOption("--guild <ID>")]
    [Description("Only what belongs to this server (its decks' progress, its quizzes, the membership); without it, everything.")]
    public string? Guild { get; init; }

    public override ValidationResult Validate()
    {
        if (!TryId(User, out _))
        {
            return ValidationResult.Error($"--user needs a Discord user id (a number such as 123456789012345678){(User is null ? "" : $", not '{User}'")}.");
        }
        return Guild is not null && !TryId(Guild, out _)
            ? ValidationResult.Error($"--guild needs a Discord server id (a number such as 987654321098765432), not '{Guild}'.")
            : ValidationResult.Success();
    }

    internal static bool TryId(string? text, out ulong id) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
}

/// <summary>`studybot privacy erase --user ID [--guild ID]`: a student's right to be forgotten.</summary>
public sealed class PrivacyEraseCommand : AsyncCommand<PrivacyEraseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, PrivacyEraseSettings settings)
    {
        PrivacyEraseSettings.TryId(settings.User, out var user);
        ulong? guild = PrivacyEraseSettings.TryId(settings.Guild, out var g) ? g : null;
        if (DbServices.TargetOrReport(settings) is not { } target || await DbServices.OpenExistingAsync(settings) is not { } services)
        {
            return 1;
        }
        await using (services)
        {
            EraseReport report;
            try
            {
                report = await services.GetRequiredService<PrivacyErase>().EraseUserAsync(user, guild);
            }
            catch (DbException e)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] nothing was erased: {e.Message}");
                return 1;
            }
            var where = guild is { } id ? $" in server {id}" : "";
            AnsiConsole.MarkupLineInterpolated($"Erased user {user}{where}: {report}.");
            if (guild is null)
            {
                // The reminder lives in the scheduler's store, beside the tables.
                var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true).AddEnvironmentVariables().Build();
                await using var scheduling = SchedulerStoreCopy.Build(target, configuration);
                var scheduler = await scheduling.GetRequiredService<ISchedulerFactory>().GetScheduler();
                try
                {
                    if (await scheduler.DeleteJob(ReminderScheduler.JobFor(user)))
                    {
                        AnsiConsole.MarkupLine("Deleted the student's reminder.");
                    }
                }
                finally
                {
                    await scheduler.Shutdown(waitForJobsToComplete: false);
                }
            }
            return DbVerifyCommand.Print(await services.GetRequiredService<ReviewLogVerifier>().VerifyAsync());
        }
    }
}
