using StudyBot.Core.Decks.Images;

namespace StudyBot.Core.Decks;

/// <summary>What a student does with a card.</summary>
public enum CardKind
{
    /// <summary>Show the answer; the student grades themselves.</summary>
    Basic,
    /// <summary>2-5 choices, one or more correct, shown shuffled.</summary>
    Mcq,
    /// <summary>The student types the answer in a modal.</summary>
    Typed,
    /// <summary>One deletion of a cloze note: <c>{{c1::answer::hint}}</c>.</summary>
    Cloze,
}

/// <summary>A deck as parsed from a file: the unit instructors upload.</summary>
public sealed record Deck(
    string Id,
    string Title,
    string? Description,
    string? Source,
    IReadOnlyList<DeckCard> Cards)
{
    /// <summary>The images the cards show (<see cref="DeckCard.Image"/> names one), each checked and within the deck's limits.</summary>
    public IReadOnlyList<DeckImage> Images { get; init; } = [];
}

/// <summary>One multiple-choice option.</summary>
public sealed record McqChoice(string Text, bool Correct);

/// <summary>
/// One studyable card. Progress follows <see cref="Id"/> across re-uploads.
/// A cloze note with deletions c1..cn becomes n cards with ids <c>{noteId}#c{n}</c> and
/// <see cref="NoteId"/> = the note's id; a reversed pair shares a NoteId too. Cards that share a
/// NoteId are siblings: the review engine does not show two of them on the same day.
/// </summary>
public sealed record DeckCard
{
    public required string Id { get; init; }
    public required CardKind Kind { get; init; }

    /// <summary>The question as shown (for cloze: the text with this deletion blanked).</summary>
    public required string Prompt { get; init; }

    /// <summary>
    /// Accepted answers: basic/typed answers, the cloze deletion's text, or the correct mcq choices' texts.
    /// A cloze card whose number blanks several places holds each blank's text, in text order, then
    /// the alternatives written after <c>|</c> in its deletions.
    /// </summary>
    public IReadOnlyList<string> Answers { get; init; } = [];

    /// <summary>Only for <see cref="CardKind.Mcq"/>: every choice, in file order.</summary>
    public IReadOnlyList<McqChoice> Choices { get; init; } = [];

    /// <summary>Shown after answering.</summary>
    public string? Explanation { get; init; }

    /// <summary>Only for cloze: the hint after the second <c>::</c>, if any.</summary>
    public string? Hint { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The note this card came from (cloze deletions, reversed pairs); null when the card stands alone.</summary>
    public string? NoteId { get; init; }

    /// <summary>
    /// Cards or notes whose answers this card may show, or that may show its answers, as its author
    /// allowed (<c>allow_leaks:</c>); the leak check does not warn about those pairs.
    /// </summary>
    public IReadOnlyList<string> AllowLeaks { get; init; } = [];

    /// <summary>
    /// Only for cloze: the note's text with every deletion in <c>{{c1::answer::hint}}</c> form, so
    /// that the whole note can be shown after answering and written back out unchanged.
    /// </summary>
    public string? SourceText { get; init; }

    /// <summary>The name of the deck's image this card shows in its embed, or null.</summary>
    public string? Image { get; init; }
}
