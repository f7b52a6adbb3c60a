using System.Text;

namespace StudyBot.Core.Decks.Images;

/// <summary>
/// An image a deck's cards show, as checked on upload: <see cref="Name"/> is how the cards refer to it
/// (a path relative to the deck's folder, an attachment's name, a media name in an Anki package).
/// </summary>
public sealed record DeckImage(string Name, ImageFormat Format, int Width, int Height, byte[] Content)
{
    public string ContentType => ImageHeader.ContentType(Format);

    /// <summary>The name it is sent under (attachment://name): Discord's safe characters, the extension of what the bytes are.</summary>
    public string FileName => AttachmentName(Name, Format);

    public static string AttachmentName(string name, ImageFormat format)
    {
        var stem = Path.GetFileNameWithoutExtension(name.Replace('\\', '/').Split('/')[^1]);
        var safe = new StringBuilder(stem.Length);
        foreach (var c in stem)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }
        var text = safe.ToString().Trim('_');
        return (text.Length == 0 ? "image" : text.Length > 80 ? text[..80] : text) + ImageHeader.Extension(format);
    }
}

/// <summary>What looking an image up found: its bytes, or its size when it is over the limit, or nothing (missing).</summary>
public readonly record struct ImageFetch(byte[]? Content, long? TooLargeBytes)
{
    public static ImageFetch Missing => default;

    public static ImageFetch Found(byte[] content) => new(content, null);

    public static ImageFetch TooLarge(long bytes) => new(null, bytes);
}

/// <summary>Where a deck's images come from: the deck's folder, the attachments uploaded with it, an Anki package's media.</summary>
public abstract class ImageSource
{
    /// <summary>The image named <paramref name="name"/>, read no further than <paramref name="maxBytes"/>.</summary>
    public abstract ImageFetch Fetch(string name, long maxBytes);

    /// <summary>What to do when an image is not there, ending a sentence ("... : put it in the deck's folder").</summary>
    public abstract string MissingAdvice { get; }

    /// <summary>Whether a card's image that cannot be used stops the upload (a deck file) or is left out with a warning (an import).</summary>
    public virtual bool Strict => true;
}

/// <summary>Images beside a deck file: names are paths relative to its folder, which they may not leave.</summary>
public sealed class FolderImages(string folder) : ImageSource
{
    private readonly string _root = Path.GetFullPath(folder);

    public override string MissingAdvice => "put the image in the deck file's folder (or a folder under it) and give its path from there";

    public override ImageFetch Fetch(string name, long maxBytes)
    {
        var path = Path.GetFullPath(Path.Combine(_root, name));
        var relative = Path.GetRelativePath(_root, path);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return ImageFetch.Missing;
        }
        try
        {
            var info = new FileInfo(path);
            var target = info.Exists && info.LinkTarget is not null ? File.ResolveLinkTarget(path, returnFinalTarget: true) as FileInfo : info;
            // Devices and pipes report no length: only an ordinary file with bytes is read.
            if (target is null || !target.Exists || target.Length == 0)
            {
                return ImageFetch.Missing;
            }
            if (target.Length > maxBytes)
            {
                return ImageFetch.TooLarge(target.Length);
            }
            using var stream = new FileStream(target.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var buffer = new byte[target.Length];
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            return read == buffer.Length && stream.ReadByte() < 0 ? ImageFetch.Found(buffer) : ImageFetch.TooLarge(Math.Max(read, maxBytes + 1));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return ImageFetch.Missing;
        }
    }
}

/// <summary>
/// Images uploaded together with a deck (the image options of /deck upload), by file name. Discord
/// replaces spaces in uploaded names with underscores, so a card's <c>image: my map.png</c> finds <c>my_map.png</c>.
/// </summary>
public sealed class AttachedImages(IReadOnlyDictionary<string, ImageFetch> files) : ImageSource
{
    public static AttachedImages None { get; } = new(new Dictionary<string, ImageFetch>());

    public override string MissingAdvice => files.Count == 0
        ? "attach the image to one of /deck upload's image options together with the deck file"
        : $"attach it to one of /deck upload's image options together with the deck file (attached: {string.Join(", ", files.Keys.Order(StringComparer.Ordinal))})";

    public override ImageFetch Fetch(string name, long maxBytes)
    {
        var file = name.Replace('\\', '/').Split('/')[^1];
        foreach (var candidate in new[] { name, file, file.Replace(' ', '_') })
        {
            if (files.TryGetValue(candidate, out var found))
            {
                return found.Content is { } bytes && bytes.LongLength > maxBytes ? ImageFetch.TooLarge(bytes.LongLength) : found;
            }
        }
        return ImageFetch.Missing;
    }
}
