using System.ComponentModel.DataAnnotations;
using StudyBot.Data.Review;

namespace StudyBot.Hosting;

/// <summary>The <c>StudyBot</c> configuration section: defaults for new students and who may teach.</summary>
public sealed class StudyBotOptions : IValidatableObject
{
    public const string SectionName = "StudyBot";

    /// <summary>IANA zone given to a student who has not chosen one.</summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>Local hour at which a new student's study day starts.</summary>
    public int DefaultDayStartHour { get; set; } = 4;

    /// <summary>A role whose members may upload decks, run quizzes and see class stats (besides Manage Server).</summary>
    public string? InstructorRoleId { get; set; }

    /// <summary>Where the decks seeded on first start are; defaults to decks/ beside the content root or the program.</summary>
    public string? DecksDirectory { get; set; }

    /// <summary>
    /// Moves the study clock (due cards, reminders, quiz deadlines, Quartz) ahead or back of the real
    /// one, for trying time-bound features without waiting; every process of a cluster must use the
    /// same value. Zero (the default) in production.
    /// </summary>
    public TimeSpan ClockOffset { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!UserZones.IsKnown(DefaultTimeZone))
        {
            yield return new ValidationResult($"StudyBot:DefaultTimeZone '{DefaultTimeZone}' is not a known IANA time zone (e.g. Europe/Berlin, America/New_York, UTC).");
        }

        if (DefaultDayStartHour is < 0 or > 23)
        {
            yield return new ValidationResult($"StudyBot:DefaultDayStartHour must be 0-23, not {DefaultDayStartHour}.");
        }

        if (ClockOffset.Duration() > TimeSpan.FromDays(1))
        {
            yield return new ValidationResult($"StudyBot:ClockOffset must be within a day either way (e.g. 00:00:30 or -01:00:00), not {ClockOffset}.");
        }

        if (!string.IsNullOrEmpty(InstructorRoleId) && !ulong.TryParse(InstructorRoleId, out _))
        {
            yield return new ValidationResult($"StudyBot:InstructorRoleId '{InstructorRoleId}' is not a Discord role id (digits only).");
        }
    }
}
