namespace StudyBot.Tests.Browser;

/// <summary>A fact that needs Debian's chromium; skipped with the reason when it is not installed (scripts/test.sh installs it in CI).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath))
        {
            Skip = $"{ChromiumPath} is not installed (apt-get install chromium; scripts/test.sh does this in CI).";
        }
    }
}

/// <summary>A browser fact that also needs a colour emoji font (Debian's fonts-noto-color-emoji, which scripts/test.sh installs).</summary>
public sealed class ColourEmojiFactAttribute : FactAttribute
{
    public const string FontPath = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf";

    public ColourEmojiFactAttribute()
    {
        if (!File.Exists(ChromiumFactAttribute.ChromiumPath))
        {
            Skip = $"{ChromiumFactAttribute.ChromiumPath} is not installed (apt-get install chromium; scripts/test.sh does this in CI).";
        }
        else if (!File.Exists(FontPath))
        {
            Skip = $"{FontPath} is not installed (apt-get install fonts-noto-color-emoji; scripts/test.sh does this in CI).";
        }
    }
}
