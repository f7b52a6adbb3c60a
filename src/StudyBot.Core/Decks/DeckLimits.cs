namespace StudyBot.Core.Decks;

/// <summary>
/// How much a deck file may hold. The defaults are the product's limits; tests pass smaller ones
/// to reach each rejection path with small inputs.
/// </summary>
public sealed record DeckLimits
{
    public static DeckLimits Default { get; } = new();

    /// <summary>A YAML, JSON, CSV, TSV or text deck file.</summary>
    public long MaxFileBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>Cards after cloze notes and reversed pairs are expanded.</summary>
    public int MaxCards { get; init; } = 10_000;

    /// <summary>An .apkg file as uploaded (media included; media files are never unpacked).</summary>
    public long MaxArchiveBytes { get; init; } = 100 * 1024 * 1024;

    /// <summary>Entries in an archive, media files included.</summary>
    public int MaxArchiveEntries { get; init; } = 5_000;

    /// <summary>The unpacked size of all entries together, as declared and as actually read.</summary>
    public long MaxUnpackedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Unpacked size over packed size, for one entry: beyond it the archive is a zip bomb.</summary>
    public double MaxCompressionRatio { get; init; } = 100;

    /// <summary>Entries smaller than this are not held to the ratio: tiny files compress wildly and harm nobody.</summary>
    public long RatioCheckMinBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// How long reading and validating one deck may take: ten times what a 10,000-card package
    /// needs, and short enough that a hostile file never holds an upload (or a shutdown) for long.
    /// </summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(4);
}
