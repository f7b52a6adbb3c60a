using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StudyBot.Data;
using StudyBot.Discord.Gateway;
using StudyBot.Discord.Models;
using StudyBot.Hosting;

namespace StudyBot.Features.Guilds;

/// <summary>
/// Keeps the guild list true to the gateway: a guild's name (shown in DMs) from GUILD_CREATE, the bot's
/// removal from GUILD_DELETE, a member leaving from GUILD_MEMBER_REMOVE. A guild the bot left, or a
/// guild the student left, no longer counts as shared. Without the privileged members intent (and in
/// endpoint mode, without any event) <see cref="GuildMembership"/> finds the same by asking Discord.
/// </summary>
public sealed class GuildEvents(IDbContextFactory<StudyDbContext> contexts, GuildProvisioner provisioner, MemberSightings sightings, GuildMembership membership, StudyClock clock) : IGatewayEventHandler
{
    public bool Handles(string eventName) => eventName is "GUILD_CREATE" or "GUILD_DELETE" or "GUILD_MEMBER_REMOVE";

    public async Task HandleAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        var data = dispatch.Data;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        switch (dispatch.EventName)
        {
            case "GUILD_CREATE" when Id(data, "id") is { } guildId:
                var name = data.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() ?? "" : "";
                name = name.Length > 100 ? name[..100] : name;
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"INSERT INTO \"Guilds\" (\"Id\", \"Name\", \"CreatedUtc\") VALUES ({(long)guildId}, {name}, {clock.UtcNow}) ON CONFLICT (\"Id\") DO UPDATE SET \"Name\" = excluded.\"Name\", \"LeftUtc\" = NULL",
                    cancellationToken);
                // Copy the essay decks now, so the guild's first command does not wait for it.
                await provisioner.EnsureAsync(guildId, cancellationToken);
                break;
            // "unavailable": true is an outage, not a removal.
            case "GUILD_DELETE" when Id(data, "id") is { } guildId && !(data.TryGetProperty("unavailable", out var u) && u.ValueKind == JsonValueKind.True):
                var now = clock.UtcNow;
                await db.Guilds.Where(g => g.Id == guildId).ExecuteUpdateAsync(g => g.SetProperty(x => x.LeftUtc, now), cancellationToken);
                sightings.ForgetAll();
                membership.ForgetAll();
                break;
            case "GUILD_MEMBER_REMOVE" when Id(data, "guild_id") is { } guildId && data.TryGetProperty("user", out var user) && Id(user, "id") is { } userId:
                var left = clock.UtcNow;
                await db.GuildMembers.Where(m => m.GuildId == guildId && m.UserId == userId).ExecuteUpdateAsync(m => m.SetProperty(x => x.LeftUtc, left), cancellationToken);
                sightings.Forget(guildId, userId);
                membership.Forget(guildId, userId);
                break;
        }
    }

    private static ulong? Id(JsonElement element, string property)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            && Snowflake.TryParse(value.GetString(), out var id) ? id.Value : null;
}
