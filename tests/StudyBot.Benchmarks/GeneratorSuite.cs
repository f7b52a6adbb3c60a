using System.Diagnostics;
using System.Globalization;
using System.Text;
using StudyBot.Core.Decks.Generation;

namespace StudyBot.Benchmarks;

/// <summary>
/// `-- generator`: drafts one long reading (by default about 3 MB, made of the generator tests'
/// teaching texts, each copy under a heading of its own and each paragraph opening with its part's
/// number, so that no paragraph repeats) and prints the wall and CPU seconds of the draft, the words read and the cards drafted.
/// The draft must have cards and take at most --limit-s seconds (default 60, the bound the
/// generator's documentation promises). Options: --mb N (size of the reading, default 3),
/// --file PATH (draft that file instead), --limit-s N.
/// </summary>
public static class GeneratorSuite
{
    public static Task<int> RunAsync(string[] args)
    {
        var megabytes = FsrsSuite.ReadCount(args, "--mb", 3);
        var limit = FsrsSuite.ReadCount(args, "--limit-s", 60);
        var fileAt = Array.IndexOf(args, "--file");
        string text;
        if (fileAt >= 0 && fileAt + 1 < args.Length)
        {
            text = File.ReadAllText(args[fileAt + 1]);
        }
        else if (Reading(megabytes * 1_000_000) is { } reading)
        {
            text = reading;
        }
        else
        {
            Console.Error.WriteLine("the generator tests' texts (tests/StudyBot.Core.Tests/Decks/Generation) were not found above the working directory; pass --file PATH");
            return Task.FromResult(1);
        }

        // A short draft first, so that the timed one measures the generator, not the JIT.
        DeckGenerator.Generate(text[..Math.Min(text.Length, 20_000)]);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var result = DeckGenerator.Generate(text, new GeneratorOptions { DeckId = "bench", Title = "Benchmark reading" });
        wall.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var bytes = Encoding.UTF8.GetByteCount(text);
        var cards = result.Draft.Notes.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"drafted {bytes / 1_000_000.0:F1} MB ({result.Words} words, {result.Sentences.Count} sentences) into {cards} cards ({result.LeftOut} left out by the cap) in {wall.Elapsed.TotalSeconds:F1} s wall, {cpu:F1} s CPU"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT generator bytes={bytes} words={result.Words} cards={cards} wall_s={wall.Elapsed.TotalSeconds:F2} cpu_s={cpu:F2}"));
        if (cards == 0)
        {
            Console.Error.WriteLine("the draft has no cards");
            return Task.FromResult(1);
        }
        if (wall.Elapsed.TotalSeconds > limit)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"the draft took {wall.Elapsed.TotalSeconds:F1} s, more than the {limit} s allowed (--limit-s)"));
            return Task.FromResult(1);
        }
        return Task.FromResult(0);
    }

    /// <summary>The tests' teaching texts, copied under numbered headings until the reading holds <paramref name="size"/> bytes.</summary>
    private static string? Reading(int size)
    {
        var folder = FindTexts();
        if (folder is null)
        {
            return null;
        }
        var texts = new[] { "Texts", "Untuned" }
            .Select(sub => Path.Combine(folder, sub))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "*.md").Where(f => !Path.GetFileName(f).Equals("SOURCES.md", StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileNameWithoutExtension(f), Text: File.ReadAllText(f)))
            .ToList();
        if (texts.Count == 0)
        {
            return null;
        }
        var reading = new StringBuilder("# A long reading\n\n");
        for (var part = 1; reading.Length < size; part++)
        {
            var (name, body) = texts[(part - 1) % texts.Count];
            reading.Append(CultureInfo.InvariantCulture, $"## Part {part}: {name.Replace('-', ' ')}\n\n");
            // The texts' own headings become the part's sections; each paragraph opens with its part's number, so no
            // paragraph repeats (a paragraph met again and again is web chrome to the generator, and dropped).
            foreach (var line in body.Split('\n'))
            {
                var trimmed = line.Trim();
                reading.Append(trimmed.StartsWith('#') ? "###" + trimmed.TrimStart('#')
                    : trimmed.Length > 0 && char.IsUpper(trimmed[0]) ? string.Create(CultureInfo.InvariantCulture, $"In part {part} of the reading, {char.ToLowerInvariant(trimmed[0])}{trimmed[1..]}")
                    : trimmed).Append('\n');
            }
            reading.Append('\n');
        }
        return reading.ToString();
    }

    private static string? FindTexts()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "StudyBot.Core.Tests", "Decks", "Generation");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
