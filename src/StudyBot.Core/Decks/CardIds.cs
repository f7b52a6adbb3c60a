using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace StudyBot.Core.Decks;

/// <summary>
/// Card and deck ids: lowercase letters, digits and '-', starting with a letter or digit, at
/// most 64 characters. Generated ids ('#c2', '#f', '#r') are a note id plus a suffix.
/// </summary>
public static partial class CardIds
{
    public const int MaxLength = 64;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex ValidPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotIdChars();

    public static bool IsValid(string id) => id.Length <= MaxLength && ValidPattern().IsMatch(id);

    /// <summary>A valid id made from any text, for messages that suggest a fix and for generated decks.</summary>
    public static string Slug(string text, int maxLength = 40)
    {
        var slug = NotIdChars().Replace(text.ToLowerInvariant().Normalize(NormalizationForm.FormD), "-").Trim('-');
        if (slug.Length > maxLength)
        {
            slug = slug[..maxLength];
            var cut = slug.LastIndexOf('-');
            slug = (cut > maxLength / 2 ? slug[..cut] : slug).Trim('-');
        }
        return slug.Length == 0 ? "card" : slug;
    }

    /// <summary>A stable id from a key such as an Anki note guid: the same key gives the same id on every import.</summary>
    public static string FromKey(string prefix, string key) => $"{prefix}-{Hash(key)}";

    /// <summary>12 hex digits of SHA-256: collisions stay negligible far beyond 10,000 cards.</summary>
    public static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12];

    public static string ClozeCard(string noteId, int number) => $"{noteId}#c{number}";

    /// <summary>The deletion number of a cloze card's id (<c>{noteId}#c{n}</c>); null for any other id.</summary>
    public static int? ClozeNumber(string cardId)
    {
        var at = cardId.LastIndexOf("#c", StringComparison.Ordinal);
        return at >= 0 && int.TryParse(cardId.AsSpan(at + 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    public static string ForwardCard(string noteId) => $"{noteId}#f";

    public static string ReverseCard(string noteId) => $"{noteId}#r";
}
