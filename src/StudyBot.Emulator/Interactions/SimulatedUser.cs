using System.Text.Json.Nodes;
using StudyBot.Emulator.State;

namespace StudyBot.Emulator.Interactions;

/// <summary>
/// A Discord user driven by code: each action becomes an INTERACTION_CREATE on the bot's gateway,
/// refused up front when Discord's own client would not let the user do it.
/// </summary>
public sealed class SimulatedUser
{
    private readonly EmulatorCore _core;

    internal SimulatedUser(EmulatorCore core, EmuUser user)
    {
        _core = core;
        User = user;
    }

    public EmuUser User { get; }
    public string Id => User.Id;

    /// <summary>Runs a registered slash command (guild commands first, then global) in a channel or DM.</summary>
    public Task<InteractionHandle> RunCommandAsync(string channelId, string command, params CommandOptionInput[] options) =>
        SendCommandAsync(channelId, command, options, InteractionFactory.Command);

    /// <summary>Types into an autocomplete option: exactly one option must be <see cref="CommandOptionInput.Focused"/>.</summary>
    public Task<InteractionHandle> AutocompleteAsync(string channelId, string command, params CommandOptionInput[] options) =>
        SendCommandAsync(channelId, command, options, InteractionFactory.Autocomplete);

    public Task<InteractionHandle> ClickButtonAsync(string messageId, string customId)
    {
        var (message, channel, component) = Find(messageId, customId);
        if (component["type"]?.GetValue<int>() != 2 || component["style"]?.GetValue<int>() is 5 or 6)
        {
            throw new InvalidOperationException($"'{customId}' on message {messageId} is not a clickable button.");
        }
        RefuseDisabled(component, customId);
        var data = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 };
        return _core.InteractionFactory.SendAsync(User, channel, InteractionFactory.Component, data, message.Id);
    }

    /// <summary>
    /// A click Discord's own client would not send: <paramref name="customId"/> need not be on the
    /// message (a modified client, or an id copied from elsewhere). What a bot must still check.
    /// </summary>
    public Task<InteractionHandle> ForgeClickAsync(string messageId, string customId)
    {
        var message = _core.State.FindMessage(messageId) ?? throw new InvalidOperationException($"No message {messageId}.");
        var data = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 };
        return _core.InteractionFactory.SendAsync(User, VisibleChannel(message.ChannelId), InteractionFactory.Component, data, message.Id);
    }

    /// <summary>A modal submitted with a custom_id the bot never opened for this user, in <paramref name="channelId"/>.</summary>
    public Task<InteractionHandle> ForgeModalAsync(string channelId, string customId, IReadOnlyDictionary<string, string> values)
    {
        var rows = new JsonArray([.. values.Select(v => (JsonNode)new JsonObject
        {
            ["type"] = 1,
            ["components"] = new JsonArray(new JsonObject { ["type"] = 4, ["custom_id"] = v.Key, ["value"] = v.Value }),
        })]);
        var data = new JsonObject { ["custom_id"] = customId, ["components"] = rows };
        return _core.InteractionFactory.SendAsync(User, VisibleChannel(channelId), InteractionFactory.ModalSubmit, data, null);
    }

    /// <summary>
    /// A select-menu choice Discord's own client would not send: values the menu does not offer (a
    /// modified client, or values copied from another server's menu). What a bot must still check.
    /// </summary>
    public Task<InteractionHandle> ForgeSelectAsync(string messageId, string customId, params string[] values)
    {
        var message = _core.State.FindMessage(messageId) ?? throw new InvalidOperationException($"No message {messageId}.");
        var data = new JsonObject
        {
            ["custom_id"] = customId,
            ["component_type"] = 3,
            ["values"] = new JsonArray([.. values.Select(v => (JsonNode)v)]),
        };
        return _core.InteractionFactory.SendAsync(User, VisibleChannel(message.ChannelId), InteractionFactory.Component, data, message.Id);
    }

    public Task<InteractionHandle> SelectAsync(string messageId, string customId, params string[] values)
    {
        var (message, channel, component) = Find(messageId, customId);
        var type = component["type"]?.GetValue<int>() ?? 0;
        if (type is not (3 or 5 or 6 or 7 or 8))
        {
            throw new InvalidOperationException($"'{customId}' on message {messageId} is not a select menu.");
        }
        RefuseDisabled(component, customId);
        var min = component["min_values"]?.GetValue<int>() ?? 1;
        var max = component["max_values"]?.GetValue<int>() ?? 1;
        if (values.Length < min || values.Length > max)
        {
            throw new ArgumentException($"'{customId}' takes {min} to {max} values, not {values.Length}.");
        }
        if (type == 3)
        {
            var offered = (component["options"] as JsonArray ?? []).Select(o => o?["value"]?.GetValue<string>()).ToHashSet();
            if (values.FirstOrDefault(v => !offered.Contains(v)) is { } unknown)
            {
                throw new ArgumentException($"'{customId}' offers no option '{unknown}'.");
            }
        }
        var data = new JsonObject
        {
            ["custom_id"] = customId,
            ["component_type"] = type,
            ["values"] = new JsonArray([.. values.Select(v => (JsonNode)v)]),
        };
        return _core.InteractionFactory.SendAsync(User, channel, InteractionFactory.Component, data, message.Id);
    }

    /// <summary>Fills and submits the modal the bot opened (callback 9) in answer to <paramref name="opened"/>.</summary>
    public async Task<InteractionHandle> SubmitModalAsync(InteractionHandle opened, IReadOnlyDictionary<string, string> values)
    {
        var outcome = await opened.Callback;
        if (outcome.CallbackType != 9 || outcome.Data is null)
        {
            throw new InvalidOperationException($"Interaction {opened.Id} was answered with callback {outcome.CallbackType}, not a modal.");
        }
        var data = ModalSubmission.Build(outcome.Data, values);
        var channel = _core.State.FindChannel(opened.ChannelId)!;
        return await _core.InteractionFactory.SendAsync(User, channel, InteractionFactory.ModalSubmit, data, opened.Record.SourceMessageId);
    }

    private async Task<InteractionHandle> SendCommandAsync(string channelId, string name, IReadOnlyList<CommandOptionInput> options, int type)
    {
        var channel = VisibleChannel(channelId);
        var command = (channel.GuildId is { } guildId ? _core.State.Commands(guildId).FirstOrDefault(c => c.Name == name) : null)
            ?? _core.State.Commands(null).FirstOrDefault(c => c.Name == name)
            ?? throw new InvalidOperationException($"No command /{name} is registered for this channel.");
        // Discord offers a command in a DM only when its contexts include BotDm (1); absent contexts mean every context.
        if (channel.Type == EmuChannel.Dm && command.Json["contexts"] is System.Text.Json.Nodes.JsonArray contexts && !contexts.Any(c => c?.GetValue<int>() == 1))
        {
            throw new InvalidOperationException($"/{name} is not offered in DMs: its contexts do not include BotDm.");
        }
        var data = new CommandDataBuilder(_core.State, channel, User.Id).Build(command, options);
        return await _core.InteractionFactory.SendAsync(User, channel, type, data, null);
    }

    private (EmuMessage Message, EmuChannel Channel, JsonObject Component) Find(string messageId, string customId)
    {
        var message = _core.State.FindMessage(messageId) ?? throw new InvalidOperationException($"No message {messageId}.");
        if (message.VisibleOnlyTo is { } viewer && viewer != Id)
        {
            throw new InvalidOperationException($"Message {messageId} is ephemeral for another user.");
        }
        var channel = VisibleChannel(message.ChannelId);
        var component = ComponentSearch.Find(_core.State.Snapshot(message)["components"], customId)
            ?? throw new InvalidOperationException($"Message {messageId} has no component '{customId}'.");
        return (message, channel, component);
    }

    private EmuChannel VisibleChannel(string channelId)
    {
        var channel = _core.State.FindChannel(channelId) ?? throw new InvalidOperationException($"No channel {channelId}.");
        if (channel.Type == EmuChannel.Dm && !channel.RecipientIds.Contains(Id))
        {
            throw new InvalidOperationException($"{User.Username} is not in DM channel {channelId}.");
        }
        return channel;
    }

    private static void RefuseDisabled(JsonObject component, string customId)
    {
        if (component["disabled"]?.GetValue<bool>() == true)
        {
            throw new InvalidOperationException($"'{customId}' is disabled.");
        }
    }
}
