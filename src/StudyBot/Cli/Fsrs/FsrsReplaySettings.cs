using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace StudyBot.Cli.Fsrs;

public sealed class FsrsReplaySettings : CommandSettings
{
    [CommandArgument(0, "<HISTORIES>")]
    [Description("JSON review logs: [{\"cardId\":1,\"reviews\":[{\"rating\":3,\"t\":\"2024-08-07T09:40:07.000Z\"}]}]")]
    public string HistoriesPath { get; init; } = "";

    [CommandOption("--short-term <ON|OFF>")]
    [Description("Learning and relearning steps in minutes (on, the default) or whole days only (off).")]
    [DefaultValue("on")]
    public string ShortTerm { get; init; } = "on";

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
        if (!IsOnOff(ShortTerm))
        {
            return ValidationResult.Error($"--short-term must be on or off, not '{ShortTerm}'.");
        }
        if (!IsOnOff(Fuzz))
        {
            return ValidationResult.Error($"--fuzz must be on or off, not '{Fuzz}'.");
        }
        return ValidationResult.Success();
    }

    internal static bool IsOn(string value) => string.Equals(value, "on", StringComparison.OrdinalIgnoreCase);

    private static bool IsOnOff(string value) => IsOn(value) || string.Equals(value, "off", StringComparison.OrdinalIgnoreCase);
}
