using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace StudyBot.Emulator.State;

/// <summary>
/// Everything the emulated Discord knows. One lock guards every change and every read of more than
/// one object; looking one object up by id takes no lock (those maps are concurrent), so the clicks
/// of a whole class and the bot's replies to them do not queue behind each other to find a message
/// or a channel.
/// </summary>
public sealed class EmulatorState
{
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, EmuUser> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EmuGuild> _guilds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EmuChannel> _channels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EmuMessage> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<EmuMessage>> _channelMessages = [];
    private readonly ConcurrentDictionary<string, StoredAttachment> _attachments = new(StringComparer.Ordinal);
    private readonly List<EmuCommand> _commands = [];
    private readonly MessageFactory _factory;
    private long _version;

    internal EmulatorState(EmulatorOptions options)
    {
        _time = options.TimeProvider;
        Ids = new Snowflakes(_time);
        _factory = new MessageFactory(this);
        Bot = new EmuUser(options.BotUserId, options.BotUsername, bot: true);
        _users[Bot.Id] = Bot;
    }

    internal Lock Gate { get; } = new();
    public Snowflakes Ids { get; }
    public EmuUser Bot { get; }

    /// <summary>"http://127.0.0.1:port", known once the server listens; attachment URLs point here.</summary>
    public string BaseAddress { get; internal set; } = "http://127.0.0.1";

    /// <summary>Grows on every visible change; the Playground polls it.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Raised (outside the lock) after a guild is added, so the gateway can send GUILD_CREATE.</summary>
    internal event Action<EmuGuild>? GuildAdded;

    public EmuUser AddUser(string username, bool acceptsDms = true, string? id = null)
    {
        lock (Gate)
        {
            var user = new EmuUser(id ?? Ids.Next(), username) { AcceptsDms = acceptsDms, GlobalName = username };
            _users[user.Id] = user;
            Touch();
            return user;
        }
    }

    /// <summary>A guild with an @everyone role and the bot as a member; pass <paramref name="id"/> to pick its shard.</summary>
    public EmuGuild AddGuild(string name, string? id = null, string? ownerId = null)
    {
        EmuGuild guild;
        lock (Gate)
        {
            guild = new EmuGuild(id ?? Ids.Next(), name, ownerId ?? Ids.Next());
            guild.Roles[guild.Id] = new EmuRole(guild.Id, "@everyone", Permissions.DefaultEveryone);
            guild.Members[Bot.Id] = new EmuMember(Bot, _time.GetUtcNow());
            _guilds[guild.Id] = guild;
            Touch();
        }
        GuildAdded?.Invoke(guild);
        return guild;
    }

    public EmuChannel AddTextChannel(string guildId, string name, string? id = null)
    {
        lock (Gate)
        {
            var guild = RequireGuild(guildId);
            var channel = new EmuChannel(id ?? Ids.Next(), EmuChannel.GuildText, guild.Id, name) { Position = guild.ChannelIds.Count };
            guild.ChannelIds.Add(channel.Id);
            _channels[channel.Id] = channel;
            _channelMessages[channel.Id] = [];
            Touch();
            return channel;
        }
    }

    /// <summary>Deletes a guild channel, as a moderator would: it and its messages are gone (404 Unknown Channel).</summary>
    public void RemoveChannel(string channelId)
    {
        lock (Gate)
        {
            var channel = _channels.GetValueOrDefault(channelId) ?? throw new ArgumentException($"No channel {channelId}.", nameof(channelId));
            if (channel.GuildId is { } guildId)
            {
                RequireGuild(guildId).ChannelIds.Remove(channelId);
            }

            _channels.TryRemove(channelId, out _);
            _channelMessages.Remove(channelId);
            Touch();
        }
    }

    public EmuRole AddRole(string guildId, string name, ulong permissions, string? id = null)
    {
        lock (Gate)
        {
            var guild = RequireGuild(guildId);
            var role = new EmuRole(id ?? Ids.Next(), name, permissions, guild.Roles.Count);
            guild.Roles[role.Id] = role;
            return role;
        }
    }

    public EmuMember AddMember(string guildId, string userId, params string[] roleIds)
    {
        lock (Gate)
        {
            var guild = RequireGuild(guildId);
            var user = _users.GetValueOrDefault(userId) ?? throw new ArgumentException($"No user {userId}.", nameof(userId));
            var member = guild.Members.GetValueOrDefault(userId) ?? new EmuMember(user, _time.GetUtcNow());
            member.RoleIds.AddRange(roleIds.Except(member.RoleIds));
            guild.Members[userId] = member;
            return member;
        }
    }

