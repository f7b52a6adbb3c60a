using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;

namespace StudyBot.Discord.Rest;

// The typed endpoints StudyBot uses. Bodies are checked against Discord's limits before sending.
public sealed partial class DiscordRestClient
{
    private static readonly HttpMethod _patch = HttpMethod.Patch;

    public Task<GatewayBot> GetGatewayBotAsync(CancellationToken cancellationToken = default)
        => SendAsync(DiscordRoute.Create(HttpMethod.Get, "/gateway/bot"), null, DiscordJsonContext.Default.GatewayBot, cancellationToken);

    public Task<User> GetCurrentUserAsync(CancellationToken cancellationToken = default)
        => SendAsync(DiscordRoute.Create(HttpMethod.Get, "/users/@me"), null, DiscordJsonContext.Default.User, cancellationToken);

    /// <summary>The application the token belongs to: GET /applications/@me.</summary>
    public Task<Application> GetCurrentApplicationAsync(CancellationToken cancellationToken = default)
        => SendAsync(DiscordRoute.Create(HttpMethod.Get, "/applications/@me"), null, DiscordJsonContext.Default.Application, cancellationToken);

    /// <summary>
    /// A member of a guild (GET /guilds/{guild.id}/members/{user.id}), needing no privileged intent; null
    /// when the user is not a member (Unknown Member or Unknown User). A guild the bot is not in raises
    /// <see cref="DiscordApiException"/> with <see cref="DiscordErrorCode.UnknownGuild"/> or <see cref="DiscordErrorCode.MissingAccess"/>.
    /// </summary>
    public async Task<GuildMember?> GetGuildMemberAsync(Snowflake guildId, Snowflake userId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await SendAsync(
                DiscordRoute.Create(HttpMethod.Get, "/guilds/{guild_id}/members/{user_id}", guildId.ToString(), userId.ToString()),
                null,
                DiscordJsonContext.Default.GuildMember,
                cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordApiException e) when (e.Code is DiscordErrorCode.UnknownMember or DiscordErrorCode.UnknownUser)
        {
            return null;
        }
    }

    public Task<Message> CreateMessageAsync(Snowflake channelId, MessagePayload message, IReadOnlyList<FileAttachment>? files = null, CancellationToken cancellationToken = default)
        => SendAsync(
            DiscordRoute.Create(HttpMethod.Post, "/channels/{channel_id}/messages", channelId.ToString()),
            MessageBody(message, files, "message"),
            DiscordJsonContext.Default.Message,
            cancellationToken);

    public Task<Message> EditMessageAsync(Snowflake channelId, Snowflake messageId, MessagePayload message, CancellationToken cancellationToken = default)
        => SendAsync(
            DiscordRoute.Create(_patch, "/channels/{channel_id}/messages/{message_id}", channelId.ToString(), messageId.ToString()),
            MessageBody(message, null, "message"),
            DiscordJsonContext.Default.Message,
            cancellationToken);

    public Task<Channel> CreateDmChannelAsync(Snowflake userId, CancellationToken cancellationToken = default)
        => SendAsync(
            DiscordRoute.Create(HttpMethod.Post, "/users/@me/channels"),
            RequestBody.FromJson(new CreateDmRequest { RecipientId = userId }, DiscordJsonContext.Default.CreateDmRequest),
            DiscordJsonContext.Default.Channel,
            cancellationToken);

    /// <summary>
    /// Sends to the user's DM channel, opened once and then remembered (<see cref="DmChannelCache"/>),
    /// so a daily reminder costs one request of the global 50 per second, not two. A user who does
    /// not accept DMs raises <see cref="DiscordApiException.IsCannotDirectMessage"/>.
    /// </summary>
    public async Task<Message> SendDirectMessageAsync(Snowflake userId, MessagePayload message, CancellationToken cancellationToken = default)
    {
        if (_dmChannels.Find(userId) is { } known)
        {
            try
            {
                return await CreateMessageAsync(known, message, null, cancellationToken).ConfigureAwait(false);
            }
            catch (DiscordApiException e) when (e.Code == DiscordErrorCode.UnknownChannel)
            {
                // The remembered channel is gone: open it again.
                _dmChannels.Forget(userId);
            }
        }

        var channel = await CreateDmChannelAsync(userId, cancellationToken).ConfigureAwait(false);
        _dmChannels.Remember(userId, channel.Id);
        return await CreateMessageAsync(channel.Id, message, null, cancellationToken).ConfigureAwait(false);
    }

