using System.Collections.Frozen;
using System.IO.Compression;

namespace StudyBot.Core.Answers;

/// <summary>
/// Common English words that sound the same and are spelled a letter or two apart ("rein"/"reign",
/// "principal"/"principle"), from the CMU Pronouncing Dictionary (see Answers/Words/README.md): read
/// once, on first use, from a gzip'ed resource.
/// </summary>
public static class Homophones
{
    private const string ResourceName = "StudyBot.Core.Answers.Words.homophones.txt.gz";

    private static readonly Lazy<FrozenSet<string>> _pairs = new(Load);

    /// <summary>The number of pairs in the list.</summary>
    public static int Count => _pairs.Value.Count;

    /// <summary>The two words sound the same ("reign", "rein").</summary>
    public static bool Are(string a, string b)
        => a != b && _pairs.Value.Contains(string.CompareOrdinal(a, b) < 0 ? $"{a} {b}" : $"{b} {a}");

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(Homophones).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The homophone list resource {ResourceName} is missing from {typeof(Homophones).Assembly.GetName().Name}.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                pairs.Add(line);
            }
        }
        return pairs.ToFrozenSet(StringComparer.Ordinal);
    }
}
