using System.Text.RegularExpressions;

namespace StudyBot.Core.Decks.Generation;

/// <summary>A deck title from a file's name, for a text without a short heading: "cold_war-notes.txt" is "Cold war notes".</summary>
public static partial class DeckTitles
{
    [GeneratedRegex(@"[\s_.-]+")]
    private static partial Regex Separators();

    public static string FromFileName(string path)
    {
        var words = Separators().Replace(Path.GetFileNameWithoutExtension(path), " ").Trim();
        words = words.Length > 100 ? words[..100].TrimEnd() : words;
        return words.Length == 0 ? "Generated deck" : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
