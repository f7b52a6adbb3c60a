using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using StudyBot.Emulator.Interactions;
using StudyBot.Emulator.State;

namespace StudyBot.Emulator.Playground;

/// <summary>
/// What the Playground page acts on: a member of the world (the viewer) in one of its channels or in
/// their own DM. Tracks the interactions each viewer started, so a modal the bot opens is shown to
/// them, and a bot that stays silent gets Discord's "did not respond".
/// </summary>
internal sealed class PlaygroundSession(EmulatorCore core, PlaygroundSetup setup)
{
    private readonly ConcurrentDictionary<string, InteractionHandle> _handles = new();
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<JsonObject>> _notices = [];
    private readonly Dictionary<string, JsonObject> _modals = [];

    public PlaygroundSetup Setup { get; } = setup;

    public JsonObject StateJson(bool canReset)
    {
        var commands = Setup.Servers.SelectMany(s => core.State.Commands(s.Guild.Id)).Concat(core.State.Commands(null))
            .Where(c => c.Type == 1)
            .Select(c => c.Json.DeepClone());
        return new JsonObject
        {
            ["you"] = Setup.You.Id,
            ["bot"] = core.State.Bot.ToJson(),
            ["guild"] = new JsonObject { ["id"] = Setup.Guild.Id, ["name"] = Setup.Guild.Name },
            ["channel"] = new JsonObject { ["id"] = Setup.Channel.Id, ["name"] = Setup.Channel.Name },
            ["servers"] = new JsonArray([.. Setup.Servers.Select(s => (JsonNode)new JsonObject
            {
                ["id"] = s.Guild.Id,
                ["name"] = s.Guild.Name,
                ["channel"] = new JsonObject { ["id"] = s.Channel.Id, ["name"] = s.Channel.Name, ["last_message_id"] = s.Channel.LastMessageId },
                // What the channel, role and member pickers offer, and what <#id> and <@&id> render as.
                ["channels"] = new JsonArray([.. ChannelsOf(s.Guild.Id)]),
                ["roles"] = new JsonArray([.. RolesOf(s.Guild.Id)]),
            })]),
            ["members"] = new JsonArray([.. Setup.Members.Select(m => (JsonNode)new JsonObject
            {
                ["id"] = m.Id,
                ["username"] = m.User.User.Username,
                ["display_name"] = m.DisplayName,
                ["avatar"] = m.Avatar,
                ["instructor"] = m.Instructor,
                ["dm"] = new JsonObject { ["id"] = m.Dm.Id, ["last_message_id"] = m.Dm.LastMessageId },
            })]),
            ["commands"] = new JsonArray([.. commands]),
            ["can_reset"] = canReset,
        };
    }

    private IEnumerable<JsonNode> ChannelsOf(string guildId)
    {
        lock (core.State.Gate)
        {
            return [.. (core.State.FindGuild(guildId)?.ChannelIds ?? [])
                .Select(core.State.FindChannel)
                .Where(c => c is { Type: EmuChannel.GuildText })
                .Select(c => (JsonNode)new JsonObject { ["id"] = c!.Id, ["name"] = c.Name })];
        }
    }

    private IEnumerable<JsonNode> RolesOf(string guildId)
    {
        lock (core.State.Gate)
        {
            return [.. (core.State.FindGuild(guildId)?.Roles.Values.ToList() ?? [])
                .Where(r => r.Id != guildId)
                .Select(r => (JsonNode)new JsonObject { ["id"] = r.Id, ["name"] = r.Name })];
        }
    }

    public JsonObject MessagesJson(string? viewerId, string? channelId)
    {
        var viewer = Viewer(viewerId);
        var channel = Channel(viewer, channelId);
        var messages = core.State.MessagesIn(channel.Id, viewer.Id).Select(m =>
        {
            var json = core.State.Snapshot(m);
            json["ephemeral"] = m.VisibleOnlyTo is not null;
            json["loading"] = (m.Flags & EmuMessage.LoadingFlag) != 0;
            return (JsonNode)json;
        });
        lock (_lock)
        {
            return new JsonObject
            {
                ["messages"] = new JsonArray([.. messages]),
                ["modal"] = _modals.GetValueOrDefault(viewer.Id)?.DeepClone(),
                ["notices"] = new JsonArray([.. _notices.GetValueOrDefault(viewer.Id, []).Select(n => n.DeepClone())]),
                ["connected"] = core.Gateway.Sessions.Any(s => !s.Invalidated && s.Connection is { Closed: false }),
            };
        }
    }

    public async Task RunAsync(string? viewerId, string? channelId, string text, IReadOnlyDictionary<string, AttachmentInput> files)
    {
        var viewer = Viewer(viewerId);
        var channel = Channel(viewer, channelId);
        var (name, options) = SlashCommandText.Parse(text, n => FindCommand(channel, n), files);
        Track(viewer, await viewer.User.RunCommandAsync(channel.Id, name, [.. options]));
    }

