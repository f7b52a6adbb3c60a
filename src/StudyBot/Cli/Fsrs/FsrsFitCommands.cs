using System.Globalization;
using System.Text.Json;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Scheduling.Optimization;
using StudyBot.Core.Scheduling.Replay;

namespace StudyBot.Cli.Fsrs;

/// <summary>
/// `studybot fsrs optimize HISTORIES.json`: fits the 21 FSRS-6 weights to review logs as fsrs-rs
/// does and prints them with their log loss and RMSE(bins) on the same logs.
/// </summary>
public sealed class FsrsOptimizeCommand : FsrsJsonCommand<FsrsOptimizeSettings>
{
    public FsrsOptimizeCommand()
        : base(Console.OpenStandardOutput, Console.Error)
    {
    }

    internal FsrsOptimizeCommand(Func<Stream> openOutput, TextWriter error)
        : base(openOutput, error)
    {
    }

    internal override int Run(FsrsOptimizeSettings settings) => FsrsFitOutput.Guard(settings.HistoriesPath, Error, () =>
    {
        var histories = FsrsHistoryFile.Read(settings.HistoriesPath);
        var items = FsrsItems.FromHistories(histories);
        var parameters = FsrsOptimizer.Fit(items, new FsrsTrainingOptions { EnableShortTerm = FsrsHistorySettings.IsOn(settings.ShortTerm) });
        var evaluation = FsrsEvaluator.Evaluate(items, parameters, EvaluationItems.OutliersFiltered);
        FsrsFitOutput.Write(OpenOutput, json =>
        {
            json.WriteStartArray("parameters");
            foreach (var value in parameters)
            {
                json.WriteRawValue(((float)value).ToString("R", CultureInfo.InvariantCulture));
            }
            json.WriteEndArray();
            FsrsFitOutput.WriteEvaluation(json, evaluation);
            json.WriteNumber("reviews", FsrsItems.ReviewCount(histories));
        });
    });
}

/// <summary>
/// `studybot fsrs evaluate HISTORIES.json --parameters "[...]" [--filter-outliers]`: the log loss and
/// RMSE(bins) of a parameter set on review logs, as fsrs-rs's evaluate computes them on every item
/// (or, with --filter-outliers, on the items the Node binding keeps).
/// </summary>
public sealed class FsrsEvaluateCommand : FsrsJsonCommand<FsrsEvaluateSettings>
{
    public FsrsEvaluateCommand()
        : base(Console.OpenStandardOutput, Console.Error)
    {
    }

    internal FsrsEvaluateCommand(Func<Stream> openOutput, TextWriter error)
        : base(openOutput, error)
    {
    }

    internal override int Run(FsrsEvaluateSettings settings) => FsrsFitOutput.Guard(settings.HistoriesPath, Error, () =>
    {
        var parameters = ParseParameters(settings.Parameters);
        // Fitted with short-term off, a set has no same-day terms: evaluate it that way.
        if (!FsrsHistorySettings.IsOn(settings.ShortTerm) && parameters.Length == FsrsWeights.Count)
        {
            parameters[17] = parameters[18] = parameters[19] = 0.0;
        }
        var items = FsrsItems.FromHistories(FsrsHistoryFile.Read(settings.HistoriesPath));
        var which = settings.FilterOutliers ? EvaluationItems.OutliersFiltered : EvaluationItems.AsGiven;
        var evaluation = FsrsEvaluator.Evaluate(items, parameters, which);
        FsrsFitOutput.Write(OpenOutput, json => FsrsFitOutput.WriteEvaluation(json, evaluation));
    });

    private static double[] ParseParameters(string text)
    {
        try
        {
            var values = JsonSerializer.Deserialize<double[]>(text);
            if (values is { Length: FsrsWeights.Count or FsrsWeights.Fsrs5Count })
            {
                return values;
            }
            throw new ArgumentException($"--parameters: expected {FsrsWeights.Count} numbers (or {FsrsWeights.Fsrs5Count} for FSRS-5), got {values?.Length ?? 0}.");
        }
        catch (JsonException)
        {
            throw new ArgumentException($"--parameters: expected a JSON array of {FsrsWeights.Count} numbers, e.g. \"[0.212, 1.2931, ...]\", not '{text}'.");
        }
    }
}

/// <summary>What optimize and evaluate share: the one-line error contract and the JSON line they print.</summary>
internal static class FsrsFitOutput
{
    public static int Guard(string path, TextWriter error, Action run)
    {
        try
        {
            run();
            return 0;
        }
        catch (ReviewHistoryException ex)
        {
            error.WriteLine($"error: {ex.Message}");
        }
        catch (NotEnoughDataException ex)
        {
            error.WriteLine($"error: {path}: not enough review history: {ex.Message}.");
        }
        catch (ArgumentException ex)
        {
            error.WriteLine($"error: {ex.Message}");
        }
        return 1;
    }

    public static void Write(Func<Stream> openOutput, Action<Utf8JsonWriter> fields)
    {
        using var output = openOutput();
        using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            fields(json);
            json.WriteEndObject();
        }
        output.WriteByte((byte)'\n');
    }

    public static void WriteEvaluation(Utf8JsonWriter json, FsrsEvaluation evaluation)
    {
        json.WriteNumber("log_loss", Math.Round(evaluation.LogLoss, 6));
        json.WriteNumber("rmse_bins", Math.Round(evaluation.RmseBins, 6));
        json.WriteNumber("items", evaluation.Items);
        json.WriteBoolean("outliers_filtered", evaluation.OutliersFiltered);
    }
}