    public Task CreateInteractionResponseAsync(Snowflake interactionId, string interactionToken, InteractionResponse response, IReadOnlyList<FileAttachment>? files = null, CancellationToken cancellationToken = default)
    {
        DiscordLimits.CheckResponse(response);
        RequestBody.CheckFiles(files, _options.Rest.MaxFileSizeBytes);
        if (files is { Count: > 0 })
        {
            response = response with { Data = (response.Data ?? new InteractionCallbackData()) with { Attachments = RequestBody.References(files) } };
        }

        return SendAsync(
            DiscordRoute.Create(HttpMethod.Post, "/interactions/{interaction_id}/{interaction_token}/callback", interactionId.ToString(), interactionToken),
            RequestBody.FromJson(response, DiscordJsonContext.Default.InteractionResponse, files),
            cancellationToken);
    }

    public Task<Message> EditOriginalResponseAsync(Snowflake applicationId, string interactionToken, MessagePayload message, IReadOnlyList<FileAttachment>? files = null, CancellationToken cancellationToken = default)
        => SendAsync(
            DiscordRoute.Create(_patch, "/webhooks/{webhook_id}/{webhook_token}/messages/@original", applicationId.ToString(), interactionToken),
            MessageBody(message, files, "message"),
            DiscordJsonContext.Default.Message,
            cancellationToken);

    public Task DeleteOriginalResponseAsync(Snowflake applicationId, string interactionToken, CancellationToken cancellationToken = default)
        => SendAsync(
            DiscordRoute.Create(HttpMethod.Delete, "/webhooks/{webhook_id}/{webhook_token}/messages/@original", applicationId.ToString(), interactionToken),
            null,
            cancellationToken);

    public Task<Message> CreateFollowupMessageAsync(Snowflake applicationId, string interactionToken, MessagePayload message, IReadOnlyList<FileAttachment>? files = null, CancellationToken cancellationToken = default)
        => SendAsync(
            DiscordRoute.Create(HttpMethod.Post, "/webhooks/{webhook_id}/{webhook_token}", applicationId.ToString(), interactionToken),
            MessageBody(message, files, "message"),
            DiscordJsonContext.Default.Message,
            cancellationToken);

    /// <summary>Replaces every global command with <paramref name="commands"/> (PUT, the whole list).</summary>
    public Task<List<ApplicationCommand>> BulkOverwriteGlobalCommandsAsync(Snowflake applicationId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken = default)
    {
        DiscordLimits.CheckCommands(commands);
        return SendAsync(
            DiscordRoute.Create(HttpMethod.Put, "/applications/{application_id}/commands", applicationId.ToString()),
            RequestBody.FromJson(commands, DiscordJsonContext.Default.IReadOnlyListApplicationCommand),
            DiscordJsonContext.Default.ListApplicationCommand,
            cancellationToken);
    }

    /// <summary>Replaces one guild's commands; they appear at once, so use it while developing.</summary>
    public Task<List<ApplicationCommand>> BulkOverwriteGuildCommandsAsync(Snowflake applicationId, Snowflake guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken = default)
    {
        DiscordLimits.CheckCommands(commands);
        return SendAsync(
            DiscordRoute.Create(HttpMethod.Put, "/applications/{application_id}/guilds/{guild_id}/commands", applicationId.ToString(), guildId.ToString()),
            RequestBody.FromJson(commands, DiscordJsonContext.Default.IReadOnlyListApplicationCommand),
            DiscordJsonContext.Default.ListApplicationCommand,
            cancellationToken);
    }

    private RequestBody MessageBody(MessagePayload message, IReadOnlyList<FileAttachment>? files, string field)
    {
        DiscordLimits.CheckMessage(message, field);
        RequestBody.CheckFiles(files, _options.Rest.MaxFileSizeBytes);
        if (files is { Count: > 0 })
        {
            message = message with { Attachments = RequestBody.References(files) };
        }

        return RequestBody.FromJson(message, DiscordJsonContext.Default.MessagePayload, files);
    }
}