    /// <summary>Autocomplete for the option being typed last; empty when it is not an autocomplete option.</summary>
    public async Task<JsonArray> AutocompleteAsync(string? viewerId, string? channelId, string text)
    {
        var viewer = Viewer(viewerId);
        var channel = Channel(viewer, channelId);
        var (name, options) = SlashCommandText.Parse(text, n => FindCommand(channel, n), new Dictionary<string, AttachmentInput>());
        if (!FocusLast(options))
        {
            return [];
        }
        var handle = await viewer.User.AutocompleteAsync(channel.Id, name, [.. options]);
        var outcome = await handle.Callback.WaitAsync(TimeSpan.FromSeconds(3));
        return outcome.Data?["choices"]?.DeepClone() as JsonArray ?? [];
    }

    public async Task ClickAsync(string? viewerId, string messageId, string customId)
    {
        var viewer = Viewer(viewerId);
        Track(viewer, await viewer.User.ClickButtonAsync(messageId, customId));
    }

    public async Task SelectAsync(string? viewerId, string messageId, string customId, string[] values)
    {
        var viewer = Viewer(viewerId);
        Track(viewer, await viewer.User.SelectAsync(messageId, customId, values));
    }

    public async Task SubmitModalAsync(string? viewerId, string interactionId, IReadOnlyDictionary<string, string> values)
    {
        var viewer = Viewer(viewerId);
        var opened = _handles.GetValueOrDefault(interactionId) ?? throw new InvalidOperationException("That dialog has already closed.");
        var submitted = await viewer.User.SubmitModalAsync(opened, values);
        CloseModal(viewer.Id);
        Track(viewer, submitted);
    }

    public void CloseModal(string? viewerId)
    {
        var viewer = Viewer(viewerId);
        lock (_lock)
        {
            _modals.Remove(viewer.Id);
        }
    }

    /// <summary>Dismisses one notice, or all of the viewer's when <paramref name="noticeId"/> is null.</summary>
    public void DismissNotices(string? viewerId, string? noticeId)
    {
        var viewer = Viewer(viewerId);
        lock (_lock)
        {
            _notices.GetValueOrDefault(viewer.Id)?.RemoveAll(n => noticeId is null || n["id"]?.GetValue<string>() == noticeId);
        }
    }

    /// <summary>Forgets open dialogs and notices (the Playground was reset).</summary>
    public void Forget()
    {
        lock (_lock)
        {
            _modals.Clear();
            _notices.Clear();
        }
        _handles.Clear();
    }

    private PlaygroundMember Viewer(string? viewerId) =>
        string.IsNullOrEmpty(viewerId) ? Setup.Member(Setup.You.Id)!
            : Setup.Member(viewerId) ?? throw new ArgumentException($"There is no Playground member {viewerId}.");

    /// <summary>A server channel of the world, or the viewer's own DM; the first server's channel by default.</summary>
    private EmuChannel Channel(PlaygroundMember viewer, string? channelId)
    {
        if (string.IsNullOrEmpty(channelId))
        {
            return Setup.Channel;
        }
        if (viewer.Dm.Id == channelId)
        {
            return viewer.Dm;
        }
        return Setup.Servers.FirstOrDefault(s => s.Channel.Id == channelId)?.Channel
            ?? throw new ArgumentException($"{viewer.DisplayName} cannot see channel {channelId}.");
    }

    private EmuCommand? FindCommand(EmuChannel channel, string name) =>
        (channel.GuildId is { } guildId ? core.State.Commands(guildId) : []).Concat(core.State.Commands(null))
            .FirstOrDefault(c => c.Name == name && c.Type == 1);

    private static bool FocusLast(List<CommandOptionInput> options)
    {
        if (options.Count == 0)
        {
            return false;
        }
        var last = options[^1];
        if (last.Options is { } inner)
        {
            var list = inner.ToList();
            if (!FocusLast(list))
            {
                return false;
            }
            options[^1] = last with { Options = list };
            return true;
        }
        options[^1] = last with { Focused = true };
        return true;
    }

    private void Track(PlaygroundMember viewer, InteractionHandle handle)
    {
        _handles[handle.Id] = handle;
        _ = WatchAsync(viewer.Id, handle);
    }

    private async Task WatchAsync(string viewerId, InteractionHandle handle)
    {
        try
        {
            var outcome = await handle.Callback.WaitAsync(TimeSpan.FromSeconds(3));
            if (outcome.CallbackType == 9)
            {
                lock (_lock)
                {
                    _modals[viewerId] = new JsonObject { ["interaction_id"] = handle.Id, ["data"] = outcome.Data?.DeepClone() };
                }
            }
        }
        catch (TimeoutException)
        {
            lock (_lock)
            {
                if (!_notices.TryGetValue(viewerId, out var list))
                {
                    _notices[viewerId] = list = [];
                }
                list.Add(new JsonObject { ["id"] = handle.Id, ["text"] = "The application did not respond" });
            }
        }
    }
}
