namespace StudyBot.Discord;

/// <summary>
/// The key under which the Discord client takes its <see cref="TimeProvider"/> (heartbeats, rate
/// limits, identify pacing): Discord's real time, whatever time the rest of a host keeps.
/// </summary>
public static class DiscordTime
{
    public const string Key = "discord";
}
