using Microsoft.Extensions.Hosting;

namespace StudyBot.Data.Infrastructure;

/// <summary>
/// Checks the database can be written and migrates it before the rest of the host starts: nothing
/// may touch an old schema. Then holds the file, so that its removal is noticed.
/// </summary>
internal sealed class MigrateOnStartup(DatabaseMigrator migrator, StorageHealth health) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        health.CheckWritable();
        await migrator.MigrateAsync(cancellationToken);
        health.Pin();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
