using System.Globalization;
using System.Text.Json.Nodes;
using StudyBot.Emulator.State;

namespace StudyBot.Emulator.Interactions;

/// <summary>
/// The <c>data</c> of an APPLICATION_COMMAND (or AUTOCOMPLETE) interaction, built against the registered
/// definition so option types, required options and choices are what Discord's client would allow.
/// </summary>
internal sealed class CommandDataBuilder(EmulatorState state, EmuChannel channel, string invokerId)
{
    private readonly JsonObject _resolved = [];

    public JsonObject Build(EmuCommand command, IReadOnlyList<CommandOptionInput> inputs)
    {
        var data = new JsonObject
        {
            ["id"] = command.Id,
            ["name"] = command.Name,
            ["type"] = command.Type,
        };
        if (command.GuildId is not null)
        {
            data["guild_id"] = command.GuildId;
        }
        var options = Options(command.Json["options"] as JsonArray ?? [], inputs, $"/{command.Name}");
        if (options.Count > 0)
        {
            data["options"] = options;
        }
        if (_resolved.Count > 0)
        {
            data["resolved"] = _resolved;
        }
        return data;
    }

    private JsonArray Options(JsonArray definitions, IReadOnlyList<CommandOptionInput> inputs, string where)
    {
        var result = new JsonArray();
        foreach (var input in inputs)
        {
            var definition = definitions.OfType<JsonObject>().FirstOrDefault(d => d["name"]?.GetValue<string>() == input.Name)
                ?? throw new ArgumentException($"{where} has no option '{input.Name}'; it has: {string.Join(", ", definitions.OfType<JsonObject>().Select(d => d["name"]))}.");
            var type = definition["type"]!.GetValue<int>();
            var option = new JsonObject { ["name"] = input.Name, ["type"] = type };
            if (type is 1 or 2)
            {
                option["options"] = Options(definition["options"] as JsonArray ?? [], input.Options ?? [], $"{where} {input.Name}");
            }
            else
            {
                option["value"] = input.Focused ? JsonValue.Create(Convert.ToString(input.Value, CultureInfo.InvariantCulture) ?? "") : Value(type, input, definition, where);
                if (input.Focused)
                {
                    option["focused"] = true;
                }
            }
            result.Add(option);
        }
        var missing = definitions.OfType<JsonObject>()
            .Where(d => d["required"]?.GetValue<bool>() == true && inputs.All(i => i.Name != d["name"]!.GetValue<string>()))
            .Select(d => d["name"]!.GetValue<string>())
            .ToList();
        var isSubcommandLevel = definitions.OfType<JsonObject>().Any(d => d["type"]?.GetValue<int>() is 1 or 2);
        if (missing.Count > 0 && !inputs.Any(i => i.Focused))
        {
            throw new ArgumentException($"{where} needs the required option(s) {string.Join(", ", missing)}.");
        }
        if (isSubcommandLevel && inputs.Count != 1)
        {
            throw new ArgumentException($"{where} needs exactly one subcommand.");
        }
        return result;
    }

    private JsonNode Value(int type, CommandOptionInput input, JsonObject definition, string where)
    {
        var raw = input.Value ?? throw new ArgumentException($"{where} option '{input.Name}' needs a value.");
        JsonNode value = type switch
        {
            3 => JsonValue.Create(Convert.ToString(raw, CultureInfo.InvariantCulture)!),
            4 => JsonValue.Create(Convert.ToInt64(raw, CultureInfo.InvariantCulture)),
            5 => JsonValue.Create(raw is string s ? bool.Parse(s) : (bool)raw),
            10 => JsonValue.Create(Convert.ToDouble(raw, CultureInfo.InvariantCulture)),
            6 => JsonValue.Create(ResolveUser(Typed(raw, type, where, input.Name))),
            7 => JsonValue.Create(ResolveChannel(Typed(raw, type, where, input.Name))),
            8 => JsonValue.Create(ResolveRole(Typed(raw, type, where, input.Name))),
            9 => JsonValue.Create(Typed(raw, type, where, input.Name) is var id && state.FindUser(id) is not null ? ResolveUser(id) : ResolveRole(id)),
            11 => JsonValue.Create(ResolveAttachment(raw as AttachmentInput ?? throw new ArgumentException($"{where} option '{input.Name}' takes an AttachmentInput."))),
            _ => throw new ArgumentException($"{where} option '{input.Name}' has unknown type {type}."),
        };
        if (definition["choices"] is JsonArray { Count: > 0 } choices
            && choices.OfType<JsonObject>().All(c => c["value"]?.ToJsonString() != value.ToJsonString()))
        {
            throw new ArgumentException($"{where} option '{input.Name}' must be one of its choices, not {value.ToJsonString()}.");
        }
        return value;
    }

