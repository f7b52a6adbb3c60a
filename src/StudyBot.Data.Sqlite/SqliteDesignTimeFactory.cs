using Microsoft.EntityFrameworkCore.Design;
using StudyBot.Data.Infrastructure;

namespace StudyBot.Data.Sqlite;

/// <summary>
/// Lets <c>dotnet ef migrations add Name --project src/StudyBot.Data.Sqlite</c> build the model
/// without the host. The file is only a scratch target: adding a migration never opens it.
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<StudyDbContext>
{
    public StudyDbContext CreateDbContext(string[] args) => new(StudyDbOptions.For(DatabaseTarget.Sqlite("design-time.db")));
}
