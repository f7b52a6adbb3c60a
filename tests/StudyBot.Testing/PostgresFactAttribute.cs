using Xunit;

namespace StudyBot.Testing;

/// <summary>A test that needs a PostgreSQL server: skipped, saying why, when none is reachable (scripts/test.sh starts one).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
