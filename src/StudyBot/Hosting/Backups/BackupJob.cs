using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using StudyBot.Data.Backup;
using StudyBot.Observability;

namespace StudyBot.Hosting.Backups;

/// <summary>Writes one backup of the running database into Backup:Directory and deletes all but the newest Backup:Keep.</summary>
[DisallowConcurrentExecution]
public sealed class BackupJob(StorageLocation storage, IOptions<BackupOptions> options, StudyClock clock, ILogger<BackupJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var directory = Path.GetFullPath(settings.Directory!);
        var file = Path.Combine(directory, $"{BackupOptions.FilePrefix}{clock.UtcNow:yyyyMMdd-HHmmss}{BackupOptions.FileExtension}");
        try
        {
            System.IO.Directory.CreateDirectory(directory);
            var result = await DatabaseBackup.CopyAsync(storage.ConnectionString, file, cancellationToken);
            HostMetrics.Backup("written");
            HostMetrics.BackupWritten(File.GetLastWriteTimeUtc(result.Path));
            logger.LogInformation("Backup written: {File} ({Bytes} bytes)", result.Path, result.Bytes);
        }
        catch (Exception e) when (e is BackupException or IOException or UnauthorizedAccessException)
        {
            HostMetrics.Backup("failed");
            logger.LogError("Backup to {File} failed: {Reason}", file, e.Message);
            return;
        }

        foreach (var old in Backups(directory).Skip(settings.Keep))
        {
            File.Delete(old);
            logger.LogInformation("Deleted old backup {File} (keeping the newest {Keep})", old, settings.Keep);
        }
    }

    /// <summary>This job's backups in <paramref name="directory"/>, newest first (the names sort by time).</summary>
    public static IEnumerable<string> Backups(string directory)
        => System.IO.Directory.EnumerateFiles(directory, BackupOptions.FilePrefix + "*" + BackupOptions.FileExtension)
            .Where(f => !f.EndsWith(".partial", StringComparison.Ordinal))
            .OrderByDescending(Path.GetFileName, StringComparer.Ordinal);
}
