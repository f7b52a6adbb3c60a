using System.Globalization;
using System.Text;

namespace StudyBot.Core.Answers;

/// <summary>
/// Brings a typed answer to the form in which two answers that mean the same compare equal:
/// compatibility-decomposed (NFKD, so "ﬁ" is "fi" and "é" is "e" plus an accent), accents dropped,
/// lower case, punctuation dropped (dashes and slashes separate words), spaces collapsed,
/// and a leading article a/an/the removed.
/// </summary>
public static class AnswerNormalizer
{
    private static readonly string[] _articles = ["the ", "an ", "a "];

    /// <summary>Every normalised word of the given texts ("raise its prices" gives raise, its, prices).</summary>
    public static HashSet<string> WordSet(IEnumerable<string> texts)
        => texts.SelectMany(t => Normalize(t).Split(' ')).ToHashSet(StringComparer.Ordinal);

    public static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var ch in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(ch))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }
                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(ch));
            }
            else if (char.IsWhiteSpace(ch) || category is UnicodeCategory.DashPunctuation or UnicodeCategory.ConnectorPunctuation || ch == '/')
            {
                pendingSpace = true;
            }
            // Other punctuation and symbols vanish: "don't" is "dont", "U.S." is "us".
        }
        var result = builder.ToString();
        foreach (var article in _articles)
        {
            if (result.StartsWith(article, StringComparison.Ordinal) && result.Length > article.Length)
            {
                return result[article.Length..];
            }
        }
        return result;
    }
}
