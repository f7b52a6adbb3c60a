using Microsoft.Extensions.Logging;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;

namespace StudyBot.Features.Shared;

/// <summary>
/// Tells an instructor by direct message that something they set up stopped (a quiz ended, the
/// question of the day paused): the channel it ran in is the one the bot can no longer post in.
/// </summary>
public sealed class InstructorNotice(DiscordRestClient rest, ILogger<InstructorNotice> logger)
{
    /// <summary>Sends <paramref name="text"/>; a closed DM or another refusal is logged, never thrown.</summary>
    public async Task<bool> TellAsync(ulong instructorId, string text, CancellationToken cancellationToken)
    {
        try
        {
            await rest.SendDirectMessageAsync(new Snowflake(instructorId), new MessagePayload { Content = Text.Truncate(text, 2000), AllowedMentions = new AllowedMentions() }, cancellationToken);
            return true;
        }
        catch (DiscordApiException e)
        {
            logger.LogWarning("Could not tell instructor {User} by direct message: {Reason}", instructorId, e.Message);
            return false;
        }
    }
}
