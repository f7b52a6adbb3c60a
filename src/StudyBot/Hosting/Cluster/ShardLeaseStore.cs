using Npgsql;
using NpgsqlTypes;

namespace StudyBot.Hosting.Cluster;

/// <summary>One shard's lease row as read (times are the database's clock).</summary>
public sealed record ShardLease(int ShardId, int ShardCount, string? Holder, long Token, DateTime? Since, DateTime ExpiresUtc, bool Live, double SecondsSinceExpiry);

/// <summary>One process of the cluster as read: its fixed range (null with <c>auto</c>), its cap, and whether it renewed within a lease's lifetime.</summary>
public sealed record ShardMember(string Instance, int? StaticFirst, int? StaticLast, int? MaxShards, DateTime Started, DateTime LastSeen, bool Live)
{
    public bool IsStatic => StaticFirst is not null;

    public bool Reserves(int shard) => StaticFirst <= shard && shard <= StaticLast;
}

/// <summary>Everything the processes share about the shards, read in one go.</summary>
public sealed record ShardTable(IReadOnlyList<ShardLease> Leases, IReadOnlyList<ShardMember> Members, DateTime NowUtc);

/// <summary>
/// The shard leases in PostgreSQL: one row per shard (holder, fencing token, since, expiry) and one
/// per process (its range or <c>auto</c>, its cap, when it last renewed). Every time is PostgreSQL's
/// <c>now()</c>, so the processes' own clocks never decide who holds a shard. The tables are
/// cluster bookkeeping, not study data (like Quartz's own tables they exist only on PostgreSQL and
/// are created at start if missing), so they are outside the EF model and not copied by
/// <c>db copy</c>.
/// </summary>
public sealed class ShardLeaseStore(NpgsqlConnection connection)
{
    public const string LeasesTable = "studybot_shard_leases";
    public const string MembersTable = "studybot_shard_members";

    // Any fixed number: serialises the tables' creation and the start-up checks across processes.
    private const long SchemaLockKey = 0x5374756479426F74;

    private const string Schema = $"""
        CREATE TABLE IF NOT EXISTS {LeasesTable} (
            shard_id integer PRIMARY KEY,
            shard_count integer NOT NULL,
            holder text NULL,
            token bigint NOT NULL,
            since timestamptz NULL,
            expires_at timestamptz NOT NULL);
        CREATE TABLE IF NOT EXISTS {MembersTable} (
            instance text PRIMARY KEY,
            static_first integer NULL,
            static_last integer NULL,
            max_shards integer NULL,
            started timestamptz NOT NULL,
            last_seen timestamptz NOT NULL);
        """ + IdentifyBucketGate.Schema;

    public NpgsqlConnection Connection => connection;

