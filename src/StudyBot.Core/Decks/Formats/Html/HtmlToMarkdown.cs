using System.Net;
using System.Text.RegularExpressions;

namespace StudyBot.Core.Decks.Formats.Html;

/// <summary>
/// Turns the HTML that Anki keeps in fields into Discord markdown: bold, italic and underline
/// become **, * and __; line-breaking tags become new lines; entities are decoded; every other
/// tag is dropped. Media references (<c>[sound:x.mp3]</c>, <c>&lt;img src&gt;</c>) are removed
/// from the text and returned, so the caller can warn that they are not shown. The patterns that
/// scan ahead for a closing mark run without backtracking: on a field full of unclosed tags a
/// backtracking scan is quadratic (a 48 KB field took 11 s), the automaton stays linear.
/// </summary>
public static partial class HtmlToMarkdown
{
    [GeneratedRegex(@"\[sound:([^\]]+)\]", RegexOptions.NonBacktracking)]
    private static partial Regex Sound();

    [GeneratedRegex(@"<\s*img\b[^>]*?\bsrc\s*=\s*(?:""([^""]*)""|'([^']*)'|([^\s>]+))[^>]*>", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Image();

    [GeneratedRegex(@"<!--.*?-->|<\s*script\b.*?<\s*/\s*script\s*>|<\s*style\b.*?<\s*/\s*style\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)\s*>", RegexOptions.NonBacktracking)]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t]*\n[ \t]*")]
    private static partial Regex SpacesAroundNewline();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex ManyNewlines();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex ManySpaces();

    /// <summary>The text, every media file the field referred to, and of those the images (<c>&lt;img src&gt;</c>) in field order.</summary>
    public readonly record struct Converted(string Text, IReadOnlyList<string> Media, IReadOnlyList<string> Images);

    public static Converted Convert(string html)
    {
        var media = new List<string>();
        var images = new List<string>();
        if (html.Length == 0)
        {
            return new Converted("", media, images);
        }
        // Each pass runs only when its marker is present: a 10,000-note import converts tens of thousands of fields.
        var text = html;
        if (text.Contains("[sound:", StringComparison.Ordinal))
        {
            text = Sound().Replace(text, m => { media.Add(m.Groups[1].Value); return ""; });
        }
        var hasTags = text.Contains('<');
        if (hasTags && text.Contains("<img", StringComparison.OrdinalIgnoreCase))
        {
            text = Image().Replace(text, m =>
            {
                var name = WebUtility.HtmlDecode(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value);
                media.Add(name);
                images.Add(name);
                return "";
            });
        }
        if (hasTags && (text.Contains("<!--", StringComparison.Ordinal) || text.Contains("<script", StringComparison.OrdinalIgnoreCase) || text.Contains("<style", StringComparison.OrdinalIgnoreCase)))
        {
            text = Hidden().Replace(text, "");
        }
        // Source newlines are not line breaks in HTML; only tags break lines.
        text = text.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');
        if (hasTags)
        {
            text = Tag().Replace(text, m => Replace(m.Groups[2].Value.ToLowerInvariant(), m.Groups[1].Value == "/"));
        }
        if (text.Contains('&'))
        {
            text = WebUtility.HtmlDecode(text);
        }
        text = text.Replace('\u00A0', ' ');
        if (text.Contains("  ", StringComparison.Ordinal) || text.Contains('\t'))
        {
            text = ManySpaces().Replace(text, " ");
        }
        if (text.Contains('\n'))
        {
            text = SpacesAroundNewline().Replace(text, "\n");
            text = ManyNewlines().Replace(text, "\n\n");
        }
        return new Converted(TidyMarkers(text.Trim()), media, images);
    }

    /// <summary>Plain text that merely looks like a field: no tags, no entities, no media.</summary>
    public static bool LooksLikeHtml(string text) =>
        text.Contains('<') || text.Contains("&", StringComparison.Ordinal) || text.Contains("[sound:", StringComparison.Ordinal);

    private static string Replace(string tag, bool closing) => tag switch
    {
        "b" or "strong" => "**",
        "i" or "em" => "*",
        "u" => "__",
        "br" => "\n",
        // A div or list item starts a line; a paragraph or heading also ends one, leaving a blank line between.
        "div" or "li" or "tr" or "ul" or "ol" or "table" => closing ? "" : "\n",
        "p" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "blockquote" => "\n",
        _ => "",
    };

    /// <summary>Bold or underline markers around nothing (from an empty tag) would show as literal asterisks.</summary>
    private static string TidyMarkers(string text) =>
        text.Contains("**", StringComparison.Ordinal) || text.Contains("__", StringComparison.Ordinal)
            ? EmptyMarkers().Replace(text, "$2").Trim()
            : text;

    [GeneratedRegex(@"(?<!\*)(\*\*|__)(\s*)\1(?!\*)")]
    private static partial Regex EmptyMarkers();
}
