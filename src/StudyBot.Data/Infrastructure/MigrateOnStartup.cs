using Microsoft.Extensions.Hosting;

namespace StudyBot.Data.Infrastructure;

/// <summary>Migrates before the rest of the host starts: nothing may touch an old schema.</summary>
internal sealed class MigrateOnStartup(DatabaseMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
