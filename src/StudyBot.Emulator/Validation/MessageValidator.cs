using System.Text.Json.Nodes;
using StudyBot.Emulator.Rest;

namespace StudyBot.Emulator.Validation;

/// <summary>Checks a message create or edit body the way Discord does before it stores anything.</summary>
internal static class MessageValidator
{
    public const int ComponentsV2Flag = 1 << 15;

    public static FormErrors Validate(JsonObject body)
    {
        var errors = new FormErrors();
        var check = new FieldChecker(errors);
        check.String(body, "content", "", 0, 2000);
        check.Bool(body, "tts", "");
        var flags = check.Integer(body, "flags", "", 0, int.MaxValue) ?? 0;
        var v2 = (flags & ComponentsV2Flag) != 0;
        if (v2 && (body["content"] is JsonValue || body["embeds"] is JsonArray { Count: > 0 }))
        {
            errors.Add("", "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2", "The 'content' and 'embeds' fields cannot be used when using MessageFlags.IS_COMPONENTS_V2");
        }
        EmbedValidator.Validate(body, check);
        new ComponentValidator(check).ValidateMessage(body, v2);
        var attachments = check.Array(body, "attachments", "", 0, 10);
        for (var i = 0; attachments is not null && i < attachments.Count; i++)
        {
            if (check.AsObject(attachments[i], $"attachments.{i}") is { } attachment)
            {
                check.String(attachment, "filename", $"attachments.{i}", 1, 1024);
                check.String(attachment, "description", $"attachments.{i}", 0, 1024);
            }
        }
        check.Object(body, "allowed_mentions", "");
        check.Object(body, "message_reference", "");
        return errors;
    }

    /// <summary>Discord refuses a new message with nothing to show (50006).</summary>
    public static bool IsEmpty(JsonObject body, int fileCount) =>
        string.IsNullOrEmpty(body["content"]?.GetValue<string>())
        && body["embeds"] is not JsonArray { Count: > 0 }
        && body["components"] is not JsonArray { Count: > 0 }
        && body["sticker_ids"] is not JsonArray { Count: > 0 }
        && body["poll"] is null
        && fileCount == 0;
}
