using StudyBot.Core.Decks.Formats.Html;
using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Decks.Formats;

/// <summary>
/// What every importer shares: turning a field's HTML into Discord markdown while reporting the
/// media it leaves out, and giving notes ids that stay the same on every import of the same file.
/// </summary>
internal sealed class ImportContext(DiagnosticBag diagnostics)
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    // The next suffix to try per id: counting up from 2 each time made thousands of equal fronts quadratic.
    private readonly Dictionary<string, int> _nextSuffix = new(StringComparer.Ordinal);

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>
    /// A field as markdown; <paramref name="where"/> names the note for a message when it has no line (an Anki note id).
    /// With <paramref name="images"/>, the images the field shows are added there (the package holds them)
    /// instead of being reported as left out.
    /// </summary>
    public string Field(string raw, bool html, SourcePosition at, string? cardId, string? where = null, List<string>? images = null)
    {
        Diagnostics.Budget.Check(at);
        if (!html || !HtmlToMarkdown.LooksLikeHtml(raw))
        {
            return raw.Trim();
        }
        var limit = Diagnostics.Budget.Limits.MaxHtmlTagsPerField;
        if (raw.AsSpan().Count('<') is var tags && tags > limit)
        {
            ReadBudget.Refuse(at, cardId,
                $"a field of {where ?? "this note"} holds {tags:N0} HTML tags; the limit is {limit:N0} a field: remove the formatting (in Anki: select the text, Ctrl+Shift+X or the eraser) and export again.");
        }
        var converted = HtmlToMarkdown.Convert(raw);
        if (images is not null)
        {
            images.AddRange(converted.Images);
        }
        foreach (var media in images is null ? converted.Media : converted.Media.Except(converted.Images))
        {
            Diagnostics.Warning(at, cardId,
                $"the card refers to the media file '{media}'; StudyBot shows text only, so it is left out. Describe it in words if the card needs it.");
        }
        return converted.Text;
    }

    /// <summary>
    /// An id from the note's Anki guid when there is one (stable across edits of the text), else
    /// from a hash of the front text. Two notes with the same front get '-2', '-3' in file order.
    /// </summary>
    public string NoteId(string? guid, string front, SourcePosition at)
    {
        Diagnostics.Budget.Check(at);
        var id = string.IsNullOrEmpty(guid) ? CardIds.FromKey("card", front) : CardIds.FromKey("anki", guid);
        if (_ids.Add(id))
        {
            return id;
        }
        var n = _nextSuffix.GetValueOrDefault(id, 2);
        while (!_ids.Add($"{id}-{n}"))
        {
            n++;
        }
        _nextSuffix[id] = n + 1;
        Diagnostics.Warning(at, $"{id}-{n}",
            $"this note has the same {(string.IsNullOrEmpty(guid) ? "front text" : "guid")} as an earlier one; it was given the id '{id}-{n}'. Make the fronts different to keep ids stable if rows move.");
        return $"{id}-{n}";
    }
}
