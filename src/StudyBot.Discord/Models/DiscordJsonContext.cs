using System.Text.Json;
using System.Text.Json.Serialization;

namespace StudyBot.Discord.Models;

/// <summary>Source-generated (de)serialisation for every Discord shape StudyBot speaks: snake_case, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(Application))]
[JsonSerializable(typeof(GuildMember))]
[JsonSerializable(typeof(Channel))]
[JsonSerializable(typeof(Guild))]
[JsonSerializable(typeof(UnavailableGuild))]
[JsonSerializable(typeof(CreateDmRequest))]
[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(MessagePayload))]
[JsonSerializable(typeof(Embed))]
[JsonSerializable(typeof(Component))]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(ApplicationCommand))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommand>))]
[JsonSerializable(typeof(List<ApplicationCommand>))]
[JsonSerializable(typeof(GatewayPayload))]
[JsonSerializable(typeof(GatewayCommand<Identify>))]
[JsonSerializable(typeof(GatewayCommand<Resume>))]
[JsonSerializable(typeof(GatewayCommand<int?>))]
[JsonSerializable(typeof(Hello))]
[JsonSerializable(typeof(Ready))]
[JsonSerializable(typeof(GatewayBot))]
[JsonSerializable(typeof(DiscordErrorBody))]
[JsonSerializable(typeof(RateLimitBody))]
public sealed partial class DiscordJsonContext : JsonSerializerContext;
