using System.ComponentModel.DataAnnotations;

namespace StudyBot.Hosting;

/// <summary>The <c>Playground</c> section, used when no bot token is configured.</summary>
public sealed class PlaygroundOptions
{
    public const string SectionName = "Playground";

    /// <summary>Loopback port of the Playground page and the emulated Discord; 0 picks a free one.</summary>
    [Range(0, 65535, ErrorMessage = "Playground:Port must be 0-65535 (0 picks a free port).")]
    public int Port { get; set; } = 5173;
}
