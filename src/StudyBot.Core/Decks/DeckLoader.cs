using System.Text;
using StudyBot.Core.Decks.Formats;
using StudyBot.Core.Decks.Formats.Anki;
using StudyBot.Core.Decks.Formats.Text;
using StudyBot.Core.Decks.Formats.Yaml;
using StudyBot.Core.Decks.Images;
using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Decks;

/// <summary>
/// Reads a deck from a file or from text in any supported format, enforcing the size limits,
/// and validates it. Never throws for bad input: every problem is a diagnostic.
/// </summary>
public sealed class DeckLoader(DeckLimits? limits = null)
{
    private readonly DeckLimits _limits = limits ?? DeckLimits.Default;

    public DeckLoadResult LoadFile(string path, DeckReadOptions? options = null, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new DeckReadOptions();
        var name = Path.GetFileName(path);
        var diagnostics = NewBag(path, cancellationToken);
        var format = options.Format == DeckFormat.Auto ? FormatOf(path) : options.Format;
        if (format is null)
        {
            diagnostics.Error(SourcePosition.None, null,
                $"'{name}' has an extension StudyBot does not read: use .yaml, .yml, .json, .csv, .tsv, .txt or .apkg, or name the format.");
            return DeckLoadResult.Failed(diagnostics.Sorted());
        }
        options = options with { DeckId = options.DeckId ?? CardIds.Slug(Path.GetFileNameWithoutExtension(path), CardIds.MaxLength) };
        if (format == DeckFormat.Apkg)
        {
            using var stream = DeckFileReader.Open(path, _limits.MaxArchiveBytes, "export the deck without media", diagnostics);
            return stream is null
                ? DeckLoadResult.Failed(diagnostics.Sorted())
                : Guarded(diagnostics, () => ApkgReader.Read(stream, diagnostics, options, _limits, progress));
        }
        options = options with { Images = options.Images ?? new FolderImages(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".") };
        var bytes = DeckFileReader.Read(path, _limits.MaxFileBytes, "split the deck into several files", diagnostics);
        return bytes is null ? DeckLoadResult.Failed(diagnostics.Sorted()) : Decoded(bytes, diagnostics, format.Value, options);
    }

    /// <summary>Reads a deck that arrived as bytes, e.g. an upload: the format comes from the file name.</summary>
    public DeckLoadResult LoadBytes(byte[] content, string fileName, DeckReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DeckReadOptions();
        var format = options.Format == DeckFormat.Auto ? FormatOf(fileName) ?? DeckFormat.Yaml : options.Format;
        if (format == DeckFormat.Apkg)
        {
            using var stream = new MemoryStream(content, writable: false);
            return LoadApkg(stream, fileName, options, cancellationToken: cancellationToken);
        }
        var diagnostics = NewBag(fileName, cancellationToken);
        if (content.LongLength > _limits.MaxFileBytes)
        {
            diagnostics.Error(SourcePosition.None, null, $"the file is {Megabytes(content.LongLength)}; the limit is {Megabytes(_limits.MaxFileBytes)}: split the deck into several files.");
            return DeckLoadResult.Failed(diagnostics.Sorted());
        }
        options = options with { DeckId = options.DeckId ?? CardIds.Slug(Path.GetFileNameWithoutExtension(fileName), CardIds.MaxLength) };
        return Decoded(content, diagnostics, format, options);
    }

    /// <summary>Reads deck text (YAML, JSON, CSV/TSV, Quizlet) that arrived without a file.</summary>
    public DeckLoadResult LoadText(string text, string fileName, DeckReadOptions? options = null)
    {
        options ??= new DeckReadOptions();
        var diagnostics = NewBag(fileName, default);
        var format = options.Format == DeckFormat.Auto ? FormatOf(fileName) ?? DeckFormat.Yaml : options.Format;
        if (Encoding.UTF8.GetByteCount(text) > _limits.MaxFileBytes)
        {
            diagnostics.Error(SourcePosition.None, null, $"the file is larger than {Megabytes(_limits.MaxFileBytes)}: split the deck into several files.");
            return DeckLoadResult.Failed(diagnostics.Sorted());
        }
        options = options with { DeckId = options.DeckId ?? CardIds.Slug(Path.GetFileNameWithoutExtension(fileName), CardIds.MaxLength) };
        TextDecoder.ReportSeparators(text, diagnostics);
        return Read(text.TrimStart('\uFEFF'), diagnostics, format, options);
    }

