using StudyBot.Hosting.Commands;

namespace StudyBot.Setup;

/// <summary>
/// The channel permissions the bot needs, computed from the commands its features register.
/// Interaction responses, follow-ups, modals, autocomplete and edits of them are webhooks that need
/// no channel permission, and reminders are DMs; only what a feature posts into a channel on its own
/// (outside an interaction response) needs one. Nothing is asked for that no feature uses.
/// </summary>
public static class BotPermissions
{
    /// <summary>Per command: what it posts into a channel itself, and the permissions that takes.</summary>
    private static readonly Dictionary<string, (string Why, DiscordPermission[] Permissions)> _channelPosts = new(StringComparer.Ordinal)
    {
        ["quiz"] = ("/quiz posts its question in the channel as an embed with answer buttons (also in threads) and edits it with the results",
            [DiscordPermission.ViewChannel, DiscordPermission.SendMessages, DiscordPermission.EmbedLinks, DiscordPermission.SendMessagesInThreads]),
        ["daily"] = ("/daily posts the question of the day in its channel as an embed with answer buttons",
            [DiscordPermission.ViewChannel, DiscordPermission.SendMessages, DiscordPermission.EmbedLinks, DiscordPermission.SendMessagesInThreads]),
    };

    public static IReadOnlyList<PermissionNeed> For(IEnumerable<BotCommand> commands)
    {
        var needs = new Dictionary<DiscordPermission, List<string>>();
        foreach (var command in commands)
        {
            if (_channelPosts.TryGetValue(command.Definition.Name, out var post))
            {
                foreach (var permission in post.Permissions)
                {
                    (needs.TryGetValue(permission, out var why) ? why : needs[permission] = []).Add(post.Why);
                }
            }
        }

        return [.. needs.OrderBy(n => n.Key.Bit).Select(n => new PermissionNeed(n.Key, n.Value))];
    }

    public static ulong Value(IEnumerable<PermissionNeed> needs) => needs.Aggregate(0UL, (total, need) => total | need.Permission.Flag);
}

/// <summary>One permission and the features that need it.</summary>
public sealed record PermissionNeed(DiscordPermission Permission, IReadOnlyList<string> Reasons);
