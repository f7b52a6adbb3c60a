namespace StudyBot.Data.Entities;

/// <summary>
/// A user's current memory of one card. Created at the first answer (a card without a row is new).
/// <see cref="Version"/> is an optimistic concurrency token: two answers racing on one card cannot
/// both write from the same starting state.
/// </summary>
public sealed class UserCardState
{
    public long Id { get; set; }
    public ulong UserId { get; set; }
    public int CardId { get; set; }
    public CardRecord? Card { get; set; }
    public CardMemory Memory { get; set; } = new();
    public int Version { get; set; }
}
