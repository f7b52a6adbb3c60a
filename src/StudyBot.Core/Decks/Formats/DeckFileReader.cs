using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Decks.Formats;

/// <summary>
/// Opens a deck file the way a stranger's file must be opened: links are followed to what they
/// name, and only an ordinary, non-empty file within the size limit is opened. A device or a pipe
/// reports no size (a link to /dev/zero would read forever; a FIFO would block the open), so
/// anything without one is refused before it is opened, and reading stops at the limit in any case.
/// </summary>
internal static class DeckFileReader
{
    public static FileStream? Open(string path, long limit, string advice, DiagnosticBag diagnostics)
    {
        var name = Path.GetFileName(path);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                diagnostics.Error(SourcePosition.None, null, $"the file '{path}' does not exist: check the path.");
                return null;
            }
            var target = info.LinkTarget is null ? info : File.ResolveLinkTarget(path, returnFinalTarget: true) as FileInfo;
            if (target is null || !target.Exists)
            {
                diagnostics.Error(SourcePosition.None, null, $"'{name}' is a link to a file that does not exist: give the deck file itself.");
                return null;
            }
            if (target.Length == 0)
            {
                diagnostics.Error(SourcePosition.None, null,
                    $"'{name}' is empty or is not an ordinary file (a device, a pipe or a socket): a deck is an ordinary file holding at least an id, a title and cards.");
                return null;
            }
            if (target.Length > limit)
            {
                diagnostics.Error(SourcePosition.None, null, $"the file is {Megabytes(target.Length)}; the limit is {Megabytes(limit)}: {advice}.");
                return null;
            }
            return new FileStream(target.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            diagnostics.Error(SourcePosition.None, null, $"the file '{path}' cannot be read: {ex.Message}");
            return null;
        }
    }

    /// <summary>The whole file, never more than <paramref name="limit"/> bytes: a file that grows while read is refused too.</summary>
    public static byte[]? Read(string path, long limit, string advice, DiagnosticBag diagnostics)
    {
        using var stream = Open(path, limit, advice, diagnostics);
        if (stream is null)
        {
            return null;
        }
        try
        {
            var buffer = new MemoryStream((int)Math.Min(stream.Length, limit));
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    diagnostics.Error(SourcePosition.None, null, $"the file is larger than {Megabytes(limit)}: {advice}.");
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
            return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
        }
        catch (IOException ex)
        {
            diagnostics.Error(SourcePosition.None, null, $"the file '{path}' cannot be read: {ex.Message}");
            return null;
        }
    }

    public static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0.#} MB";
}
