namespace StudyBot.Features.Shared;

/// <summary>Fits text into Discord's field limits, marking the cut.</summary>
public static class Text
{
    public static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
