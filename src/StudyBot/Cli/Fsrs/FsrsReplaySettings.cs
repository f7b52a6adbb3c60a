using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace StudyBot.Cli.Fsrs;

public sealed class FsrsReplaySettings : FsrsHistorySettings
{
    [CommandOption("--retention <VALUE>")]
    [Description("Desired retention, strictly between 0 and 1.")]
    [DefaultValue(0.9)]
    public double Retention { get; init; } = 0.9;

    [CommandOption("--fuzz <ON|OFF>")]
    [Description("Fuzz intervals as ts-fsrs does with its default seed (off by default).")]
    [DefaultValue("off")]
    public string Fuzz { get; init; } = "off";

    public override ValidationResult Validate()
    {
        var common = base.Validate();
        if (!common.Successful)
        {
            return common;
        }
        return IsOnOff(Fuzz) ? ValidationResult.Success() : ValidationResult.Error($"--fuzz must be on or off, not '{Fuzz}'.");
    }
}
