using System.Text.RegularExpressions;

namespace StudyBot.Core.Decks.Generation;

/// <summary>A paragraph of prose with the line it starts on and the section it belongs to (0 before the first heading, one more at each heading).</summary>
public sealed record Paragraph(int Line, string Text, int Section = 0);

/// <summary>Text the generator left out, where it was and why.</summary>
public sealed record DroppedText(int Line, string Text, string Reason);

/// <summary>What was kept, the first heading (a deck title), and what was dropped as clutter.</summary>
public sealed record CleanText(IReadOnlyList<Paragraph> Paragraphs, string? Heading, IReadOnlyList<DroppedText> Dropped);

/// <summary>
/// Turns plain text, Markdown or HTML into paragraphs of prose. Markup is removed; headings,
/// code, tables and quoted asides are left out; page clutter is dropped with its reason: web
/// chrome (<see cref="Boilerplate"/>), figure captions and credits, "(Figure 5.1)" references,
/// textbook boxes ("LINK TO LEARNING") and learning objectives, bylines and date lines, list items
/// that are not sentences, and photo captions that a page repeats.
/// </summary>
public static partial class TextCleaner
{
    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex MarkdownImage();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"^\s{0,3}([-*+\u2022]|\d+[.)])\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();

    [GeneratedRegex(@"^(Figure|Fig\.|Table|Photo|Image|Map|Chart)\s+\d+(\.\d+)*[a-z]?\b", RegexOptions.IgnoreCase)]
    private static partial Regex FigureCaption();

    [GeneratedRegex(@"\s*\((?:photo |image )?(?:credit|credits|source)s?\s*:[^)]*\)|\s*\((?:see\s+)?(?:Figure|Fig\.|Table)\s+\d+(?:\.\d+)*[a-z]?\)", RegexOptions.IgnoreCase)]
    private static partial Regex InlineReference();

    [GeneratedRegex(@"^(link to learning|visual connection|art connection|career connection|evolution connection|everyday connection|concepts in action|scientific method connection|biology in action|did you know\??|key terms?|section summary|review questions|critical thinking questions|glossary)\s*:?$", RegexOptions.IgnoreCase)]
    private static partial Regex BoxHeading();

    [GeneratedRegex(@"^(by the end of this section,? you will be able to|learning objectives|click (the following|through|here)|watch (this|the following)|visit (this|the following))", RegexOptions.IgnoreCase)]
    private static partial Regex Objectives();

    [GeneratedRegex(@"^(?i:by|written by|words by|story by)\s+[A-Z][\w.'-]*(\s+[A-Z][\w.'-]*){0,3}(\s*(,|and)\s*[A-Z][\w.'-]*(\s+[A-Z][\w.'-]*){0,3})*\s*$")]
    private static partial Regex Byline();

    [GeneratedRegex(@"^((updated|published|posted|last modified)\s*:?\s*(on\s+)?)?((mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?((january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{4}|\d{4}-\d{2}-\d{2})([,\s]+\d{1,2}:\d{2}\s*([ap]\.?m\.?)?(\s+[A-Z]{2,4})?)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^(?:references|bibliography|works cited|sources|notes|endnotes|footnotes|further reading|suggested reading|see also|external links|citations)\s*:?$", RegexOptions.IgnoreCase)]
    private static partial Regex EndMatterHeading();

