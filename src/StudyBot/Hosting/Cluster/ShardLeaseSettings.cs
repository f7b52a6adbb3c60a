using System.Globalization;
using Microsoft.Extensions.Configuration;
using StudyBot.Discord;
using StudyBot.Discord.Gateway;

namespace StudyBot.Hosting.Cluster;

/// <summary>
/// How this process holds its gateway shards on PostgreSQL: <c>auto</c> (claimed through leases,
/// spread evenly over the live processes) or a fixed range (leased too, so a second process with an
/// overlapping range is refused). Lease timings: a lease lives <see cref="Ttl"/> past its last
/// renewal; the holder renews every <see cref="RenewInterval"/> and closes a shard itself once its
/// last successful renewal is <see cref="Ttl"/> minus <see cref="SafetyMargin"/> old, so its session
/// is gone before any other process may claim the shard.
/// </summary>
public sealed record ShardLeaseSettings(bool Auto, ShardRange? StaticRange, string? StaticText, int? MaxShards, TimeSpan Ttl, TimeSpan RenewInterval, TimeSpan SafetyMargin)
{
    public const string TtlKey = "Discord:Leases:Ttl";
    public const string RenewIntervalKey = "Discord:Leases:RenewInterval";
    public const string SafetyMarginKey = "Discord:Leases:SafetyMargin";

    public static readonly TimeSpan DefaultTtl = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan DefaultRenewInterval = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan DefaultSafetyMargin = TimeSpan.FromSeconds(5);

    /// <summary>How long after its last successful renewal the holder closes a shard on its own.</summary>
    public TimeSpan LocalDeadline => Ttl - SafetyMargin;

    /// <summary>
    /// The lease settings for a gateway process on PostgreSQL; null on SQLite (one process, every
    /// shard, nothing to lease). <c>Discord:Shards=auto</c> on SQLite is refused.
    /// </summary>
    public static ShardLeaseSettings? From(IConfiguration configuration, DiscordOptions discord, bool postgres)
    {
        if (!postgres)
        {
            if (discord.IsAutoShards)
            {
                throw new StartupException(
                    "configuration: Discord:Shards=auto needs PostgreSQL (Database:Provider=postgres), where the processes share their shard leases; on SQLite one process holds every shard: leave Discord:Shards unset.");
            }

            return null;
        }

        var ttl = Read(configuration, TtlKey, DefaultTtl, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        var renew = Read(configuration, RenewIntervalKey, DefaultRenewInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5));
        var margin = Read(configuration, SafetyMarginKey, DefaultSafetyMargin, TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(5));
        if (renew * 2 > ttl - margin)
        {
            throw new StartupException(
                $"configuration: {RenewIntervalKey} ({renew.TotalSeconds:0.###} s) must fit twice into {TtlKey} minus {SafetyMarginKey} ({(ttl - margin).TotalSeconds:0.###} s), "
                + "so one late renewal does not drop the shards: e.g. 00:00:15, 00:00:03 and 00:00:05 (the defaults).");
        }

        ShardRange? range = null;
        var auto = string.IsNullOrWhiteSpace(discord.Shards) || discord.IsAutoShards;
        if (!auto)
        {
            if (discord.EffectiveShardCount is not { } count)
            {
                throw new StartupException($"configuration: Discord:Shards '{discord.Shards}' needs Discord:ShardCount: every process must identify with the same total.");
            }

            if (!ShardRange.TryParse(discord.Shards!, count, out var parsed, out var error))
            {
                throw new StartupException("configuration: " + error);
            }

            range = parsed;
        }

        return new ShardLeaseSettings(auto, range, auto ? null : discord.Shards!.Trim(), discord.MaxShardsPerProcess, ttl, renew, margin);
    }

    private static TimeSpan Read(IConfiguration configuration, string key, TimeSpan fallback, TimeSpan min, TimeSpan max)
    {
        if (configuration[key] is not { } raw || string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        if (!TimeSpan.TryParse(raw, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new StartupException($"configuration: {key} '{raw}' must be a time span from {min:c} to {max:c}, e.g. {fallback:c} (the default).");
        }

        return value;
    }
}
