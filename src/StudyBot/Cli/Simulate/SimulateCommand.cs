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
        if (settings.Json)
        {
            return RunExam(settings);
        }
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

    /// <summary>The exam course in the worlds asked for: one JSON array on the output; with -o, the frontier chart too.</summary>
    private int RunExam(SimulateSettings settings)
    {
        var options = new ExamSimulationOptions
        {
            Students = settings.Students,
            Days = settings.Days,
            NewPerDay = settings.NewPerDay,
            Seed = settings.Seed,
            Worlds = settings.World switch
            {
                "fsrs" => [MemoryWorld.Fsrs],
                "other" => [MemoryWorld.Other],
                _ => [MemoryWorld.Fsrs, MemoryWorld.Other],
            },
        };
        var results = ExamSimulation.Run(options);
        _output.WriteLine(Json(results));
        if (settings.Output is { } path)
        {
            foreach (var world in options.Worlds.Select(ExamSimulation.WorldName))
            {
                var file = FrontierChart.PathFor(path, world, options.Worlds.Count);
                try
                {
                    File.WriteAllBytes(file, FrontierChart.Render(options, results, world));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    _error.WriteLine($"error: cannot write {file}: {ex.Message}");
                    return 1;
                }
                _error.WriteLine($"chart: {file}");
            }
        }
        return 0;
    }

    /// <summary>One JSON array, one object per schedule, setting and world.</summary>
    public static string Json(IReadOnlyList<ExamResult> results)
    {
        var rows = results.Select(r => new Dictionary<string, object>
        {
            ["schedule"] = r.Schedule,
            ["setting"] = Math.Round(r.Setting, 4),
            ["world"] = r.World,
            ["reviews_per_student"] = Math.Round(r.ReviewsPerStudent, 1),
            ["exam_recall"] = Math.Round(r.ExamRecall, 4),
            ["seconds_per_student"] = Math.Round(r.SecondsPerStudent, 0),
        });
        return System.Text.Json.JsonSerializer.Serialize(rows);
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
