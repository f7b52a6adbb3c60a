using System.Collections.Concurrent;

namespace StudyBot.Emulator.Interactions;

internal sealed class InteractionRegistry
{
    private readonly ConcurrentDictionary<string, InteractionRecord> _byId = new();
    private readonly ConcurrentDictionary<string, InteractionRecord> _byToken = new();

    public void Add(InteractionRecord record)
    {
        _byId[record.Id] = record;
        _byToken[record.Token] = record;
    }

    public InteractionRecord? Find(string id) => _byId.GetValueOrDefault(id);
    public InteractionRecord? FindByToken(string token) => _byToken.GetValueOrDefault(token);
    public IReadOnlyList<InteractionRecord> All => [.. _byId.Values.OrderBy(r => r.CreatedAt)];
}
