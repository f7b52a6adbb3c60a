using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using StudyBot.Emulator.Interactions;
using StudyBot.Emulator.State;

namespace StudyBot.Emulator.Playground;

/// <summary>
/// What the Playground page acts on: "you" in #study. Tracks the interactions the page started, so a
/// modal the bot opens is shown, and a bot that stays silent gets Discord's "did not respond".
/// </summary>
internal sealed class PlaygroundSession(EmulatorCore core, PlaygroundSetup setup)
{
    private readonly ConcurrentDictionary<string, InteractionHandle> _handles = new();
    private readonly Lock _lock = new();
    private readonly List<JsonObject> _notices = [];
    private JsonObject? _modal;

    public PlaygroundSetup Setup { get; } = setup;

    public JsonObject StateJson()
    {
        var commands = core.State.Commands(Setup.Guild.Id).Concat(core.State.Commands(null))
            .Where(c => c.Type == 1)
            .Select(c => (JsonNode)c.Json.DeepClone());
        return new JsonObject
        {
            ["you"] = Setup.You.User.ToJson(),
            ["bot"] = core.State.Bot.ToJson(),
            ["guild"] = new JsonObject { ["id"] = Setup.Guild.Id, ["name"] = Setup.Guild.Name },
            ["channel"] = new JsonObject { ["id"] = Setup.Channel.Id, ["name"] = Setup.Channel.Name },
            ["commands"] = new JsonArray([.. commands]),
        };
    }

    public JsonObject MessagesJson()
    {
        var messages = core.State.MessagesIn(Setup.Channel.Id, Setup.You.Id).Select(m =>
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
                ["modal"] = _modal?.DeepClone(),
                ["notices"] = new JsonArray([.. _notices.Select(n => (JsonNode)n.DeepClone())]),
                ["connected"] = core.Gateway.Sessions.Any(s => !s.Invalidated && s.Connection is { Closed: false }),
            };
        }
    }

    public async Task RunAsync(string text, IReadOnlyDictionary<string, AttachmentInput> files)
    {
        var (name, options) = SlashCommandText.Parse(text, FindCommand, files);
        Track(await Setup.You.RunCommandAsync(Setup.Channel.Id, name, [.. options]));
    }

    /// <summary>Autocomplete for the option being typed last; empty when it is not an autocomplete option.</summary>
    public async Task<JsonArray> AutocompleteAsync(string text)
    {
        var (name, options) = SlashCommandText.Parse(text, FindCommand, new Dictionary<string, AttachmentInput>());
        if (!FocusLast(options))
        {
            return [];
        }
        var handle = await Setup.You.AutocompleteAsync(Setup.Channel.Id, name, [.. options]);
        var outcome = await handle.Callback.WaitAsync(TimeSpan.FromSeconds(3));
        return outcome.Data?["choices"]?.DeepClone() as JsonArray ?? [];
    }

    public async Task ClickAsync(string messageId, string customId) =>
        Track(await Setup.You.ClickButtonAsync(messageId, customId));

    public async Task SelectAsync(string messageId, string customId, string[] values) =>
        Track(await Setup.You.SelectAsync(messageId, customId, values));

    public async Task SubmitModalAsync(string interactionId, IReadOnlyDictionary<string, string> values)
    {
        var opened = _handles.GetValueOrDefault(interactionId) ?? throw new InvalidOperationException("That dialog has already closed.");
        var submitted = await Setup.You.SubmitModalAsync(opened, values);
        CloseModal();
        Track(submitted);
    }

    public void CloseModal()
    {
        lock (_lock)
        {
            _modal = null;
        }
    }

    public void DismissNotices()
    {
        lock (_lock)
        {
            _notices.Clear();
        }
    }

    private EmuCommand? FindCommand(string name) =>
        core.State.Commands(Setup.Guild.Id).Concat(core.State.Commands(null)).FirstOrDefault(c => c.Name == name && c.Type == 1);

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

    private void Track(InteractionHandle handle)
    {
        _handles[handle.Id] = handle;
        _ = WatchAsync(handle);
    }

    private async Task WatchAsync(InteractionHandle handle)
    {
        try
        {
            var outcome = await handle.Callback.WaitAsync(TimeSpan.FromSeconds(3));
            if (outcome.CallbackType == 9)
            {
                lock (_lock)
                {
                    _modal = new JsonObject { ["interaction_id"] = handle.Id, ["data"] = outcome.Data?.DeepClone() };
                }
            }
        }
        catch (TimeoutException)
        {
            lock (_lock)
            {
                _notices.Add(new JsonObject { ["id"] = handle.Id, ["text"] = "The application did not respond" });
            }
        }
    }
}
