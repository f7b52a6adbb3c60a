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

    /// <summary>Fields of one Anki note type, and fields of one Anki note: real note types have a few dozen at most.</summary>
    public int MaxFieldsPerNoteType { get; init; } = 256;

    /// <summary>Card templates of one Anki note type (each may make a card of every note).</summary>
    public int MaxTemplatesPerNoteType { get; init; } = 256;

    /// <summary>
    /// The characters of the note types and the deck list an Anki collection keeps as JSON: a
    /// collection of a hundred note types with their styling holds a few hundred thousand.
    /// </summary>
    public int MaxCollectionJsonCharacters { get; init; } = 8 * 1024 * 1024;

    /// <summary>All fields of one note (one row of a CSV): far beyond what a card shows (4,096), far below what strains memory.</summary>
    public int MaxNoteCharacters { get; init; } = 64 * 1024;

    /// <summary>
    /// The characters of all notes of one file together, as read and again as the cards made of
    /// them: 2,000 a card for the largest deck. This bounds a file's memory, whatever its size.
    /// </summary>
    public long MaxTotalCharacters { get; init; } = 20_000_000;

    /// <summary>Columns of one CSV/TSV row: the fields of the largest note type and Anki's four extra columns, with room to spare.</summary>
    public int MaxColumnsPerRow { get; init; } = 300;

    /// <summary>Rows of a CSV/TSV/Quizlet file, notes of an Anki collection: each makes at least one card.</summary>
    public int MaxRows => MaxCards + 1;

    /// <summary>Tags a CSV/TSV header gives every note ('#tags:').</summary>
    public int MaxTagsPerNote { get; init; } = 100;

    /// <summary>Nodes (values, keys, list items, aliases) of a YAML or JSON deck: 10,000 cards of a dozen fields need about 300,000.</summary>
    public int MaxYamlNodes { get; init; } = 500_000;

    /// <summary>HTML tags in one field of an Anki note or CSV row.</summary>
    public int MaxHtmlTagsPerField { get; init; } = 10_000;

    /// <summary>
    /// How long reading and validating one deck may take: ten times what a 10,000-card package
    /// needs, and short enough that a hostile file never holds an upload (or a shutdown) for long.
    /// Counted in the processor time the read spends, so a busy machine does not refuse a valid
    /// deck; the wall clock alone stops a read at <see cref="Validation.ReadBudget.WallClockBackstopFactor"/> times this.
    /// </summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>One card image (PNG, JPEG, GIF or WebP), as stored and sent with each card that shows it.</summary>
    public long MaxImageBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>Distinct images of one deck: each is stored with the deck.</summary>
    public int MaxImages { get; init; } = 50;

    /// <summary>All images of one deck together: bounds what a deck keeps in the database.</summary>
    public long MaxImageTotalBytes { get; init; } = 25L * 1024 * 1024;

    /// <summary>Width and height of an image, read from its header: a card shows it at most a few hundred pixels wide.</summary>
    public int MaxImageSide { get; init; } = 4096;
}