    /// <summary>Reads an Anki package that arrived as a stream, e.g. an upload.</summary>
    public DeckLoadResult LoadApkg(Stream stream, string fileName, DeckReadOptions? options = null, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new DeckReadOptions();
        options = options with { DeckId = options.DeckId ?? CardIds.Slug(Path.GetFileNameWithoutExtension(fileName), CardIds.MaxLength) };
        var diagnostics = NewBag(fileName, cancellationToken);
        return Guarded(diagnostics, () => ApkgReader.Read(stream, diagnostics, options, _limits, progress));
    }

    private DiagnosticBag NewBag(string file, CancellationToken cancellationToken) =>
        new(file, new ReadBudget(_limits, cancellationToken));

    private DeckLoadResult Decoded(byte[] bytes, DiagnosticBag diagnostics, DeckFormat format, DeckReadOptions options)
    {
        var text = TextDecoder.Decode(bytes, diagnostics);
        return text is null ? DeckLoadResult.Failed(diagnostics.Sorted()) : Read(text, diagnostics, format, options);
    }

    private DeckLoadResult Read(string text, DiagnosticBag diagnostics, DeckFormat format, DeckReadOptions options) =>
        Guarded(diagnostics, () => format switch
        {
            DeckFormat.Yaml => WithImages(YamlDeckReader.Read(text, diagnostics), diagnostics, options),
            DeckFormat.AnkiText => AnkiTextReader.Read(text, diagnostics, options),
            DeckFormat.Quizlet => QuizletReader.Read(text, diagnostics, options),
            _ => null,
        });

    /// <summary>Reads and validates within the budget of time and work: past it, one problem says where reading stopped and why.</summary>
    private DeckLoadResult Guarded(DiagnosticBag diagnostics, Func<DeckDraft?> read)
    {
        try
        {
            return Finish(read(), diagnostics);
        }
        catch (DeckReadCancelledException ex)
        {
            diagnostics.Stopped(ex.At, null, ex.Cancelled
                ? "reading the deck was stopped before it finished (the bot is shutting down): upload it again."
                : $"reading the deck took longer than {diagnostics.Budget.Limit.TotalSeconds:0.#} s{(ex.At.Line > 0 ? $" (stopped at line {ex.At.Line})" : "")}, so it was stopped: split the deck into smaller files, or export it again.");
            return DeckLoadResult.Failed(diagnostics.Sorted());
        }
        catch (DeckTooLargeException ex)
        {
            diagnostics.Stopped(ex.At, ex.CardId, ex.Message);
            return DeckLoadResult.Failed(diagnostics.Sorted());
        }
    }

    private DeckDraft? WithImages(DeckDraft? draft, DiagnosticBag diagnostics, DeckReadOptions options)
    {
        if (draft is not null)
        {
            ImageRules.Resolve(draft, options.Images, diagnostics, _limits);
        }
        return draft;
    }

    private DeckLoadResult Finish(DeckDraft? draft, DiagnosticBag diagnostics) =>
        draft is null ? DeckLoadResult.Failed(diagnostics.Sorted()) : DeckValidator.Validate(draft, diagnostics, _limits);

    public static DeckFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".yaml" or ".yml" or ".json" => DeckFormat.Yaml,
        ".csv" or ".tsv" or ".txt" => DeckFormat.AnkiText,
        ".apkg" => DeckFormat.Apkg,
        _ => null,
    };

    private static string Megabytes(long bytes) => DeckFileReader.Megabytes(bytes);
}
