using StudyBot.Discord.Gateway;
using StudyBot.Discord.Rest;

namespace StudyBot.Hosting;

/// <summary>Turns the ways Discord can refuse the bot for good into the one line the operator needs.</summary>
internal static class DiscordRefusal
{
    public static string? Describe(Exception exception) => exception switch
    {
        DiscordUnauthorizedException => "Discord rejected the bot token (401 Unauthorized): check DISCORD_TOKEN or Discord:Token.",
        GatewayFatalException fatal => fatal.Message,
        DiscordInvalidRequestLimitException limit => limit.Message,
        DiscordApiException api => $"Discord refused a start-up request: {api.Message}",
        HttpRequestException http => $"Discord could not be reached: {http.Message} (check Discord:ApiBaseUrl and the network).",
        _ => null,
    };
}