    private static string Id(object raw) => raw switch
    {
        EmuUser user => user.Id,
        EmuChannel channel => channel.Id,
        EmuRole role => role.Id,
        _ => Convert.ToString(raw, CultureInfo.InvariantCulture)!,
    };

    /// <summary>
    /// The id a user, channel or role option names, as Discord's client turns a pick into one before the
    /// interaction is sent: an id, a mention (<c>&lt;#id&gt;</c>, <c>&lt;@id&gt;</c>, <c>&lt;@&amp;id&gt;</c>), or a
    /// name typed by hand (<c>#study</c>, <c>@Teachers</c>, <c>@Ana</c>) looked up in this server, the
    /// channel's name, the role's name, or the member's nickname, display name or username.
    /// </summary>
    private string Typed(object raw, int type, string where, string option)
    {
        var text = Id(raw).Trim();
        if (text.Length > 0 && text.All(char.IsAsciiDigit))
        {
            return text;
        }

        if (text.StartsWith('<') && text.EndsWith('>'))
        {
            var inner = text[1..^1].TrimStart('#', '@', '!', '&');
            if (inner.Length > 0 && inner.All(char.IsAsciiDigit))
            {
                return inner;
            }
        }

        var name = text.TrimStart('#', '@').Trim();
        var guild = channel.GuildId is { } g ? state.FindGuild(g) : null;
        if (guild is null || name.Length == 0)
        {
            throw new ArgumentException($"{where} option '{option}': choose from the suggestions; '{text}' names nothing here.");
        }

        lock (state.Gate)
        {
            if (type == 7 && guild.ChannelIds.Select(state.FindChannel).FirstOrDefault(c => c is not null && Same(c.Name, name)) is { } named)
            {
                return named.Id;
            }

            if (type is 8 or 9 && guild.Roles.Values.FirstOrDefault(r => Same(r.Name, name) || Same(r.Name, "@" + name)) is { } role)
            {
                return role.Id;
            }

            if (type is 6 or 9 && guild.Members.Values.FirstOrDefault(m => Same(m.Nick, name) || Same(m.User.GlobalName, name) || Same(m.User.Username, name)) is { } member)
            {
                return member.User.Id;
            }
        }

        var kind = type switch { 7 => "channel", 8 => "role", 6 => "member", _ => "member or role" };
        throw new ArgumentException($"No {kind} '{text}' in this server: choose one from the suggestions.");
    }

    private static bool Same(string? a, string b) => a is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private string ResolveUser(string id)
    {
        var user = state.FindUser(id) ?? throw new ArgumentException($"No user {id}.");
        Section("users")[id] = user.ToJson();
        if (channel.GuildId is { } guildId && state.FindGuild(guildId) is { } guild)
        {
            lock (state.Gate)
            {
                if (guild.Members.TryGetValue(id, out var member))
                {
                    var json = member.ToJson(state.PermissionsOf(id, channel));
                    json.Remove("user");
                    Section("members")[id] = json;
                }
            }
        }
        return id;
    }

    private string ResolveChannel(string id)
    {
        var target = state.FindChannel(id) ?? throw new ArgumentException($"No channel {id}.");
        var json = state.ChannelJson(target);
        // The invoking member's permissions there, and (since July 2026) the app's own.
        json["permissions"] = state.PermissionsOf(invokerId, target).ToString();
        json["app_permissions"] = state.PermissionsOf(state.Bot.Id, target).ToString();
        Section("channels")[id] = json;
        return id;
    }

    private string ResolveRole(string id)
    {
        var guild = channel.GuildId is { } g ? state.FindGuild(g) : null;
        EmuRole? role = null;
        if (guild is not null)
        {
            lock (state.Gate)
            {
                role = guild.Roles.GetValueOrDefault(id);
            }
        }
        Section("roles")[id] = (role ?? throw new ArgumentException($"No role {id}.")).ToJson();
        return id;
    }

    private string ResolveAttachment(AttachmentInput file)
    {
        var stored = state.StoreAttachment(channel.Id, file.FileName, file.ContentType, file.Bytes);
        Section("attachments")[stored.Id] = state.AttachmentJson(stored);
        return stored.Id;
    }

    private JsonObject Section(string name)
    {
        if (_resolved[name] is not JsonObject section)
        {
            section = [];
            _resolved[name] = section;
        }
        return section;
    }
}
