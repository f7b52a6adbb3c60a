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
