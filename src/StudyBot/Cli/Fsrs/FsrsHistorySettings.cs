using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace StudyBot.Cli.Fsrs;

/// <summary>The review-log file and the short-term switch shared by the fsrs commands.</summary>
public abstract class FsrsHistorySettings : CommandSettings
{
    [CommandArgument(0, "<HISTORIES>")]
    // The help reads a description as markup: [[ and ]] print one bracket.
    [Description("JSON review logs: [[{\"cardId\":1,\"reviews\":[[{\"rating\":3,\"t\":\"2024-08-07T09:40:07.000Z\"}]]}]]")]
    public string HistoriesPath { get; init; } = "";

    [CommandOption("--short-term <ON|OFF>")]
    [Description("Learning and relearning steps in minutes (on, the default) or whole days only (off).")]
    [DefaultValue("on")]
    public string ShortTerm { get; init; } = "on";

    public override ValidationResult Validate() =>
        IsOnOff(ShortTerm) ? ValidationResult.Success() : ValidationResult.Error($"--short-term must be on or off, not '{ShortTerm}'.");

    internal static bool IsOn(string value) => string.Equals(value, "on", StringComparison.OrdinalIgnoreCase);

    internal static bool IsOnOff(string value) => IsOn(value) || string.Equals(value, "off", StringComparison.OrdinalIgnoreCase);
}
