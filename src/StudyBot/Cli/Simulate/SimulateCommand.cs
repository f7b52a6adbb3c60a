using System.Globalization;
using System.Text;
using Spectre.Console.Cli;
using StudyBot.Core.Study.Simulation;

namespace StudyBot.Cli.Simulate;

/// <summary>
/// `studybot simulate`: simulated students under each schedule; prints reviews, study time, the
/// exam (mean recall of every introduced card on the last day) and knowledge kept per review.
/// </summary>
public sealed class SimulateCommand : Command<SimulateSettings>
{
    private readonly TextWriter _output;
    private readonly TextWriter _error;

    public SimulateCommand()
        : this(Console.Out, Console.Error)
    {
    }

    internal SimulateCommand(TextWriter output, TextWriter error)
    {
        _output = output;
        _error = error;
    }

    public override int Execute(CommandContext context, SimulateSettings settings) => Run(settings);

    internal int Run(SimulateSettings settings)
    {
        var options = new SimulationOptions { Students = settings.Students, Days = settings.Days, NewPerDay = settings.NewPerDay, Seed = settings.Seed };
        var results = LearningSimulation.Run(options);
        _output.Write(Table(options, results));
        if (settings.Output is { } path)
        {
            try
            {
                File.WriteAllBytes(path, SimulationChart.Render(options, results));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _error.WriteLine($"error: cannot write {path}: {ex.Message}");
                return 1;
            }
            _output.WriteLine($"chart: {path}");
        }
        return 0;
    }

    /// <summary>A Markdown table, one row per schedule.</summary>
    public static string Table(SimulationOptions options, IReadOnlyList<ScheduleResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{options.Students} students, {options.Days} days, {options.NewPerDay} new cards a day ({options.Days * options.NewPerDay} cards each), seed {options.Seed}");
        text.AppendLine();
        text.AppendLine("| schedule | reviews per student | study minutes per student | exam: mean recall | cards remembered | remembered per review |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.ReviewsPerStudent:N0} | {r.MinutesPerStudent:N0} | {r.ExamRecall:0.000} | {r.CardsRemembered:N0} | {r.RememberedPerReview:0.000} |");
        }
        return text.ToString();
    }
}
