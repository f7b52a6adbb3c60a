using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace StudyBot.Cli.Fsrs;

public sealed class FsrsEvaluateSettings : FsrsHistorySettings
{
    [CommandOption("--parameters <JSON>")]
    [Description("The FSRS weights to evaluate as a JSON array: 21 numbers (FSRS-6) or 19 (FSRS-5).")]
    public string Parameters { get; init; } = "";

    public override ValidationResult Validate()
    {
        var common = base.Validate();
        if (!common.Successful)
        {
            return common;
        }
        return string.IsNullOrWhiteSpace(Parameters)
            ? ValidationResult.Error("--parameters is required, e.g. --parameters \"[0.212, 1.2931, ...]\" (21 numbers).")
            : ValidationResult.Success();
    }
}
