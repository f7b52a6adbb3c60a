using System.Text;
using System.Text.RegularExpressions;

namespace StudyBot.Core.Tests.Decks;

/// <summary>
/// The passages an explanation quotes, and whether a text contains them verbatim. Decks are typed
/// with straight quotes while the essay uses typographic ones, and a quote within a quote is written
/// as either kind, so every quotation mark and apostrophe compares equal, as does every run of space.
/// </summary>
internal static partial class QuotedPassages
{
    /// <summary>Passages between straight double quotes; "..." or "…" inside one marks an omission.</summary>
    public static IReadOnlyList<string> In(string explanation) =>
        Quoted().Matches(explanation).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The fragments of <paramref name="passage"/> (split at omissions) not found in <paramref name="normalizedSource"/>.</summary>
    public static IEnumerable<string> MissingFrom(string normalizedSource, string passage) =>
        Omission().Split(passage)
            .Select(Normalize)
            .Where(fragment => fragment.Length > 0 && !normalizedSource.Contains(fragment, StringComparison.Ordinal));

    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' or '\u201C' or '\u201D' or '\u201E' or '\u2018' or '\u2019' or '\u201A' => '\'',
                _ when char.IsWhiteSpace(c) => ' ',
                _ => c,
            });
        }

        return Spaces().Replace(builder.ToString(), " ").Trim();
    }

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\.\.\.|\u2026")]
    private static partial Regex Omission();

    [GeneratedRegex(" {2,}")]
    private static partial Regex Spaces();
}
