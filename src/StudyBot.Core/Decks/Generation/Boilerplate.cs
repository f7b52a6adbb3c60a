using System.Text.RegularExpressions;

namespace StudyBot.Core.Decks.Generation;

/// <summary>
/// Lines that web pages wrap around an article and that copy-paste brings along: photo
/// captions and credits, cookie banners, related-article lists, countdown timers, subscribe and
/// share prompts. None of them carries a fact worth a card.
/// </summary>
public static partial class Boilerplate
{
    [GeneratedRegex(@"\b(via|/)\s*(REUTERS|AFP|AP|Getty Images|EPA|Bloomberg|Xinhua|KCNA|Yonhap)\b|\b(photo|photograph|image|picture)\s*(credit|courtesy|by)?\s*:|\((photo|file photo)\)|\bFILE PHOTO\b|\b(Getty Images|Shutterstock|AP Photo)\b|\bphoto\s*$",
        RegexOptions.IgnoreCase)]
    private static partial Regex PhotoCaption();

    [GeneratedRegex(@"\bcookies?\b.*\b(accept|consent|use|policy|settings|preferences|learn more|experience)\b|\b(uses?|use of) cookies\b|\b(accept|reject) all\b|\bprivacy (policy|settings|preferences)\b|\bwe use cookies\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex CookieBanner();

    [GeneratedRegex(@"^\s*(related (articles|stories|content|coverage|posts)|read (more|next|also)|more from|recommended( for you)?|you (may|might) also like|most (read|popular)|trending( now)?|see also|top stories|editor'?s picks)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex RelatedArticles();

    [GeneratedRegex(@"\b\d+\s*(days?|d)\s*:?\s*\d+\s*(hours?|hrs?|h)\b|\b(days|hours|minutes|mins|seconds|secs)\s+(hours|minutes|mins|seconds|secs)\b|^\s*\d{1,2}:\d{2}:\d{2}\s*$|\b(countdown|ends in|offer ends|time left)\b|^(days?|hrs?|hours?|mins?|minutes?|secs?|seconds?)$",
        RegexOptions.IgnoreCase)]
    private static partial Regex Countdown();

    [GeneratedRegex(@"\b(subscribe|sign up|newsletter|log ?in to|create an account|register now|unlock (this|full) (article|access)|already a subscriber|support our journalism|donate|free trial|free and open access|click here|read more about)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex SubscribePrompt();

    [GeneratedRegex(@"^(continue|close|dismiss|accept|ok|got it|menu|search)$|^\s*(share( this)?( article| story)?|follow us|advertisement|sponsored( content)?|all rights reserved|copyright|©|skip to (main )?content|listen to (this )?article|print( this)?|comments?|\d+ min(ute)? read|updated|published)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex PageChrome();

    public static bool IsBoilerplate(string line)
    {
        var text = line.Trim();
        return text.Length > 0 && (PhotoCaption().IsMatch(text) || CookieBanner().IsMatch(text) || RelatedArticles().IsMatch(text)
            || Countdown().IsMatch(text) || SubscribePrompt().IsMatch(text) || PageChrome().IsMatch(text));
    }
}
