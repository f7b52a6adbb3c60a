using System.Text.RegularExpressions;

namespace StudyBot.Discord.Rest;

/// <summary>
/// Removes the bot token from text that came from outside (an API error message or body, a
/// gateway close reason) before it is printed or logged: a misconfigured or hostile API base URL
/// can echo the Authorization header back. The configured token is removed wherever it appears,
/// and so is anything shaped like a Discord token (three base64url parts joined by dots).
/// </summary>
public static partial class SecretRedactor
{
    public const string Replacement = "[redacted]";

    public static string Redact(string text, string? token)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        if (!string.IsNullOrEmpty(token) && token.Length >= 8)
        {
            text = text.Replace(token, Replacement, StringComparison.Ordinal);
        }
        return TokenShape().Replace(text, Replacement);
    }

    [GeneratedRegex(@"[A-Za-z0-9_-]{18,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{20,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TokenShape();
}
