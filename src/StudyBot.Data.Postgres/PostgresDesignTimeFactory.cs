using Microsoft.EntityFrameworkCore.Design;
using StudyBot.Data.Infrastructure;

namespace StudyBot.Data.Postgres;

/// <summary>
/// Lets <c>dotnet ef migrations add Name --project src/StudyBot.Data.Postgres</c> build the model
/// without the host. Adding a migration needs no server; <c>dotnet ef database update</c> does, and
/// takes the connection string from STUDYBOT_DESIGN_POSTGRES (a local default otherwise).
/// </summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<StudyDbContext>
{
    private const string LocalDefault = "Host=localhost;Database=studybot;Username=studybot";

    public StudyDbContext CreateDbContext(string[] args) =>
        new(StudyDbOptions.For(DatabaseTarget.Postgres(Environment.GetEnvironmentVariable("STUDYBOT_DESIGN_POSTGRES") is { Length: > 0 } configured ? configured : LocalDefault)));
}
