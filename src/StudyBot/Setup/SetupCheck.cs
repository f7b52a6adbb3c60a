using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StudyBot.Discord;
using StudyBot.Discord.Rest;
using StudyBot.Hosting;
using StudyBot.Hosting.Backups;

namespace StudyBot.Setup;

/// <summary>
/// What `studybot check` finds: every configuration problem, then, with a usable token, whether
/// Discord accepts it (GET /users/@me) and whether its application is Discord:ApplicationId
/// (GET /applications/@me). One line per finding; the token itself is never printed.
/// </summary>
public static class SetupCheck
{
    public static async Task<SetupReport> RunAsync(IConfiguration configuration, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var report = new SetupReport();
        var discord = new DiscordOptions();
        configuration.GetSection(DiscordOptions.SectionName).Bind(discord);
        if (string.IsNullOrWhiteSpace(discord.Token))
        {
            discord.Token = configuration["DISCORD_TOKEN"];
        }

        CheckOptions(report, Bind<StudyBotOptions>(configuration, StudyBotOptions.SectionName));
        CheckOptions(report, Bind<BackupOptions>(configuration, BackupOptions.SectionName));
        try
        {
            var storage = StorageLocation.From(configuration);
            await CheckDatabaseAsync(report, storage, cancellationToken);
            var scheduler = SchedulerSettings.From(configuration, clustered: !storage.IsSqlite);
            report.Ok(scheduler.Clustered
                ? $"scheduler: Quartz cluster node '{scheduler.InstanceId}', checking in every {scheduler.CheckinInterval.TotalSeconds:0.#} s"
                : "scheduler: one Quartz scheduler in the database");
        }
        catch (StartupException e)
        {
            report.Problem(e.Message);
        }

        if (string.IsNullOrWhiteSpace(discord.Token))
        {
            report.Problem("no bot token: set DISCORD_TOKEN (or Discord:Token) to the token from the developer portal's Bot page; without one StudyBot runs the Playground");
        }
        else if (CheckOptions(report, discord))
        {
            // Only a token of the right shape, sent to a valid address, is worth asking Discord about.
            await CheckDiscordAsync(report, discord, time, cancellationToken);
        }
        else if (string.IsNullOrWhiteSpace(discord.ApplicationId))
        {
            report.Problem("Discord:ApplicationId is not set: copy the Application ID from the developer portal's General Information page");
        }

        return report;
    }

    /// <summary>
    /// Opens the database as the bot will: a PostgreSQL server must accept the connection string (the
    /// failure is named: refused, no such host, a wrong password). A SQLite file is not opened, since
    /// opening a missing one would create it.
    /// </summary>
    private static async Task CheckDatabaseAsync(SetupReport report, StorageLocation storage, CancellationToken cancellationToken)
    {
        var what = storage.Target.Describe();
        if (storage.IsSqlite)
        {
            // The folder's existence is checked where the setting is read; the file is made at the first start.
            report.Ok(storage.Target.SqliteFile is { } file && !File.Exists(file) ? $"database: {what} (created at the first start)" : $"database: {what}");
            return;
        }

        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(storage.ConnectionString) { Timeout = 5, Pooling = false };
            await using var connection = new Npgsql.NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            report.Ok($"database: {what} (connected, server {connection.PostgreSqlVersion})");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or System.Net.Sockets.SocketException or TimeoutException or ArgumentException)
        {
            var reason = DatabaseWait.Transient(e)
                ?? (e is System.Data.Common.DbException refused ? DatabaseWait.Describe(refused)["database: ".Length..] : e.Message);
            report.Problem($"database: cannot connect to the {what}: {reason}");
        }
    }

    private static async Task CheckDiscordAsync(SetupReport report, DiscordOptions discord, TimeProvider time, CancellationToken cancellationToken)
    {
        using var rest = new DiscordRestClient(Options.Create(discord), time, NullLogger<DiscordRestClient>.Instance);
        try
        {
            var user = await rest.GetCurrentUserAsync(cancellationToken);
            report.Ok($"token: accepted by Discord for the bot user {user.Username} ({user.Id})");
            var application = await rest.GetCurrentApplicationAsync(cancellationToken);
            var id = application.Id.ToString();
            if (string.IsNullOrWhiteSpace(discord.ApplicationId))
            {
                report.Problem($"Discord:ApplicationId is not set; the token's application is {id}");
            }
            else if (!string.Equals(discord.ApplicationId, id, StringComparison.Ordinal))
            {
                report.Problem($"Discord:ApplicationId {discord.ApplicationId} does not match the token's application {id} ({application.Name}): use {id}, or the token of application {discord.ApplicationId}");
            }
            else
            {
                report.Ok($"application: {id} ({application.Name}) matches Discord:ApplicationId");
            }
        }
        catch (DiscordUnauthorizedException)
        {
            report.Problem("token: Discord rejected it (401 Unauthorized): copy it again from the developer portal's Bot page (Reset Token), without a 'Bot ' prefix");
        }
        catch (Exception e) when (e is DiscordApiException or HttpRequestException or TimeoutException)
        {
            report.Problem($"Discord could not be asked at {discord.ApiBaseUrl}: {e.Message}");
        }
    }

    private static T Bind<T>(IConfiguration configuration, string section) where T : new()
    {
        var options = new T();
        configuration.GetSection(section).Bind(options);
        return options;
    }

    /// <summary>Reports each validation failure of <paramref name="options"/>; true when there was none.</summary>
    private static bool CheckOptions(SetupReport report, object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        foreach (var result in results)
        {
            report.Problem(result.ErrorMessage ?? "invalid setting");
        }

        return results.Count == 0;
    }
}

/// <summary>The findings of a check, in order: lines that passed and lines that need fixing.</summary>
public sealed class SetupReport
{
    private readonly List<string> _ok = [];
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Passed => _ok;

    public IReadOnlyList<string> Problems => _problems;

    public void Ok(string line) => _ok.Add(line);

    public void Problem(string line) => _problems.Add(line);
}
