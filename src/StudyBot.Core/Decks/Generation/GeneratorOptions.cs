namespace StudyBot.Core.Decks.Generation;

/// <summary>How the reading-to-deck generator names its deck and how much it makes.</summary>
public sealed record GeneratorOptions
{
    public string DeckId { get; init; } = "generated";
    public string? Title { get; init; }
    public string? Source { get; init; }

    /// <summary>The title when the text has no short heading (the CLI passes the file's name).</summary>
    public string? FallbackTitle { get; init; }

    /// <summary>How many cards to draft at most; null drafts about one card per <see cref="WordsPerCard"/> words of the sentences read, at most <see cref="MaxCards"/>.</summary>
    public int? Cards { get; init; }

    /// <summary>The cap when <see cref="Cards"/> is not given: a long text drafts this many of its best cards and says how many it left out.</summary>
    public int MaxCards { get; init; } = 150;

    public int WordsPerCard { get; init; } = 50;

    /// <summary>Sentences longer than this many words make poor prompts.</summary>
    public int MaxSentenceWords { get; init; } = 60;

    public int MinSentenceWords { get; init; } = 6;

    /// <summary>The other names of places and actors (the table answer checking uses).</summary>
    public INameAliases Aliases { get; init; } = BuiltInNameAliases.Instance;
}
