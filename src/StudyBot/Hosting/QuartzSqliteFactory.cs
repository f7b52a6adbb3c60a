using System.Data.Common;
using Microsoft.Data.Sqlite;
using StudyBot.Data.Infrastructure;

namespace StudyBot.Hosting;

/// <summary>
/// The connections Quartz opens on the SQLite file: Microsoft.Data.Sqlite's, with the same
/// <see cref="SqlitePragmas"/> EF's interceptor sets (Quartz's connections never pass through EF, and
/// without this they would run synchronous=FULL with no busy timeout beside EF's writers).
/// </summary>
public sealed class QuartzSqliteFactory : DbProviderFactory
{
    public static readonly QuartzSqliteFactory Instance = new();

    /// <summary>
    /// The connection string Quartz gets: SQLite's <c>Mode=ReadWrite</c>, never creating the file. The
    /// scheduler starts after the start-up migration made the database, and a file removed under the
    /// running bot must not be re-created empty by the scheduler's next connection.
    /// </summary>
    public static string WithoutCreate(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.ReadWriteCreate)
        {
            builder.Mode = SqliteOpenMode.ReadWrite;
        }
        return builder.ToString();
    }

    public override DbConnection CreateConnection() => new Connection();

    public override DbCommand CreateCommand() => SqliteFactory.Instance.CreateCommand();

    public override DbParameter CreateParameter() => SqliteFactory.Instance.CreateParameter();

    public override DbConnectionStringBuilder CreateConnectionStringBuilder() => SqliteFactory.Instance.CreateConnectionStringBuilder();

    private sealed class Connection : SqliteConnection
    {
        public override void Open()
        {
            base.Open();
            SqlitePragmas.Apply(this);
        }

        public override async Task OpenAsync(CancellationToken cancellationToken)
        {
            await base.OpenAsync(cancellationToken);
            await SqlitePragmas.ApplyAsync(this, cancellationToken);
        }
    }
}
