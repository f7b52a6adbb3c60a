using System.Text.Json.Nodes;
using StudyBot.Emulator.Rest;

namespace StudyBot.Emulator.Validation;

/// <summary>
/// The emulator's checks of what a bot sends, callable without a request: a test can put every
/// screen a feature can produce through exactly the validation a REST call would meet.
/// Each problem is "path: CODE message", as Discord's form errors name them.
/// </summary>
public static class PayloadValidation
{
    /// <summary>A message create or edit body (content, embeds with the 6,000-character total, components).</summary>
    public static IReadOnlyList<string> Message(JsonObject body) => Lines(MessageValidator.Validate(body));

    /// <summary>A modal: the <c>data</c> of a MODAL interaction response.</summary>
    public static IReadOnlyList<string> Modal(JsonObject data)
    {
        var errors = new FormErrors();
        ModalValidator.Validate(data, "data", errors);
        return Lines(errors);
    }

    private static IReadOnlyList<string> Lines(FormErrors errors) => errors.Entries.Select(e => $"{e.Path}: {e.Code} {e.Message}").ToList();
}
