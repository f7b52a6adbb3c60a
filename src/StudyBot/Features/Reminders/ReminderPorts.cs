using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;

namespace StudyBot.Features.Reminders;

/// <summary>Where reminders go out to Discord: a student's DMs, and a guild channel for notices.</summary>
public interface IReminderMessenger
{
    /// <summary>Throws <see cref="DiscordApiException"/> with code 50007 when the student does not accept DMs.</summary>
    Task SendDirectAsync(ulong userId, MessagePayload message, CancellationToken cancellationToken);

    Task PostAsync(ulong channelId, MessagePayload message, CancellationToken cancellationToken);
}

/// <summary>The messenger over the rate-limited REST client.</summary>
public sealed class RestReminderMessenger(DiscordRestClient rest) : IReminderMessenger
{
    public Task SendDirectAsync(ulong userId, MessagePayload message, CancellationToken cancellationToken)
        => rest.SendDirectMessageAsync(userId, message, cancellationToken);

    public Task PostAsync(ulong channelId, MessagePayload message, CancellationToken cancellationToken)
        => rest.CreateMessageAsync(channelId, message, null, cancellationToken);
}
