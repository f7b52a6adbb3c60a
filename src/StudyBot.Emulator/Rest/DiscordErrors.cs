using System.Text.Json.Nodes;

namespace StudyBot.Emulator.Rest;

/// <summary>Discord's JSON error codes and bodies ({code, message, errors?}) for the routes the emulator serves.</summary>
public static class DiscordErrors
{
    public const int UnknownApplication = 10002;
    public const int UnknownChannel = 10003;
    public const int UnknownGuild = 10004;
    public const int UnknownMessage = 10008;
    public const int UnknownUser = 10013;
    public const int UnknownWebhook = 10015;
    public const int UnknownInteraction = 10062;
    public const int AlreadyAcknowledged = 40060;
    public const int RequestTooLarge = 40005;
    public const int MissingAccess = 50001;
    public const int CannotEditOthersMessage = 50005;
    public const int EmptyMessage = 50006;
    public const int CannotSendToUser = 50007;
    public const int MissingPermissions = 50013;
    public const int InvalidWebhookToken = 50027;
    public const int InvalidFormBody = 50035;
    public const int InvalidJson = 50109;

    public static IResult Json(int status, JsonNode body) =>
        Results.Content(body.ToJsonString(), "application/json", null, status);

    public static IResult Error(int status, int code, string message, JsonObject? errors = null)
    {
        var body = new JsonObject { ["message"] = message, ["code"] = code };
        if (errors is not null)
        {
            body["errors"] = errors;
        }
        return Json(status, body);
    }

    public static IResult Unauthorized() => Error(401, 0, "401: Unauthorized");
    public static IResult NotFound() => Error(404, 0, "404: Not Found");
    public static IResult InvalidForm(FormErrors errors) => Error(400, InvalidFormBody, "Invalid Form Body", errors.ToJson());
    public static IResult UnknownChannelError() => Error(404, UnknownChannel, "Unknown Channel");
    public static IResult UnknownMessageError() => Error(404, UnknownMessage, "Unknown Message");
    public static IResult UnknownWebhookError() => Error(404, UnknownWebhook, "Unknown Webhook");
    public static IResult UnknownInteractionError() => Error(404, UnknownInteraction, "Unknown interaction");
    public static IResult MissingAccessError() => Error(403, MissingAccess, "Missing Access");
    public static IResult MissingPermissionsError() => Error(403, MissingPermissions, "Missing Permissions");
    public static IResult EmptyMessageError() => Error(400, EmptyMessage, "Cannot send an empty message");
}
