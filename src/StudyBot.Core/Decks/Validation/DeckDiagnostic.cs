namespace StudyBot.Core.Decks.Validation;

public enum DiagnosticSeverity
{
    /// <summary>The deck is still usable; something was left out or may surprise.</summary>
    Warning,
    /// <summary>The deck cannot be used until this is fixed.</summary>
    Error,
}

/// <summary>
/// One problem found in a deck file. Line and column are 1-based; 0 when the source has no
/// positions (an Anki collection). <see cref="CardId"/> is null for deck-level problems.
/// </summary>
public sealed record DeckDiagnostic(
    DiagnosticSeverity Severity,
    string File,
    int Line,
    int Column,
    string? CardId,
    string Message)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The compiler-like form: <c>file:line:column: error [card]: message</c>.</summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        var card = CardId is null ? "" : $" [{CardId}]";
        var severity = IsError ? "error" : "warning";
        return $"{where}: {severity}{card}: {Message}";
    }
}
