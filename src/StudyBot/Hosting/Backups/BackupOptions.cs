using System.ComponentModel.DataAnnotations;
using Quartz;

namespace StudyBot.Hosting.Backups;

/// <summary>The <c>Backup</c> section: an optional daily copy of the database, the last <see cref="Keep"/> kept.</summary>
public sealed class BackupOptions : IValidatableObject
{
    public const string SectionName = "Backup";
    public const string FilePrefix = "studybot-";
    public const string FileExtension = ".db";

    /// <summary>Where backups go; no backups are scheduled when it is empty.</summary>
    public string? Directory { get; set; }

    /// <summary>How many backups to keep; older ones are deleted after each new one.</summary>
    public int Keep { get; set; } = 7;

    /// <summary>A Quartz cron expression, in UTC (default: every day at 03:30).</summary>
    public string Schedule { get; set; } = "0 30 3 * * ?";

    public bool Enabled => !string.IsNullOrWhiteSpace(Directory);

    internal static bool IsCron(string expression)
    {
        try
        {
            _ = new CronExpression(expression);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Keep < 1)
        {
            yield return new ValidationResult($"Backup:Keep must be at least 1, not {Keep}.");
        }

        if (!IsCron(Schedule))
        {
            yield return new ValidationResult($"Backup:Schedule '{Schedule}' is not a Quartz cron expression (e.g. \"0 30 3 * * ?\" for 03:30 UTC daily).");
        }
    }
}
