using System.Text.Json;
using StudyBot.Core.Decks.Images;
using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Decks.Formats.Anki;

/// <summary>
/// An Anki package's media, as its cards refer to them: the entry <c>media</c> maps the numbered
/// entries ("0", "1", ...) to the names the fields use (<c>&lt;img src="map.png"&gt;</c>). An image
/// that cannot be used is left out of its card with a warning; the rest of the deck is imported.
/// </summary>
internal sealed class ArchiveImages : ImageSource
{
    // The map of a package at the entry limit is a few hundred KB.
    private const long MaxMapBytes = 4 * 1024 * 1024;

    private readonly SafeArchive _archive;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, string> _entryOf;

    private ArchiveImages(SafeArchive archive, DiagnosticBag diagnostics, Dictionary<string, string> entryOf)
    {
        _archive = archive;
        _diagnostics = diagnostics;
        _entryOf = entryOf;
    }

    public override string MissingAdvice => "the package does not hold it; in Anki, run Tools > Check Media, then export with 'Include media' checked";

    public override bool Strict => false;

    public static ArchiveImages Open(SafeArchive archive, DiagnosticBag diagnostics)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (archive.Find("media") is { } entry && entry.Length is > 0 and <= MaxMapBytes)
        {
            using var buffer = new MemoryStream();
            if (archive.TryCopy(entry, buffer, diagnostics))
            {
                try
                {
                    using var json = JsonDocument.Parse(buffer.ToArray());
                    if (json.RootElement.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var item in json.RootElement.EnumerateObject())
                        {
                            if (item.Value.ValueKind == JsonValueKind.String && item.Value.GetString() is { Length: > 0 } name)
                            {
                                map.TryAdd(name, item.Name);
                            }
                        }
                    }
                }
                catch (JsonException)
                {
                    // Newer packages keep the map in another encoding; their images are reported missing, one by one.
                }
            }
        }
        return new ArchiveImages(archive, diagnostics, map);
    }

    public override ImageFetch Fetch(string name, long maxBytes)
    {
        if (!_entryOf.TryGetValue(name, out var number) || _archive.Find(number) is not { } entry)
        {
            return ImageFetch.Missing;
        }
        if (entry.Length > maxBytes)
        {
            return ImageFetch.TooLarge(entry.Length);
        }
        using var buffer = new MemoryStream((int)entry.Length);
        return _archive.TryCopy(entry, buffer, _diagnostics) ? ImageFetch.Found(buffer.ToArray()) : ImageFetch.Missing;
    }
}
