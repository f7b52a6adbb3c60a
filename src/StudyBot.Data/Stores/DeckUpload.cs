namespace StudyBot.Data.Stores;

/// <summary>What one upload did to a deck.</summary>
public sealed record DeckUploadResult(string DeckKey, int DeckId, int Version, int Added, int Changed, int Unchanged, int Retired, int Restored);

/// <summary>An upload that was refused or failed; nothing was changed.</summary>
public sealed class DeckUploadException(string message, Exception? inner = null) : Exception(message, inner);
