using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace StudyBot.Hosting;

/// <summary>The progress database: ConnectionStrings:StudyBot, by default studybot.db in the current directory.</summary>
public sealed record StorageLocation(string ConnectionString)
{
    public const string ConfigurationKey = "ConnectionStrings:StudyBot";
    public const string Default = "Data Source=studybot.db";

    public static StorageLocation From(IConfiguration configuration)
    {
        var configured = configuration[ConfigurationKey];
        var value = string.IsNullOrWhiteSpace(configured) ? Default : configured;
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(value.Contains('=') ? value : "Data Source=" + value);
        }
        catch (ArgumentException e)
        {
            throw new StartupException($"{ConfigurationKey} is not a SQLite connection string ({e.Message}); use e.g. \"{Default}\".");
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new StartupException($"{ConfigurationKey} names no database file; use e.g. \"{Default}\".");
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (builder.Mode != SqliteOpenMode.Memory && directory is not null && !Directory.Exists(directory))
        {
            throw new StartupException($"{ConfigurationKey}: the directory {directory} does not exist; create it or point Data Source elsewhere.");
        }

        return new StorageLocation(builder.ToString());
    }
}
