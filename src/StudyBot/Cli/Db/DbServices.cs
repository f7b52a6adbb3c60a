using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using StudyBot.Data;

namespace StudyBot.Cli.Db;

/// <summary>The data services over one database, for a command's lifetime.</summary>
internal static class DbServices
{
    /// <summary>Opens an existing database whose schema is current, or says why not and returns null.</summary>
    public static async Task<ServiceProvider?> OpenExistingAsync(DbSettings settings)
    {
        var (services, error) = await TryOpenExistingAsync(settings);
        if (error is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {error}");
        }
        return services;
    }

    private static async Task<(ServiceProvider? Services, string? Error)> TryOpenExistingAsync(DbSettings settings)
    {
        var connectionString = DatabaseLocation.ConnectionString(settings.Database);
        var file = DatabaseLocation.FilePath(connectionString);
        if (!File.Exists(file))
        {
            return (null, $"there is no database at {file} (pass --database PATH or set ConnectionStrings:StudyBot)");
        }
        var services = Build(connectionString);
        await using var db = await services.GetRequiredService<IDbContextFactory<StudyDbContext>>().CreateDbContextAsync();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count > 0)
        {
            await services.DisposeAsync();
            return (null, $"the database at {file} is behind this version ({pending.Count} pending migration(s)); run `studybot db migrate --database {file}` first");
        }
        return (services, null);
    }

    public static ServiceProvider Build(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information)
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning));
        services.AddStudyData(connectionString);
        return services.BuildServiceProvider();
    }
}
