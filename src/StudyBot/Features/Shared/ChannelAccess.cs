using System.Globalization;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;
using StudyBot.Setup;

namespace StudyBot.Features.Shared;

/// <summary>
/// Whether the bot may post in a channel, read from the permissions Discord computes for it (the
/// interaction's <c>app_permissions</c>, or a resolved channel's): a command that would post there
/// later is refused up front, naming what is missing, instead of failing when it posts.
/// </summary>
public static class ChannelAccess
{
    /// <summary>A question: an embed with answer buttons.</summary>
    public static readonly IReadOnlyList<DiscordPermission> Embeds = [DiscordPermission.ViewChannel, DiscordPermission.SendMessages, DiscordPermission.EmbedLinks];

    /// <summary>A plain notice.</summary>
    public static readonly IReadOnlyList<DiscordPermission> Text = [DiscordPermission.ViewChannel, DiscordPermission.SendMessages];

    /// <summary>
    /// The permissions of <paramref name="needed"/> the bot lacks in <paramref name="channelId"/>, as the
    /// interaction tells them (its own channel, or a channel chosen in an option); null when Discord did
    /// not say (the post's own error is then the check).
    /// </summary>
    public static IReadOnlyList<DiscordPermission>? Missing(Interaction interaction, ulong channelId, IReadOnlyList<DiscordPermission> needed)
    {
        string? bits;
        ChannelType? type;
        if (interaction.Data?.Resolved?.Channels?.TryGetValue(new Snowflake(channelId), out var resolved) == true)
        {
            (bits, type) = (resolved.AppPermissions, resolved.Type);
        }
        else if (interaction.ChannelId?.Value == channelId)
        {
            (bits, type) = (interaction.AppPermissions, interaction.Channel?.Type);
        }
        else
        {
            return null;
        }

        if (!ulong.TryParse(bits, NumberStyles.None, CultureInfo.InvariantCulture, out var granted))
        {
            return null;
        }

        return Missing(granted, needed, type is ChannelType.PublicThread or ChannelType.PrivateThread or ChannelType.AnnouncementThread);
    }

    /// <summary>
    /// What <paramref name="granted"/> lacks of <paramref name="needed"/>; in a thread Send Messages in
    /// Threads stands for Send Messages (threads do not inherit it).
    /// </summary>
    public static IReadOnlyList<DiscordPermission> Missing(ulong granted, IReadOnlyList<DiscordPermission> needed, bool thread)
        => [.. needed
            .Select(p => thread && p == DiscordPermission.SendMessages ? DiscordPermission.SendMessagesInThreads : p)
            .Where(p => (granted & p.Flag) == 0)];

    /// <summary>"I need Send Messages and Embed Links in #study."</summary>
    public static string Need(IReadOnlyList<DiscordPermission> missing, ulong channelId)
        => $"I need {Names(missing)} in <#{channelId}>.";

    /// <summary>"View Channels, Send Messages and Embed Links".</summary>
    public static string Names(IReadOnlyList<DiscordPermission> permissions) => permissions.Count switch
    {
        0 => "",
        1 => permissions[0].Name,
        _ => string.Join(", ", permissions.Take(permissions.Count - 1).Select(p => p.Name)) + " and " + permissions[^1].Name,
    };

    /// <summary>
    /// Refuses with an ephemeral reply when the bot cannot post what <paramref name="needed"/> takes in
    /// <paramref name="channelId"/>; true when it refused.
    /// </summary>
    public static async Task<bool> RefuseAsync(InteractionContext context, ulong channelId, IReadOnlyList<DiscordPermission> needed, string nothingDone)
    {
        if (Missing(context.Interaction, channelId, needed) is not { Count: > 0 } missing)
        {
            return false;
        }

        await context.Responder.ReplyEphemeralAsync($"{Need(missing, channelId)} {nothingDone} Ask a server manager to allow them for StudyBot in that channel's permissions, then try again.", context.CancellationToken);
        return true;
    }

    /// <summary>Discord refused a post for missing permissions (403, code 50013).</summary>
    public static bool IsRefused(DiscordApiException e) => e.Code == DiscordErrorCode.MissingPermissions;
}
