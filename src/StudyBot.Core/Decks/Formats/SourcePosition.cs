namespace StudyBot.Core.Decks.Formats;

/// <summary>Where something was written: 1-based line and column, or <see cref="None"/>.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public static readonly SourcePosition None = new(0, 0);

    public static SourcePosition AtLine(int line) => new(line, 1);
}