    /// <summary>
    /// Creates the tables if missing, then, under one lock, checks that no live process contradicts
    /// this one (an overlapping fixed range, another shard count) and records it as a member.
    /// Returns the one-line reason it must not start, or null.
    /// </summary>
    public async Task<string?> RegisterAsync(string me, ShardLeaseSettings settings, int? shardCount, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync($"SELECT pg_advisory_xact_lock({SchemaLockKey}); {Schema}", cancellationToken, transaction);
        var table = await ReadAsync(settings.Ttl, cancellationToken, transaction);
        if (Conflict(me, settings, shardCount, table) is { } conflict)
        {
            return conflict;
        }

        await using var upsert = Command(
            $"""
            DELETE FROM {MembersTable} WHERE last_seen < now() - interval '1 day';
            INSERT INTO {MembersTable} (instance, static_first, static_last, max_shards, started, last_seen)
            VALUES (@me, @first, @last, @max, now(), now())
            ON CONFLICT (instance) DO UPDATE SET static_first = @first, static_last = @last, max_shards = @max, started = now(), last_seen = now()
            """, transaction);
        upsert.Parameters.AddWithValue("me", me);
        upsert.Parameters.Add(new NpgsqlParameter<int?>("first", NpgsqlDbType.Integer) { TypedValue = settings.StaticRange?.First });
        upsert.Parameters.Add(new NpgsqlParameter<int?>("last", NpgsqlDbType.Integer) { TypedValue = settings.StaticRange?.Last });
        upsert.Parameters.Add(new NpgsqlParameter<int?>("max", NpgsqlDbType.Integer) { TypedValue = settings.MaxShards });
        await upsert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    private static string? Conflict(string me, ShardLeaseSettings settings, int? shardCount, ShardTable table)
    {
        if (settings.StaticRange is { } range
            && table.Members.FirstOrDefault(m => m.Live && m.IsStatic && m.Instance != me && m.StaticFirst <= range.Last && m.StaticLast >= range.First) is { } other)
        {
            var theirs = other.StaticFirst == other.StaticLast ? $"{other.StaticFirst}" : $"{other.StaticFirst}-{other.StaticLast}";
            return $"Discord:Shards {settings.StaticText} overlaps shard(s) {theirs} of the running process '{other.Instance}' (seen {(table.NowUtc - other.LastSeen).TotalSeconds:0.0} s ago): "
                + "give each process its own range, or use Discord:Shards=auto everywhere.";
        }

        if (shardCount is not null && table.Leases.FirstOrDefault(l => l.Live && l.Holder is not null && l.Holder != me && l.ShardCount != shardCount) is { } mismatch)
        {
            return $"Discord:ShardCount is {shardCount} here but the running process '{mismatch.Holder}' holds shard {mismatch.ShardId} of {mismatch.ShardCount}: every process must use the same Discord:ShardCount.";
        }

        return null;
    }

    /// <summary>Marks this process alive and extends the leases it holds (shard id, token); returns the shards whose lease was still its own and unexpired.</summary>
    public async Task<IReadOnlySet<int>> RenewAsync(string me, IReadOnlyCollection<(int Shard, long Token)> held, TimeSpan ttl, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"""
            UPDATE {MembersTable} SET last_seen = now() WHERE instance = @me;
            UPDATE {LeasesTable} AS l SET expires_at = now() + @ttl
            FROM unnest(@shards, @tokens) AS h(shard_id, token)
            WHERE l.shard_id = h.shard_id AND l.token = h.token AND l.holder = @me AND l.expires_at > now()
            RETURNING l.shard_id
            """);
        command.Parameters.AddWithValue("me", me);
        command.Parameters.AddWithValue("ttl", ttl);
        command.Parameters.AddWithValue("shards", held.Select(h => h.Shard).ToArray());
        command.Parameters.AddWithValue("tokens", held.Select(h => h.Token).ToArray());
        var renewed = new HashSet<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        do
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                renewed.Add(reader.GetInt32(0));
            }
        }
        while (await reader.NextResultAsync(cancellationToken));

        return renewed;
    }

    /// <summary>The leases and members, with which are live now.</summary>
    public async Task<ShardTable> ReadAsync(TimeSpan ttl, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null)
    {
        var leases = new List<ShardLease>();
        var members = new List<ShardMember>();
        DateTime now = default;
        await using var command = Command(
            $"""
            SELECT shard_id, shard_count, holder, token, since, expires_at, expires_at > now() AND holder IS NOT NULL, extract(epoch FROM now() - expires_at)::float8
            FROM {LeasesTable} ORDER BY shard_id;
            SELECT instance, static_first, static_last, max_shards, started, last_seen, last_seen > now() - @ttl
            FROM {MembersTable} ORDER BY instance;
            SELECT now();
            """, transaction);
        command.Parameters.AddWithValue("ttl", ttl);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            leases.Add(new ShardLease(
                reader.GetInt32(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetDateTime(4), reader.GetDateTime(5), reader.GetBoolean(6), reader.GetDouble(7)));
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            members.Add(new ShardMember(
                reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetInt32(2),
                reader.IsDBNull(3) ? null : reader.GetInt32(3), reader.GetDateTime(4), reader.GetDateTime(5), reader.GetBoolean(6)));
        }

        await reader.NextResultAsync(cancellationToken);
        if (await reader.ReadAsync(cancellationToken))
        {
            now = reader.GetDateTime(0);
        }

        return new ShardTable(leases, members, now);
    }

    /// <summary>Takes the shard's lease if nobody holds it or its holder let it expire; the new fencing token, or null when it is someone else's.</summary>
    public async Task<long?> ClaimAsync(string me, int shard, int shardCount, TimeSpan ttl, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"""
            INSERT INTO {LeasesTable} AS l (shard_id, shard_count, holder, token, since, expires_at)
            VALUES (@shard, @count, @me, 1, now(), now() + @ttl)
            ON CONFLICT (shard_id) DO UPDATE SET shard_count = @count, holder = @me, token = l.token + 1, since = now(), expires_at = now() + @ttl
            WHERE l.holder IS NULL OR l.expires_at <= now()
            RETURNING token
            """);
        command.Parameters.AddWithValue("shard", shard);
        command.Parameters.AddWithValue("count", shardCount);
        command.Parameters.AddWithValue("me", me);
        command.Parameters.AddWithValue("ttl", ttl);
        return await command.ExecuteScalarAsync(cancellationToken) is long token ? token : null;
    }

    /// <summary>Gives up the shard's lease (only the one with this token: a lease since taken over is left alone).</summary>
    public async Task ReleaseAsync(string me, int shard, long token, CancellationToken cancellationToken)
    {
        await using var command = Command($"UPDATE {LeasesTable} SET holder = NULL, since = NULL, expires_at = now() WHERE shard_id = @shard AND holder = @me AND token = @token");
        command.Parameters.AddWithValue("shard", shard);
        command.Parameters.AddWithValue("me", me);
        command.Parameters.AddWithValue("token", token);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Removes this process from the members: on a clean stop, so the others rebalance without waiting for it to expire.</summary>
    public async Task LeaveAsync(string me, CancellationToken cancellationToken)
    {
        await using var command = Command($"DELETE FROM {MembersTable} WHERE instance = @me");
        command.Parameters.AddWithValue("me", me);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>True when the lease tables exist (a database whose bot never ran on leases has none).</summary>
    public async Task<bool> ExistsAsync(CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT to_regclass('{LeasesTable}') IS NOT NULL AND to_regclass('{MembersTable}') IS NOT NULL");
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    private NpgsqlCommand Command(string sql, NpgsqlTransaction? transaction = null) => new(sql, connection, transaction);

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null)
    {
        await using var command = Command(sql, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
