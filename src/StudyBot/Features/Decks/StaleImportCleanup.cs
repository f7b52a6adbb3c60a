using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Decks.Formats.Anki;

namespace StudyBot.Features.Decks;

/// <summary>At start, deletes the unpacked collections an earlier run left behind when it was killed mid-import.</summary>
public sealed class StaleImportCleanup(ILogger<StaleImportCleanup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var removed = ImportFiles.RemoveStale();
        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} import file(s) left by an earlier run in {Folder}", removed, ImportFiles.Folder);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
