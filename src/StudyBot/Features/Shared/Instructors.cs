using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StudyBot.Data;
using StudyBot.Discord.Models;
using StudyBot.Hosting;

namespace StudyBot.Features.Shared;

/// <summary>
/// Who may teach in a guild: members with Manage Server (or Administrator), and members holding the
/// instructor role (StudyBot:InstructorRoleId, or the guild's own setting).
/// </summary>
public sealed class Instructors(StudyDbContext db, IOptions<StudyBotOptions> options)
{
    private const ulong Administrator = 1UL << 3;
    private const ulong ManageGuild = 1UL << 5;

    public const string RefusalText = "Only instructors can do that: it needs the Manage Server permission or the instructor role.";

    /// <summary>A server manager: Manage Server or Administrator in the server the interaction comes from (a role alone is not enough).</summary>
    public static bool IsManager(Interaction interaction) =>
        interaction.GuildId is not null && interaction.Member is { } member
            && ulong.TryParse(member.Permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var permissions)
            && (permissions & (Administrator | ManageGuild)) != 0;

    public async Task<bool> IsInstructorAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        if (interaction.GuildId is not { } guildId || interaction.Member is not { } member)
        {
            return false;
        }

        if (IsManager(interaction))
        {
            return true;
        }

        // A member with no roles cannot hold the instructor role: no read for the students of a class clicking at once.
        if (member.Roles.Count == 0)
        {
            return false;
        }

        var roles = member.Roles.Select(r => r.Value).ToHashSet();
        if (ulong.TryParse(options.Value.InstructorRoleId, NumberStyles.None, CultureInfo.InvariantCulture, out var configured) && roles.Contains(configured))
        {
            return true;
        }

        var guildRole = await db.GuildSettings
            .Where(g => g.GuildId == guildId.Value)
            .Select(g => g.InstructorRoleId)
            .FirstOrDefaultAsync(cancellationToken);
        return guildRole is { } role && roles.Contains(role);
    }
}
