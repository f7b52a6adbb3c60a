using System.Diagnostics;
using System.Globalization;
using StudyBot.Core.Decks;
using StudyBot.Core.Decks.Formats;
using StudyBot.Fuzz;

namespace StudyBot.Benchmarks;

/// <summary>
/// Reads each hostile file (see <c>HostileFiles</c>) as <c>deck validate</c> reads it, and prints
/// per file: its size, the wall time, the peak of the process's resident memory during the read
/// (the kernel's high-water mark, reset before each file), the peak of the managed heap, the
/// resident memory once the read's garbage is collected, and the first words of the refusal.
/// </summary>
public static class HostileSuite
{
    private const string ClearRefs = "/proc/self/clear_refs";

    public static Task<int> RunAsync(string[] args)
    {
        var only = args.Length > 0 ? args[0] : null;
        var folder = Directory.CreateTempSubdirectory("studybot-hostile-").FullName;
        var worst = (Seconds: 0.0, PeakMb: 0.0);
        var failures = 0;
        try
        {
            Collect();
            var idle = ResidentMb();
            Console.WriteLine($"idle: {idle:N0} MB resident");
            Console.WriteLine($"{"file",-24} {"size",9} {"seconds",8} {"peak RSS",9} {"peak heap",10} {"after",7}  message");
            foreach (var (name, make) in HostileFiles.All.Where(f => only is null || f.Name.Contains(only, StringComparison.Ordinal)))
            {
                var (path, options) = Write(make(), folder);
                Collect();
                ResetPeak();
                var (result, elapsed, heapPeak) = Measured.Run(() => new DeckLoader().LoadFile(path, options));
                var peak = PeakMb();
                // The refusal that stopped the read, else the first problem.
                var message = (result.Errors.LastOrDefault(e => e.Message.Contains("limit", StringComparison.Ordinal) || e.Message.Contains("took longer", StringComparison.Ordinal))
                    ?? result.Errors.FirstOrDefault())?.Message ?? (result.IsValid ? "(read: valid)" : "(no message)");
                Collect();
                var after = ResidentMb();
                Console.WriteLine($"{name,-24} {new FileInfo(path).Length / 1024.0 / 1024.0,7:N1}MB {elapsed.TotalSeconds,8:N2} {peak,7:N0}MB {heapPeak / 1024.0 / 1024.0,8:N0}MB {after,5:N0}MB  {Shorten(message)}");
                worst = (Math.Max(worst.Seconds, elapsed.TotalSeconds), Math.Max(worst.PeakMb, peak));
                failures += elapsed.TotalSeconds > 20 || peak > 300 ? 1 : 0;
                File.Delete(path);
            }
            var s = (double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
            Console.WriteLine($"RESULT hostile worst_seconds={s(worst.Seconds)} worst_peak_rss_mb={s(worst.PeakMb)} idle_rss_mb={s(idle)} over_bounds={failures}");
            return Task.FromResult(failures == 0 ? 0 : 1);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The file on disk, as `deck validate` is given it; its bytes are left for the collector before the read.</summary>
    private static (string Path, DeckReadOptions Options) Write(HostileFile file, string folder)
    {
        var path = Path.Combine(folder, file.Name);
        File.WriteAllBytes(path, file.Content);
        return (path, new DeckReadOptions { Format = file.From == "quizlet" ? DeckFormat.Quizlet : DeckFormat.Auto });
    }

    private static void Collect() => GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    private static string Shorten(string text) => text.Length <= 90 ? text : text[..87] + "...";

    /// <summary>Resets the kernel's high-water mark of resident memory (Linux 4.0+); elsewhere the peak is only sampled at the end.</summary>
    private static void ResetPeak()
    {
        try
        {
            File.WriteAllText(ClearRefs, "5");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // No /proc: the figure is the process's resident memory after the read.
        }
    }

    private static double PeakMb() => Status("VmHWM:") ?? ResidentMb();

    private static double ResidentMb() => Status("VmRSS:") ?? Process.GetCurrentProcess().WorkingSet64 / 1024.0 / 1024.0;

    /// <summary>A figure of /proc/self/status in MB, or null where there is none.</summary>
    private static double? Status(string key)
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            return line is null ? null : long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
