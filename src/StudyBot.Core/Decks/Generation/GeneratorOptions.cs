namespace StudyBot.Core.Decks.Generation;

/// <summary>How the reading-to-deck generator names its deck and how much it makes.</summary>
public sealed record GeneratorOptions
{
    public string DeckId { get; init; } = "generated";
    public string? Title { get; init; }
    public string? Source { get; init; }

    /// <summary>How many cards to draft; null drafts about one card per <see cref="WordsPerCard"/> words.</summary>
    public int? Cards { get; init; }

    public int WordsPerCard { get; init; } = 40;

    /// <summary>Sentences longer than this many words make poor prompts.</summary>
    public int MaxSentenceWords { get; init; } = 60;

    public int MinSentenceWords { get; init; } = 6;

    /// <summary>The other names of places and actors (the table answer checking uses).</summary>
    public INameAliases Aliases { get; init; } = BuiltInNameAliases.Instance;
}
