using System.Text.Json.Serialization;

namespace StudyBot.Features.Decks;

/// <summary>Source-generated JSON for option choice values (the Discord models are source-generated too).</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class DeckJson : JsonSerializerContext;
