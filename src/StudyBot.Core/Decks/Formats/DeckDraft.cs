using StudyBot.Core.Decks.Images;

namespace StudyBot.Core.Decks.Formats;

/// <summary>
/// A deck as a reader found it, before validation: every value may be missing or wrong, and
/// each remembers where it was written. Every format (YAML, CSV, Anki) produces one; the
/// validator alone turns it into a <see cref="Deck"/>.
/// </summary>
public sealed class DeckDraft
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Source { get; set; }
    public SourcePosition At { get; set; } = new(1, 1);
    public Dictionary<string, SourcePosition> FieldAt { get; } = [];
    public List<NoteDraft> Notes { get; } = [];

    /// <summary>The images the notes name, found and checked (<see cref="ImageRules"/>), by the name the notes use.</summary>
    public Dictionary<string, DeckImage> Images { get; } = new(StringComparer.Ordinal);

    public SourcePosition PositionOf(string field) => FieldAt.TryGetValue(field, out var at) ? at : At;
}

/// <summary>
/// One entry of a deck file: a card, or a note that becomes several cards (a cloze note with
/// several deletions, a basic note with <see cref="Reversed"/> set).
/// </summary>
public sealed class NoteDraft
{
    public string? Id { get; set; }
    public CardKind? Kind { get; set; }

    /// <summary>The question; for cloze the text holding the deletions.</summary>
    public string? Prompt { get; set; }

    public List<string> Answers { get; } = [];
    public List<McqChoice> Choices { get; } = [];
    public string? Explanation { get; set; }
    public List<string> Tags { get; } = [];

    /// <summary>Basic only: also ask the answer and expect the prompt, as a sibling card.</summary>
    public bool Reversed { get; set; }

    /// <summary>A sibling group named in the file (<c>note:</c>), for cards of one Anki note.</summary>
    public string? NoteId { get; set; }

    /// <summary>
    /// Cards (or notes) this one may share answers with, each pair justified by its author
    /// (<c>allow_leaks:</c>): the validator does not warn about them; the scheduler still keeps them apart.
    /// </summary>
    public List<string> AllowLeaks { get; } = [];

    /// <summary>The image the card shows (<c>image:</c>): a file name, found by the deck's image source.</summary>
    public string? Image { get; set; }

    /// <summary>True when a reader made the id (from an Anki guid or a text hash), not the author.</summary>
    public bool GeneratedId { get; set; }

    public SourcePosition At { get; set; }
    public Dictionary<string, SourcePosition> FieldAt { get; } = [];

    public SourcePosition PositionOf(string field) => FieldAt.TryGetValue(field, out var at) ? at : At;
}
