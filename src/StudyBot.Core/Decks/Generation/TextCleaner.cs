using System.Text.RegularExpressions;

namespace StudyBot.Core.Decks.Generation;

/// <summary>A paragraph of prose with the line it starts on.</summary>
public sealed record Paragraph(int Line, string Text);

/// <summary>What was kept, the first heading (a deck title), and the boilerplate dropped.</summary>
public sealed record CleanText(IReadOnlyList<Paragraph> Paragraphs, string? Heading, IReadOnlyList<string> Dropped);

/// <summary>
/// Turns plain text or Markdown into paragraphs of prose: Markdown markup is removed, headings,
/// code and tables are left out, and boilerplate lines are dropped.
/// </summary>
public static partial class TextCleaner
{
    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex MarkdownImage();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"^\s{0,3}([-*+]|\d+[.)])\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();

    public static CleanText Clean(string text)
    {
        var paragraphs = new List<Paragraph>();
        var dropped = new List<string>();
        string? heading = null;
        var current = new List<string>();
        var start = 0;
        var inCode = false;
        var lines = text.Replace("\r\n", "\n").Split('\n');

        void Flush()
        {
            // A one-line paragraph without closing punctuation is a heading or subtitle, not prose.
            if (current.Count == 1 && !EndsLikeProse(current[0]))
            {
                heading ??= current[0];
            }
            else if (current.Count > 0)
            {
                paragraphs.Add(new Paragraph(start, string.Join(" ", current)));
            }
            current.Clear();
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("```", StringComparison.Ordinal) || line.StartsWith("~~~", StringComparison.Ordinal))
            {
                inCode = !inCode;
                Flush();
                continue;
            }
            if (inCode || line.StartsWith('|') || line.StartsWith("<", StringComparison.Ordinal) || line is "---" or "***" or "___")
            {
                Flush();
                continue;
            }
            if (line.StartsWith('#'))
            {
                Flush();
                heading ??= line.TrimStart('#').Trim();
                continue;
            }
            line = Inline(ListMarker().Replace(line.TrimStart('>', ' '), ""));
            if (line.Length == 0)
            {
                Flush();
                continue;
            }
            if (Boilerplate.IsBoilerplate(line))
            {
                Flush();
                dropped.Add(line);
                continue;
            }
            if (current.Count == 0)
            {
                start = i + 1;
            }
            current.Add(line);
        }
        Flush();
        return new CleanText(paragraphs, heading, dropped);
    }

    private static bool EndsLikeProse(string line) => line.TrimEnd().LastOrDefault() is '.' or '!' or '?' or '"' or '\u201D' or '\u2019' or '\'' or ')' or ':' or ';';

    private static string Inline(string line)
    {
        line = MarkdownImage().Replace(line, "");
        line = MarkdownLink().Replace(line, "$1");
        line = Url().Replace(line, "");
        line = Emphasis().Replace(line, "$2");
        return line.Trim();
    }
}
