namespace StudyBot.Core.Decks.Validation;

/// <summary>
/// The outcome of reading a deck: the deck when there is no error, and every problem found.
/// Loading never throws for bad input; it reports here instead.
/// </summary>
public sealed record DeckLoadResult(Deck? Deck, IReadOnlyList<DeckDiagnostic> Diagnostics)
{
    public bool IsValid => Deck is not null && !Diagnostics.Any(d => d.IsError);

    public IEnumerable<DeckDiagnostic> Errors => Diagnostics.Where(d => d.IsError);

    public IEnumerable<DeckDiagnostic> Warnings => Diagnostics.Where(d => !d.IsError);

    public static DeckLoadResult Failed(IReadOnlyList<DeckDiagnostic> diagnostics) => new(null, diagnostics);
}