    /// <summary>
    /// Takes a user (or the bot itself) out of a guild without telling the bot: Discord sends
    /// GUILD_MEMBER_REMOVE only with the privileged members intent, which StudyBot does not ask for.
    /// </summary>
    public void RemoveMember(string guildId, string userId)
    {
        lock (Gate)
        {
            RequireGuild(guildId).Members.Remove(userId);
            Touch();
        }
    }

    public void SetOverwrite(string channelId, PermissionOverwrite overwrite)
    {
        lock (Gate)
        {
            var channel = _channels.GetValueOrDefault(channelId) ?? throw new ArgumentException($"No channel {channelId}.", nameof(channelId));
            channel.Overwrites.RemoveAll(o => o.Id == overwrite.Id);
            channel.Overwrites.Add(overwrite);
        }
    }

    public EmuUser? FindUser(string id) => _users.GetValueOrDefault(id);
    public EmuGuild? FindGuild(string id) => _guilds.GetValueOrDefault(id);
    public EmuChannel? FindChannel(string id) => _channels.GetValueOrDefault(id);
    public EmuMessage? FindMessage(string id) => _messages.GetValueOrDefault(id) is { Deleted: false } m ? m : null;
    public StoredAttachment? FindAttachment(string id) => _attachments.GetValueOrDefault(id);
    public IReadOnlyList<EmuGuild> Guilds { get { lock (Gate) { return [.. _guilds.Values]; } } }

    /// <summary>The bot's DM channel with a user, created on first use (with <paramref name="id"/> when given) as POST /users/@me/channels does.</summary>
    public EmuChannel GetOrCreateDm(string userId, string? id = null)
    {
        lock (Gate)
        {
            var existing = _channels.Values.FirstOrDefault(c => c.Type == EmuChannel.Dm && c.RecipientIds.Contains(userId));
            if (existing is not null)
            {
                return existing;
            }
            var channel = new EmuChannel(id ?? Ids.Next(), EmuChannel.Dm, null, "");
            channel.RecipientIds.Add(userId);
            _channels[channel.Id] = channel;
            _channelMessages[channel.Id] = [];
            return channel;
        }
    }

    public ulong PermissionsOf(string userId, EmuChannel channel)
    {
        lock (Gate)
        {
            if (channel.GuildId is null)
            {
                return Permissions.DefaultEveryone;
            }
            var guild = RequireGuild(channel.GuildId);
            return guild.Members.TryGetValue(userId, out var member) ? Permissions.Compute(guild, member, channel) : 0;
        }
    }

    /// <summary>Messages oldest first; ephemeral ones only for the user allowed to see them.</summary>
    public IReadOnlyList<EmuMessage> MessagesIn(string channelId, string? viewerId = null)
    {
        lock (Gate)
        {
            return [.. (_channelMessages.GetValueOrDefault(channelId) ?? []).Where(m => !m.Deleted && (m.VisibleOnlyTo is null || m.VisibleOnlyTo == viewerId))];
        }
    }

    /// <summary>A deep copy of the message JSON, safe to read without the lock.</summary>
    public JsonObject Snapshot(EmuMessage message)
    {
        lock (Gate)
        {
            return (JsonObject)message.Json.DeepClone();
        }
    }

    public IReadOnlyList<JsonObject> HistoryOf(EmuMessage message)
    {
        lock (Gate)
        {
            return [.. message.History.Select(h => (JsonObject)h.DeepClone())];
        }
    }

    internal EmuMessage CreateMessage(EmuChannel channel, EmuUser author, JsonObject body, IReadOnlyList<UploadedFile> files,
        int type = 0, JsonObject? extras = null, string? visibleOnlyTo = null, string? interactionId = null)
    {
        lock (Gate)
        {
            var id = Ids.Next();
            var json = _factory.Create(id, channel, author, body, files, _time.GetUtcNow(), type, extras);
            var message = new EmuMessage(id, channel.Id, author.Id, json) { VisibleOnlyTo = visibleOnlyTo, InteractionId = interactionId };
            _messages[id] = message;
            _channelMessages[channel.Id].Add(message);
            channel.LastMessageId = id;
            Touch();
            return message;
        }
    }

