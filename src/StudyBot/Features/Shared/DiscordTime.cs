namespace StudyBot.Features.Shared;

/// <summary>Discord's timestamp markup: each reader sees the time in their own zone.</summary>
public static class DiscordTime
{
    public static string Relative(DateTime utc) => $"<t:{new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeSeconds()}:R>";

    /// <summary>The time of day with seconds (style T): never "ago", unlike a relative time.</summary>
    public static string Clock(DateTime utc) => $"<t:{new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeSeconds()}:T>";

    public static string Full(DateTime utc) => $"<t:{new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeSeconds()}:f>";

    /// <summary>
    /// Whole minutes until something comes back, rounded up (at least 1): the one rounding every
    /// countdown of a card uses, so "in 7 minutes" never shows beside "in 6m" for one instant.
    /// </summary>
    public static int Minutes(TimeSpan span) => Math.Max(1, (int)Math.Ceiling(span.TotalMinutes));

    /// <summary>A short interval for button labels: 10m, 3h, 4d, 2mo; under an hour in <see cref="Minutes"/>.</summary>
    public static string Interval(TimeSpan span) => span.TotalMinutes switch
    {
        < 60 => $"{Minutes(span)}m",
        < 60 * 24 => $"{(int)Math.Round(span.TotalHours)}h",
        < 60 * 24 * 30 => $"{(int)Math.Round(span.TotalDays)}d",
        < 60 * 24 * 365 => $"{span.TotalDays / 30:0.#}mo",
        _ => $"{span.TotalDays / 365:0.#}y",
    };
}
