using System.Globalization;
using System.Text.Json.Nodes;

namespace StudyBot.Emulator.Rest;

/// <summary>GET /gateway[/bot], the bot user, and opening DMs.</summary>
internal static class UserRoutes
{
    public static void Map(RouteGroupBuilder api, EmulatorCore core)
    {
        api.MapGet("/gateway", () => DiscordErrors.Json(200, new JsonObject { ["url"] = core.GatewayUrl }));
        api.MapGet("/gateway/bot", () => DiscordErrors.Json(200, new JsonObject
        {
            ["url"] = core.GatewayUrl,
            ["shards"] = core.Options.RecommendedShards,
            ["session_start_limit"] = new JsonObject
            {
                ["total"] = core.Options.SessionStartTotal,
                ["remaining"] = core.Gateway.SessionStartsRemaining,
                ["reset_after"] = 86_400_000,
                ["max_concurrency"] = core.Options.MaxConcurrency,
            },
        }));
        api.MapGet("/users/@me", () => DiscordErrors.Json(200, BotUser(core)));
        api.MapGet("/applications/@me", () => DiscordErrors.Json(200, new JsonObject
        {
            ["id"] = core.Options.ApplicationId,
            ["name"] = core.Options.BotUsername,
            ["bot"] = BotUser(core),
            ["flags"] = 0,
        }));
        api.MapGet("/users/{user_id}", (string user_id) => core.State.FindUser(user_id) is { } user
            ? DiscordErrors.Json(200, user.ToJson())
            : DiscordErrors.Error(404, DiscordErrors.UnknownUser, "Unknown User"));
        api.MapPost("/users/@me/channels", (HttpContext context) => OpenDm(context, core));
    }

    private static JsonObject BotUser(EmulatorCore core)
    {
        var user = core.State.Bot.ToJson();
        user["verified"] = true;
        user["flags"] = 0;
        return user;
    }

    private static IResult OpenDm(HttpContext context, EmulatorCore core)
    {
        var body = RestBody.Of(context).Json as JsonObject;
        var errors = new FormErrors();
        var recipient = body?["recipient_id"]?.ToString();
        if (recipient is null)
        {
            errors.Add("recipient_id", "BASE_TYPE_REQUIRED", "This field is required");
            return DiscordErrors.InvalidForm(errors);
        }
        if (!ulong.TryParse(recipient, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            errors.Add("recipient_id", "NUMBER_TYPE_COERCE", $"Value \"{recipient}\" is not snowflake.");
            return DiscordErrors.InvalidForm(errors);
        }
        if (core.State.FindUser(recipient) is null)
        {
            return DiscordErrors.Error(404, DiscordErrors.UnknownUser, "Unknown User");
        }
        return DiscordErrors.Json(200, core.State.ChannelJson(core.State.GetOrCreateDm(recipient)));
    }
}
