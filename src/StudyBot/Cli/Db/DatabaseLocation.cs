using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using StudyBot.Data.Infrastructure;

namespace StudyBot.Cli.Db;

/// <summary>
/// Where the progress database is: --database, else the configured ConnectionStrings:StudyBot
/// (appsettings.json in the current directory, or the ConnectionStrings__StudyBot environment
/// variable), else studybot.db in the current directory, the same default the bot uses.
/// </summary>
public static class DatabaseLocation
{
    public const string DefaultFile = "studybot.db";
    public const string ConfigurationKey = "ConnectionStrings:StudyBot";

    public static string ConnectionString(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return StudyDbOptions.ConnectionString(option);
        }
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        return StudyDbOptions.ConnectionString(configuration[ConfigurationKey] is { Length: > 0 } configured ? configured : DefaultFile);
    }

    /// <summary>The file behind a connection string, for messages and existence checks.</summary>
    public static string FilePath(string connectionString) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
}
