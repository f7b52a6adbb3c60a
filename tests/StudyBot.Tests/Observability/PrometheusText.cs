using System.Globalization;
using System.Text.RegularExpressions;

namespace StudyBot.Tests.Observability;

/// <summary>Reads sample values out of Prometheus' text exposition format.</summary>
public static partial class PrometheusText
{
    /// <summary>The sum of every sample of <paramref name="metric"/> whose labels include all of <paramref name="labels"/>.</summary>
    public static double Sum(string exposition, string metric, params (string Name, string Value)[] labels)
    {
        var total = 0.0;
        foreach (Match sample in Sample().Matches(exposition))
        {
            if (sample.Groups["name"].Value != metric)
            {
                continue;
            }

            var present = Label().Matches(sample.Groups["labels"].Value).ToDictionary(l => l.Groups["key"].Value, l => l.Groups["value"].Value);
            if (labels.All(l => present.TryGetValue(l.Name, out var value) && value == l.Value))
            {
                total += double.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return total;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex Sample();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}