    internal JsonObject EditMessage(EmuMessage message, JsonObject body, IReadOnlyList<UploadedFile> files)
    {
        lock (Gate)
        {
            message.History.Add(message.Json);
            message.Json = _factory.Edit(message.Json, body, files, _time.GetUtcNow());
            Touch();
            return (JsonObject)message.Json.DeepClone();
        }
    }

    /// <summary>Deletes a message as a moderator would; the bot's next edit of it gets 404 Unknown Message.</summary>
    public void RemoveMessage(string messageId)
    {
        DeleteMessage(FindMessage(messageId) ?? throw new ArgumentException($"No message {messageId}.", nameof(messageId)));
    }

    /// <summary>Forgets every message of a channel, as if it had just been created.</summary>
    public void ClearMessages(string channelId)
    {
        lock (Gate)
        {
            foreach (var message in _channelMessages.GetValueOrDefault(channelId) ?? [])
            {
                _messages.TryRemove(message.Id, out _);
            }
            _channelMessages.GetValueOrDefault(channelId)?.Clear();
            if (_channels.GetValueOrDefault(channelId) is { } channel)
            {
                channel.LastMessageId = null;
            }
            Touch();
        }
    }

    /// <summary>
    /// The messages of some channels, oldest first, with the files they show, as JSON that
    /// <see cref="ImportMessages"/> reads back (in this or a later emulator) so a channel's history
    /// outlasts a restart.
    /// </summary>
    public JsonObject ExportMessages(IEnumerable<string> channelIds)
    {
        lock (Gate)
        {
            var messages = new JsonArray();
            var files = new JsonArray();
            foreach (var message in channelIds.SelectMany(id => _channelMessages.GetValueOrDefault(id) ?? []).Where(m => !m.Deleted))
            {
                messages.Add(new JsonObject
                {
                    ["id"] = message.Id,
                    ["channel_id"] = message.ChannelId,
                    ["author_id"] = message.AuthorId,
                    ["visible_only_to"] = message.VisibleOnlyTo,
                    ["interaction_id"] = message.InteractionId,
                    ["json"] = message.Json.DeepClone(),
                });
                foreach (var attachment in (message.Json["attachments"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    if (_attachments.GetValueOrDefault(attachment["id"]?.GetValue<string>() ?? "") is { } stored)
                    {
                        files.Add(new JsonObject
                        {
                            ["id"] = stored.Id,
                            ["channel_id"] = stored.ChannelId,
                            ["filename"] = stored.FileName,
                            ["content_type"] = stored.ContentType,
                            ["base64"] = Convert.ToBase64String(stored.Bytes),
                        });
                    }
                }
            }
            return new JsonObject { ["base_address"] = BaseAddress, ["messages"] = messages, ["files"] = files };
        }
    }

    /// <summary>Adds exported messages back to channels that exist; attachment URLs are moved to this emulator's address.</summary>
    public void ImportMessages(JsonObject exported)
    {
        var oldBase = exported["base_address"]?.GetValue<string>();
        lock (Gate)
        {
            foreach (var file in (exported["files"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var stored = new StoredAttachment(file["id"]!.GetValue<string>(), file["channel_id"]!.GetValue<string>(), file["filename"]!.GetValue<string>(),
                    file["content_type"]!.GetValue<string>(), Convert.FromBase64String(file["base64"]!.GetValue<string>()));
                _attachments[stored.Id] = stored;
            }
            foreach (var entry in (exported["messages"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var channelId = entry["channel_id"]!.GetValue<string>();
                var id = entry["id"]!.GetValue<string>();
                if (!_channels.TryGetValue(channelId, out var channel) || _messages.ContainsKey(id))
                {
                    continue;
                }
                var text = entry["json"]!.ToJsonString();
                if (!string.IsNullOrEmpty(oldBase) && oldBase != BaseAddress)
                {
                    text = text.Replace(oldBase + "/", BaseAddress + "/", StringComparison.Ordinal);
                }
                var message = new EmuMessage(id, channelId, entry["author_id"]!.GetValue<string>(), (JsonObject)JsonNode.Parse(text)!)
                {
                    VisibleOnlyTo = entry["visible_only_to"]?.GetValue<string>(),
                    InteractionId = entry["interaction_id"]?.GetValue<string>(),
                };
                _messages[id] = message;
                _channelMessages[channelId].Add(message);
                channel.LastMessageId = id;
            }
            Touch();
        }
    }

    internal void DeleteMessage(EmuMessage message)
    {
        lock (Gate)
        {
            message.Deleted = true;
            Touch();
        }
    }

    public StoredAttachment StoreAttachment(string channelId, string fileName, string contentType, byte[] bytes)
    {
        lock (Gate)
        {
            var stored = new StoredAttachment(Ids.Next(), channelId, fileName, contentType, bytes);
            _attachments[stored.Id] = stored;
            return stored;
        }
    }

    public JsonObject AttachmentJson(StoredAttachment stored, string? description = null)
    {
        // A signed-looking CDN URL, as Discord's expire/issued/hash parameters make clients treat URLs as opaque.
        var url = $"{BaseAddress}{stored.PathAndQuery}?ex={_time.GetUtcNow().AddDays(1).ToUnixTimeSeconds():x}&is={_time.GetUtcNow().ToUnixTimeSeconds():x}&hm={stored.Id}";
        return new JsonObject
        {
            ["id"] = stored.Id,
            ["filename"] = stored.FileName,
            ["description"] = description,
            ["content_type"] = stored.ContentType,
            ["size"] = stored.Bytes.Length,
            ["url"] = url,
            ["proxy_url"] = url,
        };
    }

    public IReadOnlyList<EmuCommand> Commands(string? guildId)
    {
        lock (Gate)
        {
            return [.. _commands.Where(c => c.GuildId == guildId)];
        }
    }

    /// <summary>Bulk overwrite: commands keep their id when their name and type survive, as in Discord.</summary>
    internal IReadOnlyList<EmuCommand> ReplaceCommands(string applicationId, string? guildId, IEnumerable<JsonObject> definitions)
    {
        lock (Gate)
        {
            var old = _commands.Where(c => c.GuildId == guildId).ToList();
            var replaced = new List<EmuCommand>();
            foreach (var definition in definitions)
            {
                var json = (JsonObject)definition.DeepClone();
                var type = json["type"]?.GetValue<int>() ?? 1;
                var name = json["name"]!.GetValue<string>();
                var id = old.FirstOrDefault(c => c.Name == name && c.Type == type)?.Id ?? Ids.Next();
                json["id"] = id;
                json["type"] = type;
                json["application_id"] = applicationId;
                json["version"] = Ids.Next();
                json["default_member_permissions"] ??= null;
                json["description"] ??= "";
                if (guildId is not null)
                {
                    json["guild_id"] = guildId;
                }
                replaced.Add(new EmuCommand(id, guildId, json));
            }
            _commands.RemoveAll(c => c.GuildId == guildId);
            _commands.AddRange(replaced);
            Touch();
            return replaced;
        }
    }

    /// <summary>The guild as GUILD_CREATE carries it.</summary>
    internal JsonObject GuildCreateJson(EmuGuild guild)
    {
        lock (Gate)
        {
            return new JsonObject
            {
                ["id"] = guild.Id,
                ["name"] = guild.Name,
                ["icon"] = null,
                ["owner_id"] = guild.OwnerId,
                ["afk_channel_id"] = null,
                ["verification_level"] = 0,
                ["default_message_notifications"] = 0,
                ["explicit_content_filter"] = 0,
                ["mfa_level"] = 0,
                ["features"] = new JsonArray(),
                ["preferred_locale"] = "en-US",
                ["joined_at"] = guild.Members[Bot.Id].JoinedAt.ToString("O"),
                ["large"] = false,
                ["unavailable"] = false,
                ["member_count"] = guild.Members.Count,
                ["roles"] = new JsonArray([.. guild.Roles.Values.Select(r => (JsonNode)r.ToJson())]),
                ["channels"] = new JsonArray([.. guild.ChannelIds.Select(id => (JsonNode)_channels[id].ToJson(_users.GetValueOrDefault))]),
                ["members"] = new JsonArray(guild.Members[Bot.Id].ToJson()),
                ["threads"] = new JsonArray(),
                ["presences"] = new JsonArray(),
                ["voice_states"] = new JsonArray(),
                ["stage_instances"] = new JsonArray(),
                ["guild_scheduled_events"] = new JsonArray(),
            };
        }
    }

    public JsonObject ChannelJson(EmuChannel channel)
    {
        lock (Gate)
        {
            return channel.ToJson(_users.GetValueOrDefault);
        }
    }

    private EmuGuild RequireGuild(string guildId) =>
        _guilds.GetValueOrDefault(guildId) ?? throw new ArgumentException($"No guild {guildId}.", nameof(guildId));

    private void Touch() => Interlocked.Increment(ref _version);
}
