namespace StudyBot.Emulator.Rest;

/// <summary>
/// GET /guilds/{guild.id}/members/{user.id}: a member as Discord returns it, without any privileged
/// intent. A guild the bot is not in is 403 Missing Access (Unknown Guild when there is no such guild);
/// a user who is not a member is 404 Unknown Member.
/// </summary>
internal static class GuildRoutes
{
    public const int UnknownMember = 10007;

    public static void Map(RouteGroupBuilder api, EmulatorCore core) =>
        api.MapGet("/guilds/{guild_id}/members/{user_id}", (string guild_id, string user_id) =>
        {
            var state = core.State;
            if (state.FindGuild(guild_id) is not { } guild)
            {
                return DiscordErrors.Error(404, DiscordErrors.UnknownGuild, "Unknown Guild");
            }
            lock (state.Gate)
            {
                if (!guild.Members.ContainsKey(state.Bot.Id))
                {
                    return DiscordErrors.MissingAccessError();
                }
                return guild.Members.TryGetValue(user_id, out var member)
                    ? DiscordErrors.Json(200, member.ToJson())
                    : DiscordErrors.Error(404, UnknownMember, "Unknown Member");
            }
        });
}
