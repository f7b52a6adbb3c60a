using StudyBot.Core.Decks.Formats;

namespace StudyBot.Core.Decks.Validation;

/// <summary>
/// Collects the problems of one file, so that every one of them is reported at once, up to
/// <see cref="MaxProblems"/>: past it only a count is kept, so a hostile file cannot make the
/// report (or the memory holding it) as large as it likes.
/// </summary>
public sealed class DiagnosticBag(string file, ReadBudget? budget = null)
{
    public const int MaxProblems = 100;

    private readonly List<DeckDiagnostic> _items = [];
    private bool _hasErrors;

    public string File { get; } = file;

    /// <summary>The time the readers of this file may take.</summary>
    public ReadBudget Budget { get; } = budget ?? ReadBudget.Unlimited;

    public IReadOnlyList<DeckDiagnostic> Items => _items;

    /// <summary>Problems found beyond the first <see cref="MaxProblems"/>: counted, not kept.</summary>
    public int Omitted { get; private set; }

    public bool HasErrors => _hasErrors;

    /// <summary>True once <see cref="MaxProblems"/> are kept: a caller may <see cref="Omit"/> rather than compose a message only to count it.</summary>
    public bool IsFull => _items.Count >= MaxProblems;

    /// <summary>Counts a problem found after the bag is full.</summary>
    public void Omit(DiagnosticSeverity severity)
    {
        _hasErrors |= severity == DiagnosticSeverity.Error;
        Omitted++;
    }

    public void Error(SourcePosition at, string? cardId, string message) =>
        Add(new DeckDiagnostic(DiagnosticSeverity.Error, File, at.Line, at.Column, cardId, message));

    public void Warning(SourcePosition at, string? cardId, string message) =>
        Add(new DeckDiagnostic(DiagnosticSeverity.Warning, File, at.Line, at.Column, cardId, message));

    /// <summary>
    /// The problem that stopped the read (a budget passed, time spent): kept even when the bag is
    /// full, because it says why the file was not read to its end.
    /// </summary>
    public void Stopped(SourcePosition at, string? cardId, string message)
    {
        _hasErrors = true;
        _items.Add(new DeckDiagnostic(DiagnosticSeverity.Error, File, at.Line, at.Column, cardId, message));
    }

    public void AddRange(IEnumerable<DeckDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Add(diagnostic);
        }
    }

    private void Add(DeckDiagnostic diagnostic)
    {
        _hasErrors |= diagnostic.IsError;
        if (_items.Count < MaxProblems)
        {
            _items.Add(diagnostic);
        }
        else
        {
            Omitted++;
        }
    }

    /// <summary>In file order, so a reader fixes them top to bottom; a last line counts those left out.</summary>
    public IReadOnlyList<DeckDiagnostic> Sorted()
    {
        var sorted = _items.Select((d, i) => (d, i)).OrderBy(x => x.d.Line).ThenBy(x => x.d.Column).ThenBy(x => x.i).Select(x => x.d).ToList();
        if (Omitted > 0)
        {
            var severity = _hasErrors ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
            sorted.Add(new DeckDiagnostic(severity, File, 0, 0, null,
                $"{Omitted:N0} more problem{(Omitted == 1 ? "" : "s")} not shown: fix the {MaxProblems} above and check the file again."));
        }
        return sorted;
    }
}
