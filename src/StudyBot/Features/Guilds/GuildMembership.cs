using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Data;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;
using StudyBot.Hosting;

namespace StudyBot.Features.Guilds;

/// <summary>
/// The servers a student shares with the bot, as a DM session may draw decks from them: those where
/// the student was seen (<see cref="GuildPresence"/>) within <see cref="MembershipOptions.ExpireUnseenDays"/>,
/// the bot has not left, and Discord still lists the student as a member
/// (<c>GET /guilds/{guild.id}/members/{user.id}</c>, which needs no privileged intent, so it works in
/// gateway and endpoint mode alike). Each answer is kept for <see cref="MembershipOptions.Recheck"/> per
/// (server, student), and each student's set under a key of their own, so a click in a DM costs no
/// request. What Discord denies is written back: a member it does not know has left
/// (<c>GuildMembers.LeftUtc</c>), a server it does not let the bot see has removed the bot
/// (<c>Guilds.LeftUtc</c>), an unseen membership has expired; every deck query of a DM then leaves them out.
/// </summary>
public sealed partial class GuildMembership(
    IDbContextFactory<StudyDbContext> contexts,
    DiscordRestClient rest,
    MemberSightings sightings,
    StudyClock clock,
    IOptions<MembershipOptions> options,
    ILogger<GuildMembership> logger) : IDisposable
{
    /// <summary>How long a membership Discord could not confirm (an outage, a rate limit) is taken from the database alone.</summary>
    private static readonly TimeSpan _unconfirmedFor = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one question to Discord may take: the check runs before the interaction is answered, and
    /// Discord waits 3 seconds for that answer. A slower one leaves the database's record standing.
    /// </summary>
    private static readonly TimeSpan _askTimeout = TimeSpan.FromSeconds(1.5);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 200_000, CompactionPercentage = 0.1 });

    private enum Verdict
    {
        Member,
        NotMember,
        BotRemoved,
        Unconfirmed,
    }

    private readonly record struct StudentKey(ulong UserId);

    private readonly record struct MemberKey(ulong GuildId, ulong UserId);

    /// <summary>The servers whose decks <paramref name="userId"/> may study in a DM now.</summary>
    public async Task<IReadOnlySet<ulong>> SharedGuildsAsync(ulong userId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(new StudentKey(userId), out IReadOnlySet<ulong>? known) && known is not null)
        {
            return known;
        }

        var now = clock.UtcNow;
        var cutoff = now.AddDays(-options.Value.ExpireUnseenDays);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var recorded = await db.GuildMembers
            .Where(m => m.UserId == userId && m.LeftUtc == null && db.Guilds.Any(g => g.Id == m.GuildId && g.LeftUtc == null))
            .Select(m => new { m.GuildId, m.LastSeenUtc })
            .ToListAsync(cancellationToken);

        var expired = recorded.Where(m => m.LastSeenUtc < cutoff).Select(m => m.GuildId).ToList();
        if (expired.Count > 0)
        {
            await MarkLeftAsync(db, userId, expired, now, cancellationToken);
            LogExpired(logger, userId, expired.Count, options.Value.ExpireUnseenDays);
        }

        var candidates = recorded.Where(m => m.LastSeenUtc >= cutoff).Select(m => m.GuildId).ToList();
        var verdicts = await Task.WhenAll(candidates.Select(g => VerdictAsync(g, userId, cancellationToken)));
        var left = candidates.Where((_, i) => verdicts[i] == Verdict.NotMember).ToList();
        if (left.Count > 0)
        {
            await MarkLeftAsync(db, userId, left, now, cancellationToken);
        }

        var removed = candidates.Where((_, i) => verdicts[i] == Verdict.BotRemoved).ToList();
        if (removed.Count > 0)
        {
            await db.Guilds.Where(g => removed.Contains(g.Id) && g.LeftUtc == null).ExecuteUpdateAsync(g => g.SetProperty(x => x.LeftUtc, now), cancellationToken);
        }

        IReadOnlySet<ulong> shared = candidates.Where((_, i) => verdicts[i] is Verdict.Member or Verdict.Unconfirmed).ToHashSet();
        var keep = verdicts.Contains(Verdict.Unconfirmed) ? _unconfirmedFor : options.Value.Recheck;
        _cache.Set(new StudentKey(userId), shared, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = keep });
        return shared;
    }

    /// <summary>The student was seen in a server (or left one): their set is worked out again at their next DM interaction.</summary>
    public void Forget(ulong userId) => _cache.Remove(new StudentKey(userId));

    /// <summary>The student left a server (GUILD_MEMBER_REMOVE): neither that answer nor their set is kept.</summary>
    public void Forget(ulong guildId, ulong userId)
    {
        _cache.Remove(new MemberKey(guildId, userId));
        _cache.Remove(new StudentKey(userId));
    }

    /// <summary>The bot left a server (GUILD_DELETE): every student's set is worked out again.</summary>
    public void ForgetAll() => _cache.Compact(1.0);

    public void Dispose() => _cache.Dispose();

    private async Task<Verdict> VerdictAsync(ulong guildId, ulong userId, CancellationToken cancellationToken)
    {
        var key = new MemberKey(guildId, userId);
        if (_cache.TryGetValue(key, out Verdict cached))
        {
            return cached;
        }

        Verdict verdict;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_askTimeout);
            verdict = await rest.GetGuildMemberAsync(new Snowflake(guildId), new Snowflake(userId), timeout.Token) is null ? Verdict.NotMember : Verdict.Member;
        }
        catch (DiscordApiException e) when (e.Code is DiscordErrorCode.UnknownGuild or DiscordErrorCode.MissingAccess || e.Status == HttpStatusCode.Forbidden)
        {
            verdict = Verdict.BotRemoved;
        }
        catch (Exception e) when (e is DiscordApiException or HttpRequestException or TimeoutException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Discord did not answer: the database's record stands for a little while, then Discord is asked again.
            LogUnconfirmed(logger, userId, guildId, e.Message);
            _cache.Set(key, Verdict.Unconfirmed, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _unconfirmedFor });
            return Verdict.Unconfirmed;
        }

        if (verdict != Verdict.Member)
        {
            LogDenied(logger, userId, guildId, verdict);
        }

        _cache.Set(key, verdict, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.Value.Recheck });
        return verdict;
    }

    private async Task MarkLeftAsync(StudyDbContext db, ulong userId, List<ulong> guildIds, DateTime now, CancellationToken cancellationToken)
    {
        await db.GuildMembers.Where(m => m.UserId == userId && guildIds.Contains(m.GuildId) && m.LeftUtc == null)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.LeftUtc, now), cancellationToken);
        foreach (var guildId in guildIds)
        {
            // The next interaction in that server records the member again.
            sightings.Forget(guildId, userId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId}: {Count} server membership(s) unseen for {Days} days expired; their decks leave the user's DMs")]
    private static partial void LogExpired(ILogger logger, ulong userId, int count, int days);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} is no longer shared with the bot in server {GuildId} ({Verdict}); that server's decks leave the user's DMs")]
    private static partial void LogDenied(ILogger logger, ulong userId, ulong guildId, Verdict verdict);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ask Discord whether user {UserId} is still in server {GuildId} ({Reason}); the recorded membership stands for now")]
    private static partial void LogUnconfirmed(ILogger logger, ulong userId, ulong guildId, string reason);
}
