using System.Text.Json.Nodes;
using StudyBot.Emulator.State;
using StudyBot.Emulator.Validation;

namespace StudyBot.Emulator.Rest;

/// <summary>The JSON and files of a message create or edit, as every message route reads them.</summary>
internal static class MessageBody
{
    /// <summary>Null when Discord would take the body; else its refusal (50035, or 50006 for an empty new message).</summary>
    public static IResult? Read(HttpContext context, bool isNew, out JsonObject json, out IReadOnlyList<UploadedFile> files)
    {
        var body = RestBody.Of(context);
        json = body.Json as JsonObject ?? [];
        files = body.Files;
        var errors = MessageValidator.Validate(json);
        if (errors.Any)
        {
            return DiscordErrors.InvalidForm(errors);
        }
        return isNew && MessageValidator.IsEmpty(json, files.Count) ? DiscordErrors.EmptyMessageError() : null;
    }
}
