using System.Security.Cryptography;
using System.Text.Json.Nodes;
using StudyBot.Emulator.State;

namespace StudyBot.Emulator.Interactions;

/// <summary>Builds INTERACTION_CREATE payloads as Discord sends them and delivers them on the right shard.</summary>
internal sealed class InteractionFactory(EmulatorCore core)
{
    public const int Command = 2, Component = 3, Autocomplete = 4, ModalSubmit = 5;

    public async Task<InteractionHandle> SendAsync(EmuUser user, EmuChannel channel, int type, JsonObject data, string? sourceMessageId)
    {
        var state = core.State;
        var id = state.Ids.Next();
        var token = "aW50ZXJhY3Rpb246" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var payload = new JsonObject
        {
            ["id"] = id,
            ["application_id"] = core.Options.ApplicationId,
            ["type"] = type,
            ["data"] = data,
            ["channel_id"] = channel.Id,
            ["channel"] = state.ChannelJson(channel),
            ["token"] = token,
            ["version"] = 1,
            ["locale"] = "en-US",
            ["entitlements"] = new JsonArray(),
            ["app_permissions"] = state.PermissionsOf(state.Bot.Id, channel).ToString(),
            ["attachment_size_limit"] = core.Options.MaxFileBytes,
        };
        if (channel.GuildId is { } guildId)
        {
            var guild = state.FindGuild(guildId)!;
            EmuMember member;
            lock (state.Gate)
            {
                member = guild.Members.GetValueOrDefault(user.Id)
                    ?? throw new InvalidOperationException($"User {user.Username} is not a member of guild {guild.Name}.");
            }
            payload["guild_id"] = guildId;
            payload["guild"] = new JsonObject { ["id"] = guildId, ["locale"] = "en-US", ["features"] = new JsonArray() };
            payload["guild_locale"] = "en-US";
            payload["member"] = member.ToJson(state.PermissionsOf(user.Id, channel));
            payload["context"] = 0;
            payload["authorizing_integration_owners"] = new JsonObject { ["0"] = guildId };
        }
        else
        {
            payload["user"] = user.ToJson();
            payload["context"] = 1;
            payload["authorizing_integration_owners"] = new JsonObject { ["0"] = "0" };
        }
        if (sourceMessageId is not null && state.FindMessage(sourceMessageId) is { } source)
        {
            payload["message"] = state.Snapshot(source);
        }
        var record = new InteractionRecord(id, token, type, channel.Id, channel.GuildId, user.Id, core.Options.TimeProvider.GetUtcNow(), payload)
        {
            SourceMessageId = sourceMessageId,
        };
        core.Interactions.Add(record);
        record.DispatchedTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();
        var delivered = await core.Gateway.DispatchAsync("INTERACTION_CREATE", payload, channel.GuildId);
        if (delivered == 0)
        {
            throw new InvalidOperationException("No gateway session receives this interaction: connect and identify the bot (on the guild's shard) first.");
        }
        return new InteractionHandle(record);
    }
}
