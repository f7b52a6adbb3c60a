using StudyBot.Data.Infrastructure;
using StudyBot.Discord.Interactions;

namespace StudyBot.Hosting;

/// <summary>
/// The storage's word on every interaction: while the database file is removed or replaced, each
/// command, button and modal is answered with <see cref="StorageHealth.RemovedText"/> before its
/// handler runs; a handler stopped by the storage (a full disk, an I/O error, a file that cannot be
/// opened any more) answers with the same message answers get, never the generic apology.
/// </summary>
internal sealed class StorageGuard(StorageHealth health) : IInteractionGuard
{
    public string? Refusal(InteractionContext context) => health.Problem is null ? null : StorageHealth.RemovedText;

    public string? Explain(Exception exception) => exception switch
    {
        StorageUnavailableException unavailable => unavailable.Message,
        _ when health.IsStorageFault(exception) => health.Problem is null ? StorageHealth.FullText : StorageHealth.RemovedText,
        _ => null,
    };
}
