using StudyBot.Core.Decks.Formats;
using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Decks.Images;

/// <summary>
/// Finds and checks the images a deck's cards name: a relative name with a PNG, JPEG, GIF or WebP
/// extension; bytes that are one of those formats by their magic bytes (whatever the name says);
/// within the size of one image, the number of images and their total size for a deck; dimensions
/// read from the header alone. Each problem names the card, its line and what to change. A deck
/// file's problems are errors; an import's (an Anki package's media) leave the image out with a warning.
/// </summary>
public static class ImageRules
{
    public const int MaxNameLength = 200;

    public static void Resolve(DeckDraft draft, ImageSource? source, DiagnosticBag diagnostics, DeckLimits limits)
    {
        var strict = source?.Strict ?? true;
        long total = 0;
        var refused = new HashSet<string>(StringComparer.Ordinal);
        foreach (var note in draft.Notes)
        {
            if (note.Image is not { } name)
            {
                continue;
            }
            diagnostics.Budget.Check(note.At);
            if (draft.Images.ContainsKey(name))
            {
                continue;
            }
            var at = note.PositionOf("image");
            void Problem(string message)
            {
                if (strict)
                {
                    diagnostics.Error(at, note.Id, message);
                }
                else
                {
                    diagnostics.Warning(at, note.Id, message + " The card is imported without it.");
                    note.Image = null;
                }
            }
            if (refused.Contains(name))
            {
                // Said once, at the first card naming it.
                if (!strict)
                {
                    note.Image = null;
                }
                continue;
            }
            if (NameProblem(name) is { } bad)
            {
                refused.Add(name);
                Problem(bad);
                continue;
            }
            if (draft.Images.Count >= limits.MaxImages)
            {
                refused.Add(name);
                Problem($"the image '{name}' would be image number {draft.Images.Count + 1} of the deck; a deck may show at most {limits.MaxImages} images: reuse an image, or split the deck.");
                continue;
            }
            var fetched = source?.Fetch(name, limits.MaxImageBytes) ?? ImageFetch.Missing;
            if (fetched.TooLargeBytes is { } size)
            {
                refused.Add(name);
                Problem($"the image '{name}' is {Size(size)}; the limit is {Size(limits.MaxImageBytes)} an image: resize it (at most {limits.MaxImageSide} px a side is plenty) or save it as JPEG or WebP.");
                continue;
            }
            if (fetched.Content is not { } content)
            {
                refused.Add(name);
                Problem(source is null
                    ? $"the image '{name}' cannot be found: this deck was read without its images; upload the image together with the deck."
                    : $"the image '{name}' cannot be found: {source.MissingAdvice}.");
                continue;
            }
            if (ImageHeader.Read(content) is not { } info)
            {
                refused.Add(name);
                Problem(ImageHeader.Sniff(content) is { } format
                    ? $"the image '{name}' starts as a {format.ToString().ToUpperInvariant()} file but its header is damaged or cut short: save it again from an image editor."
                    : $"the file '{name}' is {ImageHeader.Describe(content)} by its first bytes, not a PNG, JPEG, GIF or WebP image: convert it to PNG or JPEG.");
                continue;
            }
            if (info.Width > limits.MaxImageSide || info.Height > limits.MaxImageSide)
            {
                refused.Add(name);
                Problem($"the image '{name}' is {info.Width} × {info.Height} px; the limit is {limits.MaxImageSide} px a side: scale it down.");
                continue;
            }
            if (total + content.LongLength > limits.MaxImageTotalBytes)
            {
                refused.Add(name);
                Problem($"with the image '{name}' ({Size(content.LongLength)}) the deck's images would take more than {Size(limits.MaxImageTotalBytes)} together: make the images smaller (JPEG or WebP), or split the deck.");
                continue;
            }
            if (ImageHeader.FromExtension(name) is { } claimed && claimed != info.Format)
            {
                diagnostics.Warning(at, note.Id,
                    $"'{name}' is a {info.Format.ToString().ToUpperInvariant()} image by its bytes, though its name says {claimed.ToString().ToUpperInvariant()}; it is shown as {DeckImage.AttachmentName(name, info.Format)}. Rename the file to match.");
            }
            total += content.LongLength;
            draft.Images[name] = new DeckImage(name, info.Format, info.Width, info.Height, content);
        }
    }

    /// <summary>Why a card's image name cannot be used, or null when it can.</summary>
    public static string? NameProblem(string name)
    {
        if (name.Length == 0)
        {
            return "`image` is empty: give the image's file name, e.g. `image: map.png`, or remove the field.";
        }
        if (name.Length > MaxNameLength)
        {
            return $"the image name is {name.Length} characters long; the limit is {MaxNameLength}: rename the file.";
        }
        if (name.Contains("://", StringComparison.Ordinal))
        {
            return $"'{name}' is a web address; `image` takes a file uploaded with the deck: download the image and give its file name.";
        }
        var path = name.Replace('\\', '/');
        if (path.StartsWith('/') || (path.Length > 1 && path[1] == ':') || path.Split('/').Any(s => s is ".." or ""))
        {
            return $"the image path '{name}' leaves the deck's folder or is absolute: give a path inside the deck's folder, e.g. `images/map.png`.";
        }
        if (name.Any(char.IsControl))
        {
            return "the image name holds a control character: rename the file.";
        }
        if (ImageHeader.FromExtension(name) is null)
        {
            var extension = Path.GetExtension(name);
            return $"'{name}' is not a PNG, JPEG, GIF or WebP file{(extension.Length > 0 ? $" (its extension is {extension})" : " (it has no extension)")}: convert it to PNG or JPEG.";
        }
        return null;
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024.0 / 1024.0:0.#} MB" : $"{Math.Max(1, bytes / 1024):N0} KB";
}
