using System.Text.Json.Nodes;
using StudyBot.Emulator.Interactions;
using StudyBot.Emulator.State;
using StudyBot.Emulator.Validation;

namespace StudyBot.Emulator.Rest;

/// <summary>
/// POST /interactions/{id}/{token}/callback: the first (and only) answer to an interaction, within
/// 3 s; 10062 when unknown or late, 40060 when already answered.
/// </summary>
internal static class InteractionRoutes
{
    public const int Pong = 1, ChannelMessage = 4, DeferredChannelMessage = 5, DeferredUpdate = 6, UpdateMessage = 7, AutocompleteResult = 8, Modal = 9;

    public static void Map(RouteGroupBuilder api, EmulatorCore core) =>
        api.MapPost("/interactions/{interaction_id}/{interaction_token}/callback",
            (HttpContext context, string interaction_id, string interaction_token) => Callback(context, core, interaction_id, interaction_token));

    private static IResult Callback(HttpContext context, EmulatorCore core, string id, string token)
    {
        var record = core.Interactions.Find(id);
        if (record is null || record.Token != token)
        {
            return DiscordErrors.UnknownInteractionError();
        }
        var body = RestBody.Of(context);
        var json = body.Json as JsonObject ?? [];
        var errors = new FormErrors();
        var check = new FieldChecker(errors);
        var type = (int?)check.Choice(json, "type", "", Allowed(record), required: true);
        var data = check.Object(json, "data", "", required: type is AutocompleteResult or Modal);
        if (type is not null && !errors.Any)
        {
            ValidateData(type.Value, data ?? [], errors);
        }
        if (errors.Any)
        {
            return DiscordErrors.InvalidForm(errors);
        }
        if (type is ChannelMessage && MessageValidator.IsEmpty(data ?? [], body.Files.Count))
        {
            return DiscordErrors.EmptyMessageError();
        }
        InteractionOutcome outcome;
        lock (record.Gate)
        {
            if (record.CallbackType is not null)
            {
                return DiscordErrors.Error(400, DiscordErrors.AlreadyAcknowledged, "Interaction has already been acknowledged.");
            }
            if (core.Options.TimeProvider.GetUtcNow() - record.CreatedAt > core.Options.InitialResponseWindow)
            {
                return DiscordErrors.UnknownInteractionError();
            }
            outcome = Apply(core, record, type!.Value, data, body.Files);
            record.CallbackTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();
        }
        record.Callback.TrySetResult(outcome);
        if (type is not (DeferredChannelMessage or DeferredUpdate))
        {
            record.Response.TrySetResult(outcome);
        }
        if (context.Request.Query["with_response"] == "true")
        {
            return DiscordErrors.Json(200, new JsonObject
            {
                ["interaction"] = new JsonObject { ["id"] = record.Id, ["type"] = record.Type, ["response_message_id"] = record.OriginalMessageId },
                ["resource"] = new JsonObject { ["type"] = type, ["message"] = outcome.Message?.DeepClone() },
            });
        }
        return Results.StatusCode(204);
    }

    private static long[] Allowed(InteractionRecord record) => record.Type switch
    {
        1 => [Pong],
        InteractionFactory.Command => [ChannelMessage, DeferredChannelMessage, Modal],
        InteractionFactory.Component => [ChannelMessage, DeferredChannelMessage, DeferredUpdate, UpdateMessage, Modal],
        InteractionFactory.Autocomplete => [AutocompleteResult],
        InteractionFactory.ModalSubmit when record.SourceMessageId is not null => [ChannelMessage, DeferredChannelMessage, DeferredUpdate, UpdateMessage],
        _ => [ChannelMessage, DeferredChannelMessage],
    };

    private static void ValidateData(int type, JsonObject data, FormErrors errors)
    {
        switch (type)
        {
            case ChannelMessage or UpdateMessage:
                foreach (var e in MessageValidator.Validate(data).Under("data").Entries)
                {
                    errors.Add(e.Path, e.Code, e.Message);
                }
                break;
            case DeferredChannelMessage:
                new FieldChecker(errors).Integer(data, "flags", "data", 0, int.MaxValue);
                break;
            case AutocompleteResult:
                var check = new FieldChecker(errors);
                if (check.Array(data, "choices", "data", 0, 25, required: true) is { } choices)
                {
                    ChoiceValidator.Validate(choices, "data.choices", 0, check);
                }
                break;
            case Modal:
                ModalValidator.Validate(data, "data", errors);
                break;
        }
    }

    private static InteractionOutcome Apply(EmulatorCore core, InteractionRecord record, int type, JsonObject? data, IReadOnlyList<UploadedFile> files)
    {
        record.CallbackType = type;
        record.CallbackData = (JsonObject?)data?.DeepClone();
        var state = core.State;
        var channel = state.FindChannel(record.ChannelId)!;
        JsonObject? message = null;
        switch (type)
        {
            case ChannelMessage:
                message = Reply(core, record, channel, data!, files, loading: false);
                break;
            case DeferredChannelMessage:
                message = Reply(core, record, channel, new JsonObject { ["flags"] = data?["flags"]?.DeepClone() }, [], loading: true);
                break;
            case DeferredUpdate:
                record.OriginalMessageId = record.SourceMessageId;
                break;
            case UpdateMessage:
                record.OriginalMessageId = record.SourceMessageId;
                if (record.SourceMessageId is not null && state.FindMessage(record.SourceMessageId) is { } source)
                {
                    message = state.EditMessage(source, data!, files);
                }
                break;
        }
        return new InteractionOutcome(type, record.CallbackData, message);
    }

    /// <summary>The reply message (or a deferral's "thinking…" placeholder), authored by the bot through the app's webhook.</summary>
    public static JsonObject Reply(EmulatorCore core, InteractionRecord record, EmuChannel channel, JsonObject data, IReadOnlyList<UploadedFile> files, bool loading)
    {
        var state = core.State;
        var flags = data["flags"]?.GetValue<int>() ?? 0;
        var ephemeral = (flags & EmuMessage.EphemeralFlag) != 0;
        var user = state.FindUser(record.UserId)!;
        var extras = new JsonObject
        {
            ["webhook_id"] = core.Options.ApplicationId,
            ["application_id"] = core.Options.ApplicationId,
            ["interaction_metadata"] = new JsonObject
            {
                ["id"] = record.Id,
                ["type"] = record.Type,
                ["user"] = user.ToJson(),
                ["authorizing_integration_owners"] = record.Payload["authorizing_integration_owners"]?.DeepClone(),
            },
        };
        if (loading)
        {
            extras["flags"] = EmuMessage.LoadingFlag | (ephemeral ? EmuMessage.EphemeralFlag : 0);
        }
        var created = state.CreateMessage(channel, state.Bot, data, files, record.Type == InteractionFactory.Command ? 20 : 0, extras,
            ephemeral ? record.UserId : null, record.Id);
        if (record.OriginalMessageId is null)
        {
            record.OriginalMessageId = created.Id;
        }
        else
        {
            record.FollowupIds.Add(created.Id);
        }
        return state.Snapshot(created);
    }
}
