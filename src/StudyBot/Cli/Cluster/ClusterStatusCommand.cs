using System.Globalization;
using Npgsql;
using Spectre.Console;
using Spectre.Console.Cli;
using StudyBot.Cli.Db;
using StudyBot.Data;
using StudyBot.Hosting.Cluster;

namespace StudyBot.Cli.Cluster;

/// <summary>
/// `studybot cluster status`: which process holds which gateway shard and since when, how long each
/// lease has left, and the processes with their last renewal, read from the lease tables.
/// </summary>
public sealed class ClusterStatusCommand : AsyncCommand<DbSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DbSettings settings)
    {
        if (DbServices.TargetOrReport(settings) is not { } target)
        {
            return 1;
        }

        if (target.Provider != DatabaseProvider.Postgres)
        {
            AnsiConsole.WriteLine("SQLite: one process holds every gateway shard; shard leases exist only on PostgreSQL (--provider postgres).");
            return 0;
        }

        try
        {
            await using var connection = new NpgsqlConnection(target.ConnectionString);
            await connection.OpenAsync();
            var store = new ShardLeaseStore(connection);
            if (!await store.ExistsAsync(CancellationToken.None))
            {
                AnsiConsole.WriteLine("No shard leases yet: no bot process has run on this database with gateway shards.");
                return 0;
            }

            // Members are live when seen within the default lease lifetime; the leases carry their own expiry.
            var table = await store.ReadAsync(ShardLeaseSettings.DefaultTtl, CancellationToken.None);
            foreach (var line in Describe(table))
            {
                AnsiConsole.WriteLine(line);
            }

            return 0;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] cannot read the shard leases: {e.Message}");
            return 1;
        }
    }

    /// <summary>One line per shard, then one per process.</summary>
    public static IEnumerable<string> Describe(ShardTable table)
    {
        var now = table.NowUtc;
        foreach (var lease in table.Leases)
        {
            var head = $"shard {lease.ShardId} of {lease.ShardCount}: ";
            if (lease.Live)
            {
                var since = lease.Since is { } s ? $" since {Time(s)} ({Age(now - s)})" : "";
                yield return head + $"held by '{lease.Holder}'{since}, lease expires in {(lease.ExpiresUtc - now).TotalSeconds:0.0} s, token {lease.Token}";
            }
            else if (lease.Holder is { } holder)
            {
                yield return head + $"expired {lease.SecondsSinceExpiry:0.0} s ago (last held by '{holder}'): the next process to look claims it";
            }
            else
            {
                yield return head + "free (released): the next process to look claims it";
            }
        }

        yield return table.Members.Count == 0 ? "processes: none" : "processes:";
        foreach (var member in table.Members)
        {
            var mode = member.IsStatic
                ? $"Discord:Shards {member.StaticFirst}-{member.StaticLast}"
                : $"auto, at most {member.MaxShards?.ToString(CultureInfo.InvariantCulture) ?? "any number of"} shard(s)";
            var holding = table.Leases.Where(l => l.Live && l.Holder == member.Instance).Select(l => l.ShardId.ToString(CultureInfo.InvariantCulture)).ToList();
            yield return $"  '{member.Instance}' ({mode}): {(member.Live ? "live" : "not seen lately")}, last renewal {Age(now - member.LastSeen)} ago, started {Time(member.Started)}, "
                + (holding.Count == 0 ? "holding no shard" : "holding shard(s) " + string.Join(", ", holding));
        }
    }

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Age(TimeSpan age) => age.TotalSeconds < 120 ? $"{age.TotalSeconds:0.0} s" : age.TotalMinutes < 120 ? $"{age.TotalMinutes:0} min" : $"{age.TotalHours:0.0} h";
}
