namespace StudyBot.Discord.Gateway;

/// <summary>What each gateway close code asks of the client (Discord's opcodes-and-status-codes page).</summary>
public static class GatewayCloseCodes
{
    public const int AuthenticationFailed = 4004;

    /// <summary>Null when the code may be retried; otherwise why it may not, and what to change.</summary>
    public static string? FatalReason(int code) => code switch
    {
        4004 => "authentication failed: Discord rejected the bot token. Check DISCORD_TOKEN.",
        4010 => "invalid shard: the shard id or count sent in IDENTIFY is wrong.",
        4011 => "sharding required: the bot is in too many guilds for one connection; use the shard count from GET /gateway/bot.",
        4012 => "invalid API version: the gateway URL must ask for v=10.",
        4013 => "invalid intents: the intents value is not a valid bit set.",
        4014 => "disallowed intents: a privileged intent is requested but not enabled for this application in the Developer Portal.",
        _ => null,
    };

    /// <summary>Codes after which the session cannot be resumed, so the next connection identifies afresh.</summary>
    public static bool EndsSession(int code) => code is 4007 or 4009 or 1000;
}
