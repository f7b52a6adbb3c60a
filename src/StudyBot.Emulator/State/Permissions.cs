namespace StudyBot.Emulator.State;

/// <summary>Discord's permission bits and its computation: base from roles, then channel overwrites.</summary>
public static class Permissions
{
    public const ulong SendTtsMessages = 1UL << 12;
    public const ulong MentionEveryone = 1UL << 17;
    public const ulong ViewChannel = 1UL << 10;
    public const ulong SendMessages = 1UL << 11;
    public const ulong ManageMessages = 1UL << 13;
    public const ulong EmbedLinks = 1UL << 14;
    public const ulong AttachFiles = 1UL << 15;
    public const ulong ReadMessageHistory = 1UL << 16;
    public const ulong UseApplicationCommands = 1UL << 31;
    public const ulong Administrator = 1UL << 3;
    public const ulong All = (1UL << 51) - 1;

    /// <summary>What @everyone can do in a fresh guild.</summary>
    public const ulong DefaultEveryone = ViewChannel | SendMessages | EmbedLinks | AttachFiles | ReadMessageHistory | UseApplicationCommands;

    public static ulong Compute(EmuGuild guild, EmuMember member, EmuChannel? channel)
    {
        if (guild.OwnerId == member.User.Id)
        {
            return All;
        }
        var permissions = guild.Everyone.Permissions;
        foreach (var roleId in member.RoleIds)
        {
            if (guild.Roles.TryGetValue(roleId, out var role))
            {
                permissions |= role.Permissions;
            }
        }
        if ((permissions & Administrator) != 0)
        {
            return All;
        }
        if (channel is null)
        {
            return permissions;
        }
        // Overwrites apply in Discord's order: @everyone, then all member roles together, then the member.
        if (channel.Overwrites.FirstOrDefault(o => o.Id == guild.Id) is { } everyone)
        {
            permissions = (permissions & ~everyone.Deny) | everyone.Allow;
        }
        ulong allow = 0, deny = 0;
        foreach (var o in channel.Overwrites.Where(o => o.Type == PermissionOverwrite.RoleType && member.RoleIds.Contains(o.Id)))
        {
            allow |= o.Allow;
            deny |= o.Deny;
        }
        permissions = (permissions & ~deny) | allow;
        if (channel.Overwrites.FirstOrDefault(o => o.Type == PermissionOverwrite.MemberType && o.Id == member.User.Id) is { } own)
        {
            permissions = (permissions & ~own.Deny) | own.Allow;
        }
        return Implicit(permissions);
    }

    /// <summary>
    /// Discord's implicit denials in a channel: no View Channel denies everything there, and no Send
    /// Messages denies what only a message can carry (mentioning everyone, TTS, embeds, files).
    /// </summary>
    public static ulong Implicit(ulong permissions)
    {
        if ((permissions & ViewChannel) == 0)
        {
            return 0;
        }
        return (permissions & SendMessages) == 0
            ? permissions & ~(MentionEveryone | SendTtsMessages | EmbedLinks | AttachFiles)
            : permissions;
    }
}
