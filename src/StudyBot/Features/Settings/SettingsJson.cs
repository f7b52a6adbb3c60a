using System.Text.Json.Serialization;

namespace StudyBot.Features.Settings;

[JsonSerializable(typeof(string))]
internal sealed partial class SettingsJson : JsonSerializerContext;
