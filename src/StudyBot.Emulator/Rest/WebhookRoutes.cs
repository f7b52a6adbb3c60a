using System.Text.Json.Nodes;
using StudyBot.Emulator.Interactions;
using StudyBot.Emulator.State;

namespace StudyBot.Emulator.Rest;

/// <summary>
/// The interaction webhook: edit, read or delete the original response and follow-ups, and post
/// follow-ups; the token works 15 minutes after the interaction was created.
/// </summary>
internal static class WebhookRoutes
{
    public static void Map(RouteGroupBuilder api, EmulatorCore core)
    {
        const string messageRoute = "/webhooks/{application_id}/{interaction_token}/messages/{message_id}";
        api.MapPost("/webhooks/{application_id}/{interaction_token}",
            (HttpContext context, string application_id, string interaction_token) => Followup(context, core, application_id, interaction_token));
        api.MapGet(messageRoute, (string application_id, string interaction_token, string message_id) =>
            Resolve(core, application_id, interaction_token, message_id, out _, out var message) ?? DiscordErrors.Json(200, core.State.Snapshot(message!)));
        api.MapPatch(messageRoute, (HttpContext context, string application_id, string interaction_token, string message_id) =>
            Edit(context, core, application_id, interaction_token, message_id));
        api.MapDelete(messageRoute, (string application_id, string interaction_token, string message_id) =>
        {
            if (Resolve(core, application_id, interaction_token, message_id, out _, out var message) is { } refusal)
            {
                return refusal;
            }
            core.State.DeleteMessage(message!);
            return Results.StatusCode(204);
        });
    }

    private static IResult Edit(HttpContext context, EmulatorCore core, string applicationId, string token, string messageId)
    {
        if (Resolve(core, applicationId, token, messageId, out var record, out var message) is { } refusal)
        {
            return refusal;
        }
        if (MessageBody.Read(context, isNew: false, out var json, out var files) is { } invalid)
        {
            return invalid;
        }
        var edited = core.State.EditMessage(message!, json, files);
        Responded(record!, edited);
        return DiscordErrors.Json(200, edited);
    }

    private static IResult Followup(HttpContext context, EmulatorCore core, string applicationId, string token)
    {
        if (Interaction(core, applicationId, token, out var record) is { } refusal)
        {
            return refusal;
        }
        if (MessageBody.Read(context, isNew: true, out var json, out var files) is { } invalid)
        {
            return invalid;
        }
        JsonObject created;
        lock (record!.Gate)
        {
            // Discord turns the first follow-up after a deferred reply into that reply.
            if (record.OriginalMessageId is { } originalId && core.State.FindMessage(originalId) is { } original && (original.Flags & EmuMessage.LoadingFlag) != 0)
            {
                created = core.State.EditMessage(original, json, files);
            }
            else
            {
                created = InteractionRoutes.Reply(core, record, core.State.FindChannel(record.ChannelId)!, json, files, loading: false);
            }
        }
        Responded(record, created);
        return DiscordErrors.Json(200, created);
    }

    private static void Responded(InteractionRecord record, JsonObject message) =>
        record.Response.TrySetResult(new InteractionOutcome(record.CallbackType ?? 0, record.CallbackData, message));

    private static IResult? Interaction(EmulatorCore core, string applicationId, string token, out InteractionRecord? record)
    {
        record = core.Interactions.FindByToken(token);
        if (record is null || applicationId != core.Options.ApplicationId || record.CallbackType is null)
        {
            return DiscordErrors.UnknownWebhookError();
        }
        if (core.Options.TimeProvider.GetUtcNow() - record.CreatedAt > core.Options.InteractionTokenLifetime)
        {
            return DiscordErrors.Error(401, DiscordErrors.InvalidWebhookToken, "Invalid Webhook Token");
        }
        return null;
    }

    private static IResult? Resolve(EmulatorCore core, string applicationId, string token, string messageId, out InteractionRecord? record, out EmuMessage? message)
    {
        message = null;
        if (Interaction(core, applicationId, token, out record) is { } refusal)
        {
            return refusal;
        }
        string? id;
        lock (record!.Gate)
        {
            id = messageId == "@original" ? record.OriginalMessageId
                : messageId == record.OriginalMessageId || record.FollowupIds.Contains(messageId) ? messageId : null;
        }
        message = id is null ? null : core.State.FindMessage(id);
        return message is null ? DiscordErrors.UnknownMessageError() : null;
    }
}
