using StudyBot.Core.Decks.Formats;

namespace StudyBot.Core.Decks.Validation;

/// <summary>Collects the problems of one file, so that every one of them is reported at once.</summary>
public sealed class DiagnosticBag(string file)
{
    private readonly List<DeckDiagnostic> _items = [];

    public string File { get; } = file;

    public IReadOnlyList<DeckDiagnostic> Items => _items;

    public bool HasErrors => _items.Any(d => d.IsError);

    public void Error(SourcePosition at, string? cardId, string message) =>
        _items.Add(new DeckDiagnostic(DiagnosticSeverity.Error, File, at.Line, at.Column, cardId, message));

    public void Warning(SourcePosition at, string? cardId, string message) =>
        _items.Add(new DeckDiagnostic(DiagnosticSeverity.Warning, File, at.Line, at.Column, cardId, message));

    public void AddRange(IEnumerable<DeckDiagnostic> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>In file order, so a reader fixes them top to bottom.</summary>
    public IReadOnlyList<DeckDiagnostic> Sorted() =>
        _items.Select((d, i) => (d, i)).OrderBy(x => x.d.Line).ThenBy(x => x.d.Column).ThenBy(x => x.i).Select(x => x.d).ToList();
}
