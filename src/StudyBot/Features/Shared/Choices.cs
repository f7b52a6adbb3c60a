using System.Text.Json;
using System.Text.Json.Serialization;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;

namespace StudyBot.Features.Shared;

/// <summary>Autocomplete plumbing: what the user has typed so far, and string choices to offer.</summary>
public static class Choices
{
    public static string Typed(InteractionContext context)
        => context.FocusedOption?.Value is { ValueKind: JsonValueKind.String } v ? v.GetString() ?? "" : "";

    public static ApplicationCommandOptionChoice Of(string name, string value)
        => new() { Name = name, Value = JsonSerializer.SerializeToElement(value, ChoiceJson.Default.String) };
}

[JsonSerializable(typeof(string))]
internal sealed partial class ChoiceJson : JsonSerializerContext;
