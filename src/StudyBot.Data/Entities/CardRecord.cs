using StudyBot.Core.Decks;

namespace StudyBot.Data.Entities;

/// <summary>
/// A card as stored. <see cref="Key"/> is the card's id in the deck file and stays stable across
/// uploads, so progress follows it; a card dropped from the deck is retired, never deleted,
/// because review history points at it.
/// </summary>
public sealed class CardRecord
{
    public int Id { get; set; }
    public int DeckId { get; set; }
    public DeckRecord? Deck { get; set; }
    public required string Key { get; set; }
    public string? NoteKey { get; set; }
    public CardKind Kind { get; set; }
    public required string Prompt { get; set; }
    public List<string> Answers { get; set; } = [];
    public List<McqChoice> Choices { get; set; } = [];
    public string? Explanation { get; set; }
    public string? Hint { get; set; }
    public List<string> Tags { get; set; } = [];
    /// <summary>For cloze: the whole note's text with its {{c1::...}} deletions, so the deck can be exported as it was written.</summary>
    public string? SourceText { get; set; }
    /// <summary>The name of the deck's image (<see cref="DeckImageRecord"/>) the card shows, or null.</summary>
    public string? Image { get; set; }
    /// <summary>Position in the deck file: new cards are introduced in this order.</summary>
    public int Ordinal { get; set; }
    public bool Retired { get; set; }
    public int AddedInVersion { get; set; }
    public int ChangedInVersion { get; set; }
    public int? RetiredInVersion { get; set; }

    public DeckCard ToDeckCard() => new()
    {
        Id = Key,
        Kind = Kind,
        Prompt = Prompt,
        Answers = Answers,
        Choices = Choices,
        Explanation = Explanation,
        Hint = Hint,
        Tags = Tags,
        NoteId = NoteKey,
        SourceText = SourceText,
        Image = Image,
    };
}