    public static CleanText Clean(string text)
    {
        if (HtmlArticle.LooksLikeHtml(text))
        {
            text = HtmlArticle.ToMarkdown(text);
        }
        var paragraphs = new List<Paragraph>();
        var dropped = new List<DroppedText>();
        string? heading = null;
        var current = new List<string>();
        var start = 0;
        var inCode = false;
        var section = 0;
        // After a box heading or a learning-objectives line, the next paragraph (or list) belongs to it.
        string? skipNext = null;
        var skippingList = false;
        // Under a "References" or "Further reading" heading, everything up to the next heading is a list of sources, not prose.
        string? endMatter = null;
        var lines = text.Replace("\r\n", "\n").Split('\n');

        void Flush()
        {
            if (current.Count == 0)
            {
                return;
            }
            var joined = string.Join(" ", current);
            if (current.Count == 1 && !EndsLikeProse(current[0]) && EndMatterHeading().IsMatch(current[0].Trim()))
            {
                endMatter = $"a list of sources under '{current[0].Trim()}', not the main text";
                dropped.Add(new DroppedText(start, joined, "a heading or subtitle, not a sentence"));
            }
            else if (skipNext is not null)
            {
                dropped.Add(new DroppedText(start, joined, skipNext));
                skipNext = null;
            }
            // A short one-line paragraph without closing punctuation is a heading or subtitle; a long one is a sentence.
            else if (current.Count == 1 && !EndsLikeProse(current[0]) && IsHeadingLength(current[0]))
            {
                endMatter = null;
                heading ??= current[0];
                section++;
                dropped.Add(new DroppedText(start, joined, "a heading or subtitle, not a sentence"));
            }
            else if (endMatter is not null)
            {
                dropped.Add(new DroppedText(start, joined, endMatter));
            }
            else
            {
                paragraphs.Add(new Paragraph(start, joined, section));
            }
            current.Clear();
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i].Trim();
            if (raw.StartsWith("```", StringComparison.Ordinal) || raw.StartsWith("~~~", StringComparison.Ordinal))
            {
                inCode = !inCode;
                Flush();
                continue;
            }
            if (inCode || raw.StartsWith('|') || raw.StartsWith("<", StringComparison.Ordinal) || raw is "---" or "***" or "___")
            {
                Flush();
                continue;
            }
            if (raw.StartsWith('#'))
            {
                Flush();
                var title = Inline(raw.TrimStart('#').Trim());
                endMatter = EndMatterHeading().IsMatch(title) ? $"a list of sources under '{title}', not the main text" : null;
                heading ??= IsHeadingLength(title) && endMatter is null ? title : null;
                section++;
                if (BoxHeading().IsMatch(title))
                {
                    skipNext = $"a textbook box ('{title}'), not the main text";
                }
                continue;
            }
            if (raw.StartsWith('>'))
            {
                Flush();
                dropped.Add(new DroppedText(i + 1, Inline(raw.TrimStart('>', ' ')), "a quoted aside (epigraph or pull quote), not the main text"));
                continue;
            }
            var isListItem = ListMarker().IsMatch(raw);
            // A box's or objectives' list ends where the list ends.
            if (skippingList && !isListItem)
            {
                (skipNext, skippingList) = (null, false);
            }
            var line = Inline(ListMarker().Replace(raw, ""));
            if (line.Length == 0)
            {
                Flush();
                continue;
            }
            var reason = ClutterReason(line);
            if (reason is not null)
            {
                Flush();
                dropped.Add(new DroppedText(i + 1, line, reason));
                // A heading opens a box or a list of objectives; a dropped line that follows one was its content.
                skipNext = BoxHeading().IsMatch(line) ? $"a textbook box ('{line}'), not the main text"
                    : Objectives().IsMatch(line) && line.TrimEnd().EndsWith(':') ? "learning objectives, not the main text"
                    : null;
                continue;
            }
            if (isListItem)
            {
                // Each item stands alone; an item that is not a sentence (an objective, a menu entry) is no fact.
                Flush();
                skippingList = skipNext is not null;
                if (skipNext is not null || endMatter is not null || !EndsLikeProse(line))
                {
                    dropped.Add(new DroppedText(i + 1, line, skipNext ?? endMatter ?? "a list item that is not a sentence"));
                    continue;
                }
                paragraphs.Add(new Paragraph(i + 1, line, section));
                continue;
            }
            var stripped = InlineReference().Replace(line, "");
            if (stripped.Length != line.Length)
            {
                dropped.Add(new DroppedText(i + 1, string.Join(" ", InlineReference().Matches(line).Select(m => m.Value.Trim())), "a figure reference or credit inside the text"));
                line = stripped;
            }
            if (current.Count == 0)
            {
                start = i + 1;
            }
            current.Add(line);
        }
        Flush();
        return new CleanText(DropRepeatedCaptions(paragraphs, dropped), heading, dropped);
    }

    /// <summary>A paragraph that appears twice word for word is a photo caption (or pull quote) a page repeats: neither copy is prose.</summary>
    private static List<Paragraph> DropRepeatedCaptions(List<Paragraph> paragraphs, List<DroppedText> dropped)
    {
        var repeated = paragraphs.GroupBy(p => p.Text.Trim()).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var p in paragraphs.Where(p => repeated.Contains(p.Text.Trim())))
        {
            dropped.Add(new DroppedText(p.Line, p.Text, "a photo caption or pull quote the page repeats"));
        }
        return [.. paragraphs.Where(p => !repeated.Contains(p.Text.Trim()))];
    }

    private static string? ClutterReason(string line)
    {
        if (Byline().IsMatch(line))
        {
            return "a byline";
        }
        if (DateLine().IsMatch(line))
        {
            return "a date line";
        }
        if (Boilerplate.IsBoilerplate(line))
        {
            return "web page chrome (caption credit, banner, prompt or menu)";
        }
        if (FigureCaption().IsMatch(line))
        {
            return "a figure or table caption";
        }
        if (line.StartsWith("(credit", StringComparison.OrdinalIgnoreCase) || line.StartsWith("credit:", StringComparison.OrdinalIgnoreCase))
        {
            return "an image credit";
        }
        if (BoxHeading().IsMatch(line))
        {
            return "a textbook box heading";
        }
        if (Objectives().IsMatch(line))
        {
            return "learning objectives or a link prompt, not the main text";
        }
        return null;
    }

    /// <summary>A heading is short: at most 12 words and 100 characters (a deck title's limit); a longer line is a sentence.</summary>
    public static bool IsHeadingLength(string line) => line.Length <= 100 && line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 12;

    private static bool EndsLikeProse(string line) => line.TrimEnd().LastOrDefault() is '.' or '!' or '?' or '"' or '\u201D' or '\u2019' or '\'' or ')' or ';';

    private static string Inline(string line)
    {
        line = MarkdownImage().Replace(line, "");
        line = MarkdownLink().Replace(line, "$1");
        line = Url().Replace(line, "");
        line = Emphasis().Replace(line, "$2");
        return line.Trim();
    }
}
