using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using StudyBot.Data;

namespace StudyBot.Cli.Db;

/// <summary>The data services over one database, for a command's lifetime.</summary>
internal static class DbServices
{
    /// <summary>The database the settings name, or null after printing why the settings are wrong.</summary>
    public static DatabaseTarget? TargetOrReport(DbSettings settings)
    {
        try
        {
            return DatabaseLocation.Target(settings);
        }
        catch (ArgumentException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return null;
        }
    }

    /// <summary>Opens an existing database whose schema is current, or says why not and returns null.</summary>
    public static async Task<ServiceProvider?> OpenExistingAsync(DbSettings settings)
    {
        if (TargetOrReport(settings) is not { } target)
        {
            return null;
        }
        var (services, error) = await TryOpenExistingAsync(target);
        if (error is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {error}");
        }
        return services;
    }

    public static async Task<(ServiceProvider? Services, string? Error)> TryOpenExistingAsync(DatabaseTarget target)
    {
        var where = target.Describe();
        if (target.Provider == DatabaseProvider.Sqlite && !File.Exists(target.SqliteFile))
        {
            return (null, $"there is no database at {target.SqliteFile ?? target.ConnectionString} (pass --database PATH or set ConnectionStrings:StudyBot)");
        }
        var services = Build(target);
        await using var db = await services.GetRequiredService<IDbContextFactory<StudyDbContext>>().CreateDbContextAsync();
        if (!await db.Database.CanConnectAsync())
        {
            await services.DisposeAsync();
            return (null, $"cannot connect to the {where} (check the connection string, and that the server runs and the database exists)");
        }
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count > 0)
        {
            await services.DisposeAsync();
            var how = target.Provider == DatabaseProvider.Sqlite ? $"--database {target.SqliteFile}" : "--provider postgres --connection ...";
            return (null, $"the {where} is behind this version ({pending.Count} pending migration(s)); run `studybot db migrate {how}` first");
        }
        return (services, null);
    }

    public static ServiceProvider Build(string connectionString) => Build(DatabaseTarget.Sqlite(connectionString));

    public static ServiceProvider Build(DatabaseTarget target)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information)
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning));
        services.AddStudyData(target);
        return services.BuildServiceProvider();
    }
}
