namespace StudyBot.Data.Tests.Support;

/// <summary>
/// Marks a test class's PostgreSQL subclass. Each data test class is abstract, with one subclass per
/// provider: <c>XTestsOnSqlite : XTests</c> and <c>XTestsOnPostgres : XTests, IOnPostgres</c>.
/// </summary>
public interface IOnPostgres;

/// <summary>The base of the data test classes: the provider they run on and a fresh database per test.</summary>
public abstract class DatabaseTests
{
    protected DatabaseProvider Provider => this is IOnPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    /// <summary>A migrated database of this class's provider, dropped (or deleted) when disposed.</summary>
    protected Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateAsync(Provider);
}
