using System.ComponentModel.DataAnnotations;
using StudyBot.Discord.Models;

namespace StudyBot.Discord.Gateway;

/// <summary>The <c>Discord:Gateway</c> section. Defaults follow Discord's docs; tests shorten the waits.</summary>
public sealed class DiscordGatewayOptions
{
    /// <summary>StudyBot needs only GUILDS: interactions arrive without privileged intents.</summary>
    public GatewayIntents Intents { get; set; } = GatewayIntents.Guilds;

    /// <summary>The old name of <c>Discord:ShardCount</c>; still read, with a warning at start.</summary>
    public int? ShardCount { get; set; }

    /// <summary>First wait before reconnecting; doubles per failed attempt up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Discord asks for a random 1-5 s wait after an invalid session before identifying again.</summary>
    public TimeSpan InvalidSessionMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan InvalidSessionMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>One identify per <c>max_concurrency</c> bucket per this window.</summary>
    public TimeSpan IdentifyWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Multiplies the heartbeat interval HELLO announces (tests may speed the clock up; 1 in production).</summary>
    public double HeartbeatIntervalScale { get; set; } = 1;

    /// <summary>Sends per connection per <see cref="SendWindow"/>; Discord disconnects past 120 per 60 s.</summary>
    public int SendLimit { get; set; } = 120;

    public TimeSpan SendWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long to wait for HELLO, READY or RESUMED before treating the connection as dead.</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal IEnumerable<ValidationResult> Validate()
    {
        if (ShardCount is < 1)
        {
            yield return new ValidationResult("Discord:Gateway:ShardCount must be at least 1.");
        }

        if (ReconnectMinDelay < TimeSpan.Zero || ReconnectMaxDelay < ReconnectMinDelay)
        {
            yield return new ValidationResult("Discord:Gateway:ReconnectMinDelay must be >= 0 and <= ReconnectMaxDelay.");
        }

        if (InvalidSessionMinDelay < TimeSpan.Zero || InvalidSessionMaxDelay < InvalidSessionMinDelay)
        {
            yield return new ValidationResult("Discord:Gateway:InvalidSessionMinDelay must be >= 0 and <= InvalidSessionMaxDelay.");
        }

        if (SendLimit is < 1 or > 120)
        {
            yield return new ValidationResult("Discord:Gateway:SendLimit must be 1 to 120 (Discord disconnects past 120 per minute).");
        }

        if (HeartbeatIntervalScale is <= 0 or > 1)
        {
            yield return new ValidationResult("Discord:Gateway:HeartbeatIntervalScale must be in (0, 1]: beating later than Discord asks gets the connection closed.");
        }
    }
}
