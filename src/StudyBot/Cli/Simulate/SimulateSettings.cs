using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace StudyBot.Cli.Simulate;

public sealed class SimulateSettings : CommandSettings
{
    [CommandOption("--students <N>")]
    [Description("Simulated students (each with their own memory weights).")]
    [DefaultValue(100)]
    public int Students { get; init; } = 100;

    [CommandOption("--days <N>")]
    [Description("Days of study; the exam is the end of the last day.")]
    [DefaultValue(90)]
    public int Days { get; init; } = 90;

    [CommandOption("--new-per-day <N>")]
    [Description("New cards each student meets per day.")]
    [DefaultValue(10)]
    public int NewPerDay { get; init; } = 10;

    [CommandOption("--seed <N>")]
    [Description("Seed: the same seed gives the same figures.")]
    [DefaultValue(1)]
    public int Seed { get; init; } = 1;

    [CommandOption("--json")]
    [Description("A course ending in an exam: print one JSON array, one object per schedule, setting and world (schedule, setting, world, reviews_per_student, exam_recall, seconds_per_student).")]
    public bool Json { get; init; }

    [CommandOption("--world <WORLD>")]
    [Description("With --json: whose memory the students have: fsrs (FSRS-6, own weights), other (ACT-R with spacing-dependent decay) or both.")]
    [DefaultValue("both")]
    public string World { get; init; } = "both";

    [CommandOption("-o|--output <PNG>")]
    [Description("Also draw recall over time per schedule as a PNG chart.")]
    public string? Output { get; init; }

    public override ValidationResult Validate()
    {
        if (Students is < 1 or > 10_000)
        {
            return ValidationResult.Error($"--students must be between 1 and 10000, not {Students}.");
        }
        if (Days is < 1 or > 3650)
        {
            return ValidationResult.Error($"--days must be between 1 and 3650, not {Days}.");
        }
        if (NewPerDay is < 1 or > 1000)
        {
            return ValidationResult.Error($"--new-per-day must be between 1 and 1000, not {NewPerDay}.");
        }
        if (World is not ("fsrs" or "other" or "both"))
        {
            return ValidationResult.Error($"--world must be fsrs, other or both, not '{World}'.");
        }
        if (Output is not null && !Output.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            return ValidationResult.Error($"-o must name a .png file, not '{Output}'.");
        }
        return ValidationResult.Success();
    }
}
