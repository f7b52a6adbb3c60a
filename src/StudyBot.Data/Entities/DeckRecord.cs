namespace StudyBot.Data.Entities;

/// <summary>A deck as stored: identified by the id in its file, re-uploadable as new versions.</summary>
public sealed class DeckRecord
{
    public int Id { get; set; }
    /// <summary>The deck's id from its file; uploads with the same key are versions of one deck.</summary>
    public required string Key { get; set; }
    public ulong? GuildId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public string? Source { get; set; }
    public int CurrentVersion { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public List<DeckVersion> Versions { get; set; } = [];
}

/// <summary>One upload of a deck and what it changed.</summary>
public sealed class DeckVersion
{
    public int Id { get; set; }
    public int DeckId { get; set; }
    public int Number { get; set; }
    public DateTime UploadedUtc { get; set; }
    public int CardCount { get; set; }
    public int Added { get; set; }
    public int Changed { get; set; }
    public int Retired { get; set; }
    public int Restored { get; set; }
}
