namespace StudyBot.Data.Entities;

/// <summary>
/// A deck as stored: owned by one guild, identified there by the id in its file, re-uploadable as
/// new versions. Two guilds may each have a deck with the same key; they share nothing.
/// </summary>
public sealed class DeckRecord
{
    /// <summary>The owner of decks stored before any guild used them (the first guild to use the bot adopts them).</summary>
    public const ulong NoGuild = 0;

    public int Id { get; set; }
    /// <summary>The deck's id from its file; uploads with the same key in one guild are versions of one deck.</summary>
    public required string Key { get; set; }
    public ulong GuildId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public string? Source { get; set; }
    public int CurrentVersion { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    /// <summary>Hidden from lists, joining and new study; progress is kept and comes back on restore.</summary>
    public bool Retired { get; set; }
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
