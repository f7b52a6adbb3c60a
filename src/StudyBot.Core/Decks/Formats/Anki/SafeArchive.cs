using System.IO.Compression;
using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Decks.Formats.Anki;

/// <summary>
/// A zip archive opened with the limits a stranger's upload needs: at most so many entries, so
/// many unpacked bytes (as declared and as actually read), no entry unpacking far beyond its
/// packed size, and entries whose path leaves the archive ignored. Nothing is ever extracted
/// under an entry's own name.
/// </summary>
internal sealed class SafeArchive : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly DeckLimits _limits;
    private long _unpacked;

    private SafeArchive(ZipArchive zip, DeckLimits limits)
    {
        _zip = zip;
        _limits = limits;
    }

    public static SafeArchive? Open(Stream stream, DiagnosticBag diagnostics, DeckLimits limits)
    {
        if (CentralDirectory.DeclaredEntries(stream) is { } declared && declared > limits.MaxArchiveEntries)
        {
            diagnostics.Error(SourcePosition.None, null,
                $"the archive declares {declared:N0} entries; the limit is {limits.MaxArchiveEntries:N0}: export the deck without media.");
            return null;
        }
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            diagnostics.Error(SourcePosition.None, null, "the file is not a zip archive, so not an Anki package: export it again from Anki (File > Export, 'Anki Deck Package').");
            return null;
        }
        var archive = new SafeArchive(zip, limits);
        if (!archive.CheckLimits(diagnostics))
        {
            archive.Dispose();
            return null;
        }
        return archive;
    }

    private bool CheckLimits(DiagnosticBag diagnostics)
    {
        var entries = _zip.Entries;
        if (entries.Count > _limits.MaxArchiveEntries)
        {
            diagnostics.Error(SourcePosition.None, null,
                $"the archive holds {entries.Count:N0} entries; the limit is {_limits.MaxArchiveEntries:N0}: export the deck without media.");
            return false;
        }
        var ok = true;
        long declared = 0;
        foreach (var entry in entries)
        {
            declared += entry.Length;
            if (entry.Length >= _limits.RatioCheckMinBytes)
            {
                var ratio = (double)entry.Length / Math.Max(1, entry.CompressedLength);
                if (ratio > _limits.MaxCompressionRatio)
                {
                    diagnostics.Error(SourcePosition.None, null,
                        $"the entry '{entry.FullName}' unpacks to {entry.Length:N0} bytes from {entry.CompressedLength:N0} (ratio {ratio:N0}:1, limit {_limits.MaxCompressionRatio:N0}:1): this looks like a zip bomb, so the archive is refused.");
                    ok = false;
                }
            }
        }
        if (declared > _limits.MaxUnpackedBytes)
        {
            diagnostics.Error(SourcePosition.None, null,
                $"the archive unpacks to {declared:N0} bytes; the limit is {_limits.MaxUnpackedBytes:N0}: export the deck without media.");
            ok = false;
        }
        foreach (var entry in entries.Where(e => LeavesArchive(e.FullName)))
        {
            diagnostics.Warning(SourcePosition.None, null, $"the entry '{entry.FullName}' points outside the archive; it is ignored.");
        }
        return ok;
    }

    /// <summary>An entry by its exact name; entries whose path leaves the archive never match.</summary>
    public ZipArchiveEntry? Find(string name) =>
        _zip.Entries.FirstOrDefault(e => e.FullName == name && !LeavesArchive(e.FullName));

    /// <summary>
    /// Copies an entry to <paramref name="target"/>, counting what is actually unpacked: a header
    /// may lie about the size, the count does not.
    /// </summary>
    public bool TryCopy(ZipArchiveEntry entry, Stream target, DiagnosticBag diagnostics)
    {
        try
        {
            using var source = entry.Open();
            var buffer = new byte[81920];
            long copied = 0;
            int read;
            while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
            {
                copied += read;
                _unpacked += read;
                if (copied > entry.Length || _unpacked > _limits.MaxUnpackedBytes)
                {
                    diagnostics.Error(SourcePosition.None, null,
                        $"the entry '{entry.FullName}' unpacks to more than it declares ({entry.Length:N0} bytes) or past the {_limits.MaxUnpackedBytes:N0}-byte limit: the archive is refused.");
                    return false;
                }
                target.Write(buffer, 0, read);
            }
            return true;
        }
        catch (InvalidDataException ex)
        {
            diagnostics.Error(SourcePosition.None, null, $"the entry '{entry.FullName}' is damaged ({ex.Message}): export the deck again.");
            return false;
        }
    }

    /// <summary>Absolute paths, drive letters and '..' segments: a path that would land outside a folder it was unpacked in.</summary>
    public static bool LeavesArchive(string name)
    {
        var path = name.Replace('\\', '/');
        return path.StartsWith('/') || (path.Length > 1 && path[1] == ':') || path.Split('/').Any(segment => segment == "..");
    }

    public void Dispose() => _zip.Dispose();
}
