using Microsoft.EntityFrameworkCore;

namespace StudyBot.Data.Stores;

/// <summary>
/// The interactions the HTTP endpoint has accepted, in the shared database: a signed request is run
/// only by the first process to claim its interaction id, whether the same process (restarted since)
/// or another one behind the same load balancer. Ids are kept for <see cref="Lifetime"/>, the life of
/// an interaction's token (after which the signature's five-minute timestamp window refuses the
/// request anyway); expired rows are pruned at most once a minute by each process.
/// </summary>
public sealed class AcceptedInteractions(IDbContextFactory<StudyDbContext> contexts, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private static readonly TimeSpan _pruneEvery = TimeSpan.FromMinutes(1);
    private long _nextPruneTicks;

    /// <summary>True when <paramref name="interactionId"/> is claimed now; false when it was accepted before (a replay).</summary>
    public async Task<bool> TryClaimAsync(ulong interactionId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await PruneAsync(db, now, cancellationToken).ConfigureAwait(false);
        var inserted = await db.Database.ExecuteSqlRawAsync(
            """INSERT INTO "AcceptedInteractions" ("Id", "ExpiresUtc") VALUES ({0}, {1}) ON CONFLICT ("Id") DO NOTHING""",
            [(long)interactionId, DateTime.SpecifyKind(now + Lifetime, DateTimeKind.Utc)],
            cancellationToken).ConfigureAwait(false);
        return inserted == 1;
    }

    /// <summary>Ids still held (for tests and the operator's curiosity).</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.AcceptedInteractions.CountAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task PruneAsync(StudyDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var due = Interlocked.Read(ref _nextPruneTicks);
        if (now.Ticks < due || Interlocked.CompareExchange(ref _nextPruneTicks, (now + _pruneEvery).Ticks, due) != due)
        {
            return;
        }
        await db.AcceptedInteractions.Where(a => a.ExpiresUtc <= now).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
