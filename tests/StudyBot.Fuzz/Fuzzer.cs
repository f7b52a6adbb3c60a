using System.Diagnostics;
using System.IO.Compression;
using StudyBot.Core.Decks.Formats.Anki;

namespace StudyBot.Fuzz;

/// <summary>What a run tried and found.</summary>
public sealed record FuzzReport(IReadOnlyDictionary<string, int> Tried, int Failures, TimeSpan Elapsed, int Seed)
{
    public int Total => Tried.Values.Sum();

    public override string ToString() =>
        $"fuzz: {Total:N0} inputs tried in {Elapsed.TotalSeconds:0} s (seed {Seed}; {string.Join(", ", Tried.Select(t => $"{t.Key} {t.Value:N0}"))}), {Failures} failure{(Failures == 1 ? "" : "s")}";
}

/// <summary>
/// Feeds mutated corpus inputs to each reader in turn until the time is up. A failure is an
/// exception escaping a reader, one input taking longer than <see cref="MaxInputTime"/>, the heap
/// growing past <see cref="MaxHeapBytes"/>, or an import file left behind; each is written to the
/// findings folder (to be committed under corpus/ as a regression) and reported.
/// </summary>
public sealed class Fuzzer(string corpusFolder, string findingsFolder, int seed)
{
    public static readonly TimeSpan MaxInputTime = TimeSpan.FromSeconds(5);
    public const long MaxHeapBytes = 300L * 1024 * 1024;

    private readonly Random _random = new(seed);

    public FuzzReport Run(TimeSpan duration)
    {
        var watch = Stopwatch.StartNew();
        var tried = new Dictionary<string, int>();
        var failures = 0;
        var seeds = Target.All.ToDictionary(t => t.Name, t => Seeds(t.Name));
        while (watch.Elapsed < duration)
        {
            foreach (var target in Target.All)
            {
                var pool = seeds[target.Name];
                if (pool.Count == 0 || watch.Elapsed >= duration)
                {
                    continue;
                }
                // One input in eight is shaped to spend the reader's work (many fields, columns, rows, nodes).
                var input = _random.Next(8) == 0 ? BudgetShapes.For(target.Name, _random) : null;
                if (input is null)
                {
                    input = Mutator.Mutate(pool[_random.Next(pool.Count)], pool[_random.Next(pool.Count)], _random);
                    if (target.Name == "apkg" && _random.Next(2) == 0)
                    {
                        input = Repackage(input);
                    }
                }
                tried[target.Name] = tried.GetValueOrDefault(target.Name) + 1;
                if (Try(target, input) is { } problem)
                {
                    failures++;
                    Save(target.Name, input, problem);
                }
            }
        }
        return new FuzzReport(tried, failures, watch.Elapsed, seed);
    }

    /// <summary>Runs one input; returns what went wrong, or null.</summary>
    public string? Try(Target target, byte[] input)
    {
        var heapBefore = GC.GetTotalMemory(false);
        var started = Stopwatch.StartNew();
        try
        {
            target.Run(input, new Random(input.Length));
        }
        catch (Exception e)
        {
            return $"{target.Name}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}";
        }
        if (started.Elapsed > MaxInputTime)
        {
            return $"{target.Name}: took {started.Elapsed.TotalSeconds:0.0} s";
        }
        if (GC.GetTotalMemory(false) - heapBefore > MaxHeapBytes)
        {
            return $"{target.Name}: the heap grew by {(GC.GetTotalMemory(false) - heapBefore) / 1024 / 1024} MB";
        }
        if (Directory.Exists(ImportFiles.Folder) && Directory.GetFiles(ImportFiles.Folder, $"{Environment.ProcessId}-*").Length > 0)
        {
            return $"{target.Name}: an import file was left in {ImportFiles.Folder}";
        }
        return null;
    }

    /// <summary>Seeds for a target: the files of corpus/NAME (the apkg seeds are the collections inside packages).</summary>
    private List<byte[]> Seeds(string name)
    {
        var folder = Path.Combine(corpusFolder, name);
        if (!Directory.Exists(folder))
        {
            return [];
        }
        return [.. Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];
    }

    /// <summary>A mutated collection, zipped as a package: mutating the zip alone mostly tests its checksums.</summary>
    private byte[] Repackage(byte[] bytes)
    {
        var collection = bytes;
        try
        {
            using var source = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            if (source.GetEntry("collection.anki2") is { Length: < 8 * 1024 * 1024 } entry)
            {
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                collection = copy.ToArray();
                collection[_random.Next(collection.Length)] ^= (byte)(1 << _random.Next(8));
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException)
        {
            // Not a zip any more: package the bytes themselves as the collection.
        }
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("collection.anki2").Open();
            entry.Write(collection);
        }
        return buffer.ToArray();
    }

    private void Save(string target, byte[] input, string problem)
    {
        Directory.CreateDirectory(findingsFolder);
        var name = $"{target}-{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(input))[..16].ToLowerInvariant()}";
        File.WriteAllBytes(Path.Combine(findingsFolder, name), input);
        File.WriteAllText(Path.Combine(findingsFolder, name + ".txt"), problem);
        Console.WriteLine($"fuzz: FAILURE {problem.Split('\n')[0]} (input saved as {Path.Combine(findingsFolder, name)})");
    }
}
