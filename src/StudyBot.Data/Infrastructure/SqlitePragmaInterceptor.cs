using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace StudyBot.Data.Infrastructure;

/// <summary>Sets <see cref="SqlitePragmas"/> on every connection EF opens.</summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        => SqlitePragmas.Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        => SqlitePragmas.ApplyAsync(connection, cancellationToken);
}
