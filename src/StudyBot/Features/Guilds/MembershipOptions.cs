using System.ComponentModel.DataAnnotations;

namespace StudyBot.Features.Guilds;

/// <summary>
/// The <c>Membership</c> section: how a DM session knows the servers a student still shares with the
/// bot without the privileged members intent (see docs/security.md).
/// </summary>
public sealed class MembershipOptions : IValidatableObject
{
    public const string SectionName = "Membership";

    /// <summary>How long Discord's answer to "is this user still a member of that server?" is trusted before it is asked again.</summary>
    public TimeSpan Recheck { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A membership not seen (no interaction in that server) for this many days no longer counts in DMs.</summary>
    public int ExpireUnseenDays { get; set; } = 90;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Recheck < TimeSpan.FromSeconds(10) || Recheck > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult($"Membership:Recheck must be between 00:00:10 and 01:00:00 (e.g. 00:05:00), not {Recheck}.");
        }

        if (ExpireUnseenDays is < 1 or > 3650)
        {
            yield return new ValidationResult($"Membership:ExpireUnseenDays must be 1-3650 days, not {ExpireUnseenDays}.");
        }
    }
}
