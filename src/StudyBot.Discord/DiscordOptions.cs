using System.ComponentModel.DataAnnotations;
using System.Globalization;
using StudyBot.Discord.Gateway;
using StudyBot.Discord.Rest;

namespace StudyBot.Discord;

/// <summary>The <c>Discord</c> configuration section.</summary>
public sealed class DiscordOptions : IValidatableObject
{
    public const string SectionName = "Discord";
    public const string DefaultApiBaseUrl = "https://discord.com/api/v10";

    /// <summary>REST base URL; point it at the emulator to talk to loopback instead of Discord.</summary>
    [Required(ErrorMessage = "Discord:ApiBaseUrl is required (Discord's is " + DefaultApiBaseUrl + ").")]
    [Url(ErrorMessage = "Discord:ApiBaseUrl must be an absolute http(s) URL, e.g. " + DefaultApiBaseUrl + ".")]
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>The bot token (from DISCORD_TOKEN or Discord:Token). Never logged or printed.</summary>
    [Required(ErrorMessage = "A bot token is required: set DISCORD_TOKEN or Discord:Token.")]
    public string? Token { get; set; }

    public string? ApplicationId { get; set; }

    /// <summary>The application's Ed25519 public key, hex; needed only by the HTTP interactions endpoint.</summary>
    public string? PublicKey { get; set; }

    /// <summary>When set, commands are registered to this guild (instant) instead of globally.</summary>
    public string? GuildId { get; set; }

    /// <summary>The URL in the User-Agent header Discord asks bots to send.</summary>
    public string UserAgentUrl { get; set; } = "https://github.com/studybot/studybot";

    /// <summary>
    /// How many gateway shards the whole bot runs, in every process (Discord's recommendation from
    /// GET /gateway/bot when unset). <c>Discord:Gateway:ShardCount</c> is its old name and still works.
    /// </summary>
    public int? ShardCount { get; set; }

    /// <summary>
    /// The shards this process identifies: a fixed range such as <c>0-1</c> (needs <see cref="ShardCount"/>),
    /// or <c>auto</c>, shards claimed through leases shared by every process on the database. Unset:
    /// all of them on SQLite, <c>auto</c> on PostgreSQL (the host decides).
    /// </summary>
    public string? Shards { get; set; }

    /// <summary>The value of <see cref="Shards"/> that claims shards through leases.</summary>
    public const string AutoShards = "auto";

    /// <summary>True when <see cref="Shards"/> says <c>auto</c>.</summary>
    public bool IsAutoShards => string.Equals(Shards?.Trim(), AutoShards, StringComparison.OrdinalIgnoreCase);

    /// <summary>With <c>auto</c> shards, the most this process holds at once (no limit when unset).</summary>
    public int? MaxShardsPerProcess { get; set; }

    /// <summary>The shard count in force: <see cref="ShardCount"/>, else its old name under Gateway.</summary>
    public int? EffectiveShardCount => ShardCount ?? Gateway.ShardCount;

    /// <summary>The shards this process holds, once the count is known (<paramref name="recommended"/> is Discord's).</summary>
    public ShardRange ShardRangeFor(int recommended)
    {
        var count = EffectiveShardCount ?? Math.Max(1, recommended);
        if (string.IsNullOrWhiteSpace(Shards) || IsAutoShards)
        {
            return ShardRange.All(count);
        }

        return ShardRange.TryParse(Shards, count, out var range, out var error)
            ? range
            : throw new InvalidOperationException(error);
    }

    public DiscordRestOptions Rest { get; set; } = new();

    public DiscordGatewayOptions Gateway { get; set; } = new();

    public Interactions.DiscordInteractionOptions Interactions { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Token is { } token && (token.Any(char.IsWhiteSpace) || token.StartsWith("Bot ", StringComparison.Ordinal)))
        {
            yield return new ValidationResult("The bot token must be the bare token, without spaces or a 'Bot ' prefix.", [nameof(Token)]);
        }

        if (!IsSnowflakeOrEmpty(ApplicationId))
        {
            yield return new ValidationResult($"Discord:ApplicationId '{ApplicationId}' is not a Discord id (digits only).", [nameof(ApplicationId)]);
        }

        if (!IsSnowflakeOrEmpty(GuildId))
        {
            yield return new ValidationResult($"Discord:GuildId '{GuildId}' is not a Discord id (digits only).", [nameof(GuildId)]);
        }

        if (!string.IsNullOrEmpty(PublicKey) && (PublicKey.Length != 64 || !PublicKey.All(char.IsAsciiHexDigit)))
        {
            yield return new ValidationResult("Discord:PublicKey must be the application's public key: 64 hex characters.", [nameof(PublicKey)]);
        }

        foreach (var result in ValidateShards())
        {
            yield return result;
        }

        foreach (var result in Rest.Validate().Concat(Gateway.Validate()).Concat(Interactions.Validate()))
        {
            yield return result;
        }
    }

    private IEnumerable<ValidationResult> ValidateShards()
    {
        if (ShardCount is < 1)
        {
            yield return new ValidationResult("Discord:ShardCount must be at least 1.", [nameof(ShardCount)]);
            yield break;
        }

        if (ShardCount is { } count && Gateway.ShardCount is { } old && old != count)
        {
            yield return new ValidationResult(
                $"Discord:ShardCount is {count} but Discord:Gateway:ShardCount (its old name) is {old}: keep only Discord:ShardCount.", [nameof(ShardCount)]);
            yield break;
        }

        if (MaxShardsPerProcess is < 1)
        {
            yield return new ValidationResult("Discord:MaxShardsPerProcess must be at least 1 (leave it unset for no limit).", [nameof(MaxShardsPerProcess)]);
        }

        if (string.IsNullOrWhiteSpace(Shards) || IsAutoShards)
        {
            yield break;
        }

        if (EffectiveShardCount is not { } total)
        {
            yield return new ValidationResult(
                $"Discord:Shards '{Shards}' needs Discord:ShardCount: every process must identify with the same total, e.g. Discord:ShardCount=4 with Discord:Shards=0-1 in one process and 2-3 in the other.",
                [nameof(Shards)]);
        }
        else if (!ShardRange.TryParse(Shards, total, out _, out var error))
        {
            yield return new ValidationResult(error, [nameof(Shards)]);
        }
    }

    private static bool IsSnowflakeOrEmpty(string? value)
        => string.IsNullOrEmpty(value) || ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    public override string ToString() => $"DiscordOptions {{ ApiBaseUrl = {ApiBaseUrl}, ApplicationId = {ApplicationId}, ShardCount = {EffectiveShardCount}, Shards = {Shards}, MaxShardsPerProcess = {MaxShardsPerProcess}, GuildId = {GuildId}, Token = {(string.IsNullOrEmpty(Token) ? "(none)" : "(set)")} }}";
}
