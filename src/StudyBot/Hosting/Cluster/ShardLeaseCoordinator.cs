using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using StudyBot.Discord;
using StudyBot.Discord.Gateway;

namespace StudyBot.Hosting.Cluster;

/// <summary>
/// Holds this process's gateway shards through leases in PostgreSQL (see <see cref="ShardLeaseStore"/>
/// and <see cref="ShardBalancer"/>). At start it registers the process (refusing a fixed range that
/// overlaps a running process's). Then, every <see cref="ShardLeaseSettings.RenewInterval"/>, on its
/// own connection, it renews what it holds, closes and hands back what is beyond its share, and
/// claims free or expired shards, opening their sessions only once the lease is its own. A watchdog
/// closes each shard whose last successful renewal is older than the lease's lifetime minus the
/// safety margin: a process cut off from the database drops its shards before any other process may
/// claim them, so no shard ever has two sessions. A clean stop closes every session, then releases
/// the leases, so the others take over at their next round.
/// </summary>
public sealed class ShardLeaseCoordinator(
    ShardLeaseSettings settings,
    SchedulerSettings scheduler,
    StorageLocation storage,
    DiscordGatewayClient gateway,
    IOptions<DiscordOptions> discord,
    ILogger<ShardLeaseCoordinator> logger) : IHostedService
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, Lease> _held = [];
    private readonly List<(int Shard, long Token)> _toRelease = [];
    private NpgsqlConnection? _connection;
    private string? _lastProblem;
    private int _lastUnheld;

    /// <summary>This process's name in the lease table (its <c>Scheduler:InstanceId</c>).</summary>
    public string Instance => scheduler.InstanceId;

    public ShardLeaseSettings Settings => settings;

    /// <summary>The shards this process holds a lease on now, with since when (database time).</summary>
    public IReadOnlyList<(int Shard, DateTime SinceUtc)> Held
    {
        get
        {
            lock (_lock)
            {
                return [.. _held.Select(h => (h.Key, h.Value.SinceUtc)).OrderBy(h => h.Key)];
            }
        }
    }

    /// <summary>True once a round has read the lease table (before that, holding nothing says nothing).</summary>
    public bool Settled { get; private set; }

    /// <summary>This round's share and how many processes split the shards, for readiness.</summary>
    public string Summary { get; private set; } = "not yet registered";

    /// <summary>Registers the process before anything connects; an overlapping fixed range stops the start with one line.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var store = await StoreAsync(cancellationToken);
        var conflict = await store.RegisterAsync(Instance, settings, discord.Value.EffectiveShardCount, cancellationToken);
        if (conflict is not null)
        {
            throw new StartupException(conflict);
        }

        // Identifies of shards taken over go bucket by bucket across the processes, not only within this one.
        var gate = new IdentifyBucketGate(storage.ConnectionString, logger);
        gateway.SharedIdentifyGate = gate.WaitAsync;
        logger.LogInformation(
            "Shard leases: registered as '{Instance}' ({Mode}), lease {Ttl} s, renewed every {Renew} s, shards dropped {Deadline} s after the last renewal",
            Instance, settings.Auto ? $"auto, at most {settings.MaxShards?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "any number of"} shard(s)" : $"fixed range {settings.StaticText}",
            settings.Ttl.TotalSeconds, settings.RenewInterval.TotalSeconds, settings.LocalDeadline.TotalSeconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Holds shards until <paramref name="stoppingToken"/> ends or a shard closes fatally (rethrown);
    /// <paramref name="firstRound"/> runs once the first round has read the table.
    /// </summary>
    public async Task RunAsync(GatewayPlan plan, Func<Task> firstRound, CancellationToken stoppingToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var watchdog = WatchdogAsync(stop.Token);
        try
        {
            if (settings.Auto)
            {
                // Processes started together see each other before the first claim, rather than one taking every shard and handing half back.
                await Task.Delay(settings.RenewInterval, stop.Token);
            }

            var first = true;
            while (true)
            {
                var began = Stopwatch.GetTimestamp();
                if (await RoundAsync(plan, stop.Token) && first)
                {
                    first = false;
                    await firstRound();
                }

                var wait = settings.RenewInterval - Stopwatch.GetElapsedTime(began);
                var delay = wait > TimeSpan.Zero ? Task.Delay(wait, stop.Token) : Task.CompletedTask;
                if (await Task.WhenAny(delay, gateway.Fatal) == gateway.Fatal)
                {
                    await gateway.Fatal;
                }

                await delay;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await watchdog;
            await HandOverAsync();
        }
    }

    /// <summary>One round: release what the watchdog dropped, renew, then rebalance. False when the database could not be reached.</summary>
    private async Task<bool> RoundAsync(GatewayPlan plan, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(OperationTimeout);
            var store = await StoreAsync(timeout.Token);
            await ReleasePendingAsync(store, timeout.Token);
            await RenewAsync(store, timeout.Token);
            var table = await store.ReadAsync(settings.Ttl, timeout.Token);
            await RebalanceAsync(store, plan, table, cancellationToken);
            Settled = true;
            if (_lastProblem is not null)
            {
                logger.LogInformation("Shard leases: the database answers again");
                _lastProblem = null;
            }

            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is NpgsqlException or OperationCanceledException or TimeoutException or InvalidOperationException or System.Net.Sockets.SocketException or IOException)
        {
            var problem = e is OperationCanceledException ? $"no answer within {OperationTimeout.TotalSeconds:0.#} s" : e.Message;
            if (problem != _lastProblem)
            {
                logger.LogWarning(
                    "Shard leases: cannot reach the database ({Problem}); each held shard is dropped {Deadline} s after its last renewal",
                    problem, settings.LocalDeadline.TotalSeconds);
                _lastProblem = problem;
            }

            await DropConnectionAsync();
            return false;
        }
    }

    private TimeSpan OperationTimeout => settings.LocalDeadline / 3;

    private async Task RenewAsync(ShardLeaseStore store, CancellationToken cancellationToken)
    {
        List<(int Shard, long Token)> held;
        lock (_lock)
        {
            held = [.. _held.Select(h => (h.Key, h.Value.Token))];
        }

        // The lease runs from the database's now() when the statement runs, which is after this.
        var sent = Stopwatch.GetTimestamp();
        var renewed = await store.RenewAsync(Instance, held, settings.Ttl, cancellationToken);
        var lost = new List<int>();
        lock (_lock)
        {
            foreach (var (shard, token) in held)
            {
                if (_held.TryGetValue(shard, out var h) && h.Token == token)
                {
                    if (renewed.Contains(shard))
                    {
                        _held[shard] = h with { RenewedAt = sent };
                    }
                    else
                    {
                        _held.Remove(shard);
                        lost.Add(shard);
                    }
                }
            }
        }

        foreach (var shard in lost)
        {
            logger.LogWarning("Lost gateway shard {Shard}: the renewal found its lease expired or taken; closing its session", shard);
            await gateway.CloseAsync(shard, "lease lost");
        }
    }

    private async Task RebalanceAsync(ShardLeaseStore store, GatewayPlan plan, ShardTable table, CancellationToken cancellationToken)
    {
        var decision = ShardBalancer.Plan(Instance, settings, plan.ShardCount, table);
        var live = table.Members.Count(m => m.Live);
        Summary = $"share {decision.Share} of {plan.ShardCount} shard(s), {live} live process(es)";
        if (decision.Unheld != _lastUnheld)
        {
            _lastUnheld = decision.Unheld;
            if (decision.Unheld > 0)
            {
                logger.LogWarning(
                    "{Unheld} gateway shard(s) are held by no process: every live process is at Discord:MaxShardsPerProcess; raise it or start another process",
                    decision.Unheld);
            }
        }

        foreach (var (shard, reason) in decision.Release)
        {
            Lease? held;
            lock (_lock)
            {
                if (_held.Remove(shard, out var h))
                {
                    held = h;
                }
                else
                {
                    held = null;
                }
            }

            if (held is null)
            {
                continue;
            }

            // Close, then release: the session is gone before anyone may claim the shard.
            await gateway.CloseAsync(shard, "handed over");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(OperationTimeout);
            await store.ReleaseAsync(Instance, shard, held.Token, timeout.Token);
            logger.LogInformation("Released gateway shard {Shard}: {Reason}", shard, reason);
        }

        var claims = decision.Claim;
        if (claims.Count > 0)
        {
            claims = await WithinSessionStartsAsync(claims, cancellationToken);
        }

        foreach (var shard in claims)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(OperationTimeout);
            var sent = Stopwatch.GetTimestamp();
            if (await store.ClaimAsync(Instance, shard, plan.ShardCount, settings.Ttl, timeout.Token) is not { } token)
            {
                continue;
            }

            if (Stopwatch.GetElapsedTime(sent) >= settings.LocalDeadline)
            {
                // The claim took so long that the watchdog would drop it at once: let it go instead of identifying.
                lock (_lock)
                {
                    _toRelease.Add((shard, token));
                }

                continue;
            }

            lock (_lock)
            {
                _held[shard] = new Lease(token, sent, DateTime.UtcNow);
            }

            var previous = table.Leases.FirstOrDefault(l => l.ShardId == shard);
            var reason = previous switch
            {
                null or { Holder: null, Since: null, Token: 0 } => "it was free",
                { Holder: null } => "it was released",
                { Holder: { } holder } when holder == Instance => $"this process's earlier lease expired {previous.SecondsSinceExpiry:0.0} s ago",
                { Holder: { } holder } => $"taking over from '{holder}', whose lease expired {previous.SecondsSinceExpiry:0.0} s ago",
            };
            logger.LogInformation("Claimed gateway shard {Shard} of {Count} (lease token {Token}): {Reason}; identifying", shard, plan.ShardCount, token, reason);
            gateway.Open(shard);
        }
    }

    /// <summary>Only as many claims as Discord will let sessions start: each IDENTIFY counts against the daily allowance.</summary>
    private async Task<IReadOnlyList<int>> WithinSessionStartsAsync(IReadOnlyList<int> claims, CancellationToken cancellationToken)
    {
        var limit = await gateway.SessionStartsAsync(cancellationToken);
        if (limit.Total <= 0 || limit.Remaining >= claims.Count)
        {
            return claims;
        }

        logger.LogWarning(
            "Only {Remaining} of {Total} session starts left (reset in {Reset} ms): claiming {Claim} of {Wanted} shard(s) for now",
            limit.Remaining, limit.Total, limit.ResetAfter, Math.Max(0, limit.Remaining), claims.Count);
        return [.. claims.Take(Math.Max(0, limit.Remaining))];
    }

    private async Task ReleasePendingAsync(ShardLeaseStore store, CancellationToken cancellationToken)
    {
        List<(int Shard, long Token)> pending;
        lock (_lock)
        {
            pending = [.. _toRelease];
        }

        foreach (var (shard, token) in pending)
        {
            await store.ReleaseAsync(Instance, shard, token, cancellationToken);
            lock (_lock)
            {
                _toRelease.Remove((shard, token));
            }
        }
    }

    /// <summary>Closes every shard whose last successful renewal is older than the lease's lifetime minus the safety margin.</summary>
    private async Task WatchdogAsync(CancellationToken cancellationToken)
    {
        var period = TimeSpan.FromMilliseconds(Math.Clamp(settings.SafetyMargin.TotalMilliseconds / 5, 20, 250));
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                List<(int Shard, TimeSpan Age)> late = [];
                lock (_lock)
                {
                    foreach (var (shard, held) in _held.ToList())
                    {
                        var age = Stopwatch.GetElapsedTime(held.RenewedAt);
                        if (age >= settings.LocalDeadline)
                        {
                            _held.Remove(shard);
                            _toRelease.Add((shard, held.Token));
                            late.Add((shard, age));
                        }
                    }
                }

                await Task.WhenAll(late.Select(async l =>
                {
                    logger.LogWarning(
                        "Dropping gateway shard {Shard}: its lease was last renewed {Age:0.0} s ago (lease {Ttl} s, safety margin {Margin} s); closing its session before another process may claim it",
                        l.Shard, l.Age.TotalSeconds, settings.Ttl.TotalSeconds, settings.SafetyMargin.TotalSeconds);
                    await gateway.CloseAsync(l.Shard, "lease renewal late");
                }));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>On stop: every session closed first, then the leases released and the process removed, so the others claim at their next round.</summary>
    private async Task HandOverAsync()
    {
        List<(int Shard, long Token)> held;
        lock (_lock)
        {
            held = [.. _held.Select(h => (h.Key, h.Value.Token)), .. _toRelease];
            _held.Clear();
            _toRelease.Clear();
        }

        await Task.WhenAll(held.Select(h => gateway.CloseAsync(h.Shard, "stopping")));
        try
        {
            using var timeout = new CancellationTokenSource(OperationTimeout);
            var store = await StoreAsync(timeout.Token);
            foreach (var (shard, token) in held)
            {
                await store.ReleaseAsync(Instance, shard, token, timeout.Token);
            }

            await store.LeaveAsync(Instance, timeout.Token);
            if (held.Count > 0)
            {
                logger.LogInformation("Released gateway shard(s) {Shards}: stopping, sessions closed", string.Join(", ", held.Select(h => h.Shard).Order()));
            }
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException or InvalidOperationException or IOException)
        {
            logger.LogWarning("Shard leases: could not release on stop ({Problem}); the others take over when the leases expire", e.Message);
        }
        finally
        {
            await DropConnectionAsync();
        }
    }

    private async Task<ShardLeaseStore> StoreAsync(CancellationToken cancellationToken)
    {
        if (_connection is { State: System.Data.ConnectionState.Open })
        {
            return new ShardLeaseStore(_connection);
        }

        await DropConnectionAsync();
        var builder = new NpgsqlConnectionStringBuilder(storage.ConnectionString)
        {
            // Its own connection, not the pool's: renewals never queue behind the bot's queries.
            Pooling = false,
            ApplicationName = "studybot shard leases",
            Timeout = Math.Max(1, (int)Math.Ceiling(OperationTimeout.TotalSeconds)),
            CommandTimeout = Math.Max(1, (int)Math.Ceiling(OperationTimeout.TotalSeconds)),
            // A cancelled statement breaks the connection at once rather than waiting on a cancel request to a database that may be unreachable.
            CancellationTimeout = -1,
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        _connection = connection;
        return new ShardLeaseStore(connection);
    }

    private async Task DropConnectionAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }

    /// <summary>A lease held: its fencing token, when its last successful renewal was sent (monotonic), since when it is held.</summary>
    private sealed record Lease(long Token, long RenewedAt, DateTime SinceUtc);
}
