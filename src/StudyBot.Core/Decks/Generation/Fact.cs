namespace StudyBot.Core.Decks.Generation;

/// <summary>The kinds of fact a sentence can carry; distractors are always of the same kind.</summary>
public enum FactKind
{
    Number,
    Year,
    Person,
    Place,
    Cause,
}

/// <summary>A span of a sentence that carries a fact: the words a card hides or asks for.</summary>
public sealed record Fact(FactKind Kind, string Text, int Start)
{
    public int End => Start + Text.Length;
}
