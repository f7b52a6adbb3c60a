namespace StudyBot.Features.Shared;

/// <summary>Embed colours, so every feature speaks the same visual language.</summary>
public static class Colors
{
    public const int Brand = 0x5865F2;
    public const int Right = 0x3BA55D;
    public const int Near = 0xFAA61A;
    public const int Wrong = 0xED4245;
    public const int Neutral = 0x99AAB5;
}
