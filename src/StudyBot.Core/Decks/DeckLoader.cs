using System.Text;
using StudyBot.Core.Decks.Formats;
using StudyBot.Core.Decks.Formats.Anki;
using StudyBot.Core.Decks.Formats.Text;
using StudyBot.Core.Decks.Formats.Yaml;
using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Decks;

/// <summary>
/// Reads a deck from a file or from text in any supported format, enforcing the size limits,
/// and validates it. Never throws for bad input: every problem is a diagnostic.
/// </summary>
public sealed class DeckLoader(DeckLimits? limits = null)
{
    private readonly DeckLimits _limits = limits ?? DeckLimits.Default;

    public DeckLoadResult LoadFile(string path, DeckReadOptions? options = null, IProgress<double>? progress = null)
    {
        options ??= new DeckReadOptions();
        var name = Path.GetFileName(path);
        var diagnostics = new DiagnosticBag(path);
        var format = options.Format == DeckFormat.Auto ? FormatOf(path) : options.Format;
        if (format is null)
        {
            diagnostics.Error(SourcePosition.None, null,
                $"'{name}' has an extension StudyBot does not read: use .yaml, .yml, .json, .csv, .tsv, .txt or .apkg, or name the format.");
            return DeckLoadResult.Failed(diagnostics.Items);
        }
        FileInfo info;
        try
        {
            info = new FileInfo(path);
            if (!info.Exists)
            {
                diagnostics.Error(SourcePosition.None, null, $"the file '{path}' does not exist: check the path.");
                return DeckLoadResult.Failed(diagnostics.Items);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            diagnostics.Error(SourcePosition.None, null, $"the file '{path}' cannot be read: {ex.Message}");
            return DeckLoadResult.Failed(diagnostics.Items);
        }
        options = options with { DeckId = options.DeckId ?? CardIds.Slug(Path.GetFileNameWithoutExtension(path), CardIds.MaxLength) };

        if (format == DeckFormat.Apkg)
        {
            if (info.Length > _limits.MaxArchiveBytes)
            {
                diagnostics.Error(SourcePosition.None, null, $"the package is {Megabytes(info.Length)}; the limit is {Megabytes(_limits.MaxArchiveBytes)}: export the deck without media.");
                return DeckLoadResult.Failed(diagnostics.Items);
            }
            try
            {
                using var stream = File.OpenRead(path);
                return LoadApkg(stream, diagnostics, options, progress);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(SourcePosition.None, null, $"the file '{path}' cannot be read: {ex.Message}");
                return DeckLoadResult.Failed(diagnostics.Items);
            }
        }
        if (info.Length > _limits.MaxFileBytes)
        {
            diagnostics.Error(SourcePosition.None, null, $"the file is {Megabytes(info.Length)}; the limit is {Megabytes(_limits.MaxFileBytes)}: split the deck into several files.");
            return DeckLoadResult.Failed(diagnostics.Items);
        }
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(SourcePosition.None, null, $"the file '{path}' cannot be read: {ex.Message}");
            return DeckLoadResult.Failed(diagnostics.Items);
        }
        return Read(text, diagnostics, format.Value, options);
    }

    /// <summary>Reads deck text (YAML, JSON, CSV/TSV, Quizlet) that arrived without a file, e.g. an upload.</summary>
    public DeckLoadResult LoadText(string text, string fileName, DeckReadOptions? options = null)
    {
        options ??= new DeckReadOptions();
        var diagnostics = new DiagnosticBag(fileName);
        var format = options.Format == DeckFormat.Auto ? FormatOf(fileName) ?? DeckFormat.Yaml : options.Format;
        if (Encoding.UTF8.GetByteCount(text) > _limits.MaxFileBytes)
        {
            diagnostics.Error(SourcePosition.None, null, $"the file is larger than {Megabytes(_limits.MaxFileBytes)}: split the deck into several files.");
            return DeckLoadResult.Failed(diagnostics.Items);
        }
        options = options with { DeckId = options.DeckId ?? CardIds.Slug(Path.GetFileNameWithoutExtension(fileName), CardIds.MaxLength) };
        return Read(text, diagnostics, format, options);
    }

    /// <summary>Reads an Anki package that arrived as a stream, e.g. an upload.</summary>
    public DeckLoadResult LoadApkg(Stream stream, string fileName, DeckReadOptions? options = null, IProgress<double>? progress = null)
    {
        options ??= new DeckReadOptions();
        options = options with { DeckId = options.DeckId ?? CardIds.Slug(Path.GetFileNameWithoutExtension(fileName), CardIds.MaxLength) };
        return LoadApkg(stream, new DiagnosticBag(fileName), options, progress);
    }

    private DeckLoadResult LoadApkg(Stream stream, DiagnosticBag diagnostics, DeckReadOptions options, IProgress<double>? progress)
    {
        var draft = ApkgReader.Read(stream, diagnostics, options, _limits, progress);
        return Finish(draft, diagnostics);
    }

    private DeckLoadResult Read(string text, DiagnosticBag diagnostics, DeckFormat format, DeckReadOptions options)
    {
        // A BOM is not part of the text; editors on Windows often add one.
        text = text.TrimStart('\uFEFF');
        var draft = format switch
        {
            DeckFormat.Yaml => YamlDeckReader.Read(text, diagnostics),
            DeckFormat.AnkiText => AnkiTextReader.Read(text, diagnostics, options),
            DeckFormat.Quizlet => QuizletReader.Read(text, diagnostics, options),
            _ => null,
        };
        return Finish(draft, diagnostics);
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

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0.#} MB";
}
