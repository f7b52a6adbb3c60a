using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace StudyBot.Cli.Fsrs;

public sealed class FsrsEvaluateSettings : FsrsHistorySettings
{
    [CommandOption("--parameters <JSON>")]
    [Description("The FSRS weights to evaluate as a JSON array: 21 numbers (FSRS-6) or 19 (FSRS-5).")]
    public string Parameters { get; init; } = "";

    [CommandOption("--filter-outliers")]
    [Description("Drop the optimizer's outliers first, in its order, as the fsrs-rs Node binding's evaluate does. Without it every review after the first day is scored, in time order, as fsrs-rs's evaluate does.")]
    public bool FilterOutliers { get; init; }

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
