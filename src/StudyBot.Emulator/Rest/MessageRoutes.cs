using System.Text.Json.Nodes;
using StudyBot.Emulator.State;

namespace StudyBot.Emulator.Rest;

/// <summary>Channels and their messages: create (JSON or multipart), list, get, edit, delete; with permissions and 50007 for closed DMs.</summary>
internal static class MessageRoutes
{
    public static void Map(RouteGroupBuilder api, EmulatorCore core)
    {
        api.MapGet("/channels/{channel_id}", (string channel_id) =>
            Visible(core, channel_id, out var channel) ?? DiscordErrors.Json(200, core.State.ChannelJson(channel!)));
        api.MapPost("/channels/{channel_id}/messages", (HttpContext context, string channel_id) => Create(context, core, channel_id));
        api.MapGet("/channels/{channel_id}/messages", (HttpContext context, string channel_id) => List(context, core, channel_id));
        api.MapGet("/channels/{channel_id}/messages/{message_id}", (string channel_id, string message_id) =>
            Visible(core, channel_id, out _) ?? Find(core, channel_id, message_id, out var message) ?? DiscordErrors.Json(200, core.State.Snapshot(message!)));
        api.MapPatch("/channels/{channel_id}/messages/{message_id}", (HttpContext context, string channel_id, string message_id) => Edit(context, core, channel_id, message_id));
        api.MapDelete("/channels/{channel_id}/messages/{message_id}", (string channel_id, string message_id) => Delete(core, channel_id, message_id));
    }

    private static IResult Create(HttpContext context, EmulatorCore core, string channelId)
    {
        if (Visible(core, channelId, out var channel) is { } refusal)
        {
            return refusal;
        }
        if (MessageBody.Read(context, isNew: true, out var json, out var files) is { } invalid)
        {
            return invalid;
        }
        var permissions = core.State.PermissionsOf(core.State.Bot.Id, channel!);
        if ((permissions & Permissions.SendMessages) == 0
            || (files.Count > 0 && (permissions & Permissions.AttachFiles) == 0))
        {
            return DiscordErrors.MissingPermissionsError();
        }
        if ((permissions & Permissions.EmbedLinks) == 0)
        {
            // Without Embed Links Discord still posts the message, without its embeds.
            json.Remove("embeds");
        }
        if (channel!.Type == EmuChannel.Dm && channel.RecipientIds.Any(id => core.State.FindUser(id) is { AcceptsDms: false }))
        {
            return DiscordErrors.Error(403, DiscordErrors.CannotSendToUser, "Cannot send messages to this user");
        }
        var message = core.State.CreateMessage(channel, core.State.Bot, json, files);
        return DiscordErrors.Json(200, core.State.Snapshot(message));
    }

    private static IResult List(HttpContext context, EmulatorCore core, string channelId)
    {
        if (Visible(core, channelId, out _) is { } refusal)
        {
            return refusal;
        }
        var query = context.Request.Query;
        var limit = int.TryParse(query["limit"], out var l) ? l : 50;
        if (limit is < 1 or > 100)
        {
            var errors = new FormErrors();
            errors.Add("limit", "NUMBER_TYPE_MAX", "int value should be less than or equal to 100.");
            return DiscordErrors.InvalidForm(errors);
        }
        IEnumerable<EmuMessage> messages = core.State.MessagesIn(channelId);
        if (ulong.TryParse(query["before"], out var before))
        {
            messages = messages.Where(m => ulong.Parse(m.Id) < before);
        }
        if (ulong.TryParse(query["after"], out var after))
        {
            messages = messages.Where(m => ulong.Parse(m.Id) > after).Take(limit);
        }
        // Discord lists newest first.
        var page = messages.Reverse().Take(limit).Select(m => (JsonNode)core.State.Snapshot(m));
        return DiscordErrors.Json(200, new JsonArray([.. page]));
    }

    private static IResult Edit(HttpContext context, EmulatorCore core, string channelId, string messageId)
    {
        EmuMessage? message = null;
        if ((Visible(core, channelId, out _) ?? Find(core, channelId, messageId, out message)) is { } refusal)
        {
            return refusal;
        }
        if (message!.AuthorId != core.State.Bot.Id)
        {
            return DiscordErrors.Error(403, DiscordErrors.CannotEditOthersMessage, "Cannot edit a message authored by another user");
        }
        return MessageBody.Read(context, isNew: false, out var json, out var files)
            ?? DiscordErrors.Json(200, core.State.EditMessage(message, json, files));
    }

    private static IResult Delete(EmulatorCore core, string channelId, string messageId)
    {
        EmuMessage? message = null;
        if ((Visible(core, channelId, out var channel) ?? Find(core, channelId, messageId, out message)) is { } refusal)
        {
            return refusal;
        }
        if (message!.AuthorId != core.State.Bot.Id && (core.State.PermissionsOf(core.State.Bot.Id, channel!) & Permissions.ManageMessages) == 0)
        {
            return DiscordErrors.MissingPermissionsError();
        }
        core.State.DeleteMessage(message);
        return Results.StatusCode(204);
    }

    /// <summary>Unknown Channel, or Missing Access when the bot cannot view it.</summary>
    private static IResult? Visible(EmulatorCore core, string channelId, out EmuChannel? channel)
    {
        channel = core.State.FindChannel(channelId);
        if (channel is null)
        {
            return DiscordErrors.UnknownChannelError();
        }
        return (core.State.PermissionsOf(core.State.Bot.Id, channel) & Permissions.ViewChannel) == 0 ? DiscordErrors.MissingAccessError() : null;
    }

    private static IResult? Find(EmulatorCore core, string channelId, string messageId, out EmuMessage? message)
    {
        message = core.State.FindMessage(messageId);
        if (message is null || message.ChannelId != channelId || message.VisibleOnlyTo is not null)
        {
            message = null;
            return DiscordErrors.UnknownMessageError();
        }
        return null;
    }
}
