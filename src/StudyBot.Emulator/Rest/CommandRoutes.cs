using System.Text.Json.Nodes;
using StudyBot.Emulator.Validation;

namespace StudyBot.Emulator.Rest;

/// <summary>Application commands: bulk overwrite (PUT) and listing, global or per guild.</summary>
internal static class CommandRoutes
{
    public static void Map(RouteGroupBuilder api, EmulatorCore core)
    {
        api.MapGet("/applications/{application_id}/commands", (string application_id) => List(core, application_id, null));
        api.MapPut("/applications/{application_id}/commands", (HttpContext context, string application_id) => Overwrite(context, core, application_id, null));
        api.MapGet("/applications/{application_id}/guilds/{guild_id}/commands", (string application_id, string guild_id) => List(core, application_id, guild_id));
        api.MapPut("/applications/{application_id}/guilds/{guild_id}/commands",
            (HttpContext context, string application_id, string guild_id) => Overwrite(context, core, application_id, guild_id));
    }

    private static IResult? Refuse(EmulatorCore core, string applicationId, string? guildId)
    {
        if (applicationId != core.Options.ApplicationId)
        {
            return DiscordErrors.MissingAccessError();
        }
        if (guildId is not null && core.State.FindGuild(guildId) is null)
        {
            // Discord answers for a guild the bot is not in exactly as for a missing one.
            return DiscordErrors.MissingAccessError();
        }
        return null;
    }

    private static IResult List(EmulatorCore core, string applicationId, string? guildId) =>
        Refuse(core, applicationId, guildId)
        ?? DiscordErrors.Json(200, new JsonArray([.. core.State.Commands(guildId).Select(c => c.Json.DeepClone())]));

    private static IResult Overwrite(HttpContext context, EmulatorCore core, string applicationId, string? guildId)
    {
        if (Refuse(core, applicationId, guildId) is { } refusal)
        {
            return refusal;
        }
        var body = RestBody.Of(context).Json;
        var errors = CommandValidator.ValidateList(body);
        if (errors.Any)
        {
            return DiscordErrors.InvalidForm(errors);
        }
        var commands = core.State.ReplaceCommands(applicationId, guildId, ((JsonArray)body!).OfType<JsonObject>());
        return DiscordErrors.Json(200, new JsonArray([.. commands.Select(c => c.Json.DeepClone())]));
    }
}
