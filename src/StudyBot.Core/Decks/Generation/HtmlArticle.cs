using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace StudyBot.Core.Decks.Generation;

/// <summary>
/// Reads an HTML page as the Markdown the <see cref="TextCleaner"/> understands: headings become
/// '#' lines, paragraphs and list items their own lines, block quotes '>' lines; scripts, styles,
/// navigation, headers, footers, asides, forms and figures (with their captions) are left out.
/// </summary>
public static class HtmlArticle
{
    private static readonly HashSet<string> _skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "figure", "figcaption",
        "button", "svg", "iframe", "select", "table",
    };

    public static bool LooksLikeHtml(string text)
    {
        var head = text.Length > 2000 ? text[..2000] : text;
        return head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<p>", StringComparison.OrdinalIgnoreCase) || head.Contains("<p ", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<body", StringComparison.OrdinalIgnoreCase) || head.Contains("<article", StringComparison.OrdinalIgnoreCase);
    }

    public static string ToMarkdown(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var root = document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.Body;
        var output = new StringBuilder();
        if (document.Title is { Length: > 0 } title && root?.QuerySelector("h1") is null)
        {
            output.Append("# ").AppendLine(Squash(title)).AppendLine();
        }
        if (root is not null)
        {
            Walk(root, output);
        }
        return output.ToString();
    }

    private static void Walk(IElement element, StringBuilder output)
    {
        foreach (var child in element.Children)
        {
            var name = child.LocalName;
            if (_skipped.Contains(name) || child.HasAttribute("hidden") || child.GetAttribute("aria-hidden") == "true")
            {
                continue;
            }
            switch (name)
            {
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    output.Append(new string('#', name[1] - '0')).Append(' ').AppendLine(Squash(child.TextContent)).AppendLine();
                    break;
                case "p":
                    output.AppendLine(Squash(child.TextContent)).AppendLine();
                    break;
                case "li":
                    output.Append("- ").AppendLine(Squash(child.TextContent));
                    break;
                case "blockquote":
                    output.Append("> ").AppendLine(Squash(child.TextContent)).AppendLine();
                    break;
                case "ul" or "ol":
                    Walk(child, output);
                    output.AppendLine();
                    break;
                default:
                    if (child.Children.Length == 0 && Squash(child.TextContent) is { Length: > 0 } text)
                    {
                        output.AppendLine(text).AppendLine();
                    }
                    else
                    {
                        Walk(child, output);
                    }
                    break;
            }
        }
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
