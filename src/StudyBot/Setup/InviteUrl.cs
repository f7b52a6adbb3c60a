using System.Globalization;

namespace StudyBot.Setup;

/// <summary>Discord's bot authorization link: the bot and applications.commands scopes and the computed permissions.</summary>
public static class InviteUrl
{
    public const string AuthorizeUrl = "https://discord.com/oauth2/authorize";

    public static string Build(string applicationId, ulong permissions, string? guildId = null)
    {
        var url = $"{AuthorizeUrl}?client_id={applicationId}&scope=bot%20applications.commands&permissions={permissions.ToString(CultureInfo.InvariantCulture)}&integration_type=0";
        return guildId is null ? url : $"{url}&guild_id={guildId}&disable_guild_select=true";
    }
}
