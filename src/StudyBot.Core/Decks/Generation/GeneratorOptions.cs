namespace StudyBot.Core.Decks.Generation;

/// <summary>How the essay-to-cards generator names its deck and how much it makes.</summary>
public sealed record GeneratorOptions
{
    public string DeckId { get; init; } = "generated";
    public string? Title { get; init; }
    public string? Source { get; init; }

    /// <summary>An instructor edits every card; a few hundred is already a long review.</summary>
    public int MaxCards { get; init; } = 300;

    /// <summary>Sentences longer than this make poor prompts.</summary>
    public int MaxSentenceLength { get; init; } = 400;

    public int MinSentenceWords { get; init; } = 6;

    /// <summary>Wrong choices per mcq card (the card then has this plus one choices, at most 5).</summary>
    public int Distractors { get; init; } = 3;
}
