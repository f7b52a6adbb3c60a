using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace StudyBot.Hosting;

/// <summary>
/// How Quartz runs: on SQLite one scheduler in one process; on PostgreSQL a cluster in which every
/// process is a node with its own <c>Scheduler:InstanceId</c> and checks in every
/// <c>Scheduler:CheckinInterval</c>, so each trigger fires once and a dead node's work is taken over.
/// </summary>
public sealed record SchedulerSettings(string SchedulerName, bool Clustered, string InstanceId, TimeSpan CheckinInterval)
{
    public const string SchedulerNameKey = "Quartz:SchedulerName";
    public const string InstanceIdKey = "Scheduler:InstanceId";
    public const string CheckinIntervalKey = "Scheduler:CheckinInterval";

    /// <summary>Quartz's own default: a dead node is noticed 1-3 intervals after its last check-in.</summary>
    public static readonly TimeSpan DefaultCheckinInterval = TimeSpan.FromSeconds(7.5);

    /// <summary>The instance name column of Quartz's scheduler_state table holds 200 characters.</summary>
    private const int MaxInstanceIdLength = 200;

    /// <param name="clustered">True on PostgreSQL: SQLite cannot hold a Quartz cluster (Quartz refuses it).</param>
    public static SchedulerSettings From(IConfiguration configuration, bool clustered)
    {
        // Stored jobs are keyed by scheduler name: keep it stable, or they are orphaned.
        var name = configuration[SchedulerNameKey] is { Length: > 0 } configured ? configured : "StudyBot";
        var instanceId = configuration[InstanceIdKey] is { } id && !string.IsNullOrWhiteSpace(id) ? id.Trim() : DefaultInstanceId(configuration);
        if (instanceId.Length > MaxInstanceIdLength || instanceId.Any(char.IsControl))
        {
            throw new StartupException($"{InstanceIdKey} must be at most {MaxInstanceIdLength} printable characters, e.g. bot-1.");
        }

        var checkin = DefaultCheckinInterval;
        if (configuration[CheckinIntervalKey] is { } raw && !string.IsNullOrWhiteSpace(raw))
        {
            if (!TimeSpan.TryParse(raw, CultureInfo.InvariantCulture, out checkin) || checkin < TimeSpan.FromMilliseconds(500) || checkin > TimeSpan.FromMinutes(10))
            {
                throw new StartupException($"{CheckinIntervalKey} '{raw}' must be a time span from 00:00:00.5 to 00:10:00, e.g. 00:00:07.5 (Quartz's default).");
            }
        }

        return new SchedulerSettings(name, clustered, instanceId, checkin);
    }

    /// <summary>
    /// The host name, plus the shard range when the process holds one (<c>bot-host-shards-2-3</c>):
    /// stable across restarts, so a restarted node recovers its own work at once, and distinct per
    /// container or per shard range. Two processes on one host without shard ranges (<c>auto</c>
    /// shards, the HTTP endpoint mode) must each be given their own <c>Scheduler:InstanceId</c>.
    /// </summary>
    public static string DefaultInstanceId(IConfiguration configuration)
    {
        var shards = configuration["Discord:Shards"];
        return string.IsNullOrWhiteSpace(shards) || string.Equals(shards.Trim(), Discord.DiscordOptions.AutoShards, StringComparison.OrdinalIgnoreCase)
            ? Environment.MachineName
            : $"{Environment.MachineName}-shards-{string.Concat(shards.Where(c => !char.IsWhiteSpace(c)))}";
    }
}
