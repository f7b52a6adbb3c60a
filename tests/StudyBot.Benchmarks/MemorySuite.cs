using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace StudyBot.Benchmarks;

/// <summary>
/// Memory at rest: the Playground (bot, emulator and web server in one process, no token) started as
/// its own process from this build, in a new directory: the first start (a new database: migrations,
/// the essay decks copied into both servers) and a restart on that database. Each time it waits until
/// /readyz says ready (polled), then lets the process rest (60 s by default: the wait is the
/// measurement) and reads its resident memory from /proc (VmRSS, split into anonymous memory,
/// mapped files and shared memory, where the runtime keeps code and type data) and the garbage
/// collector's figures from /metrics. Linux only.
/// </summary>
public static partial class MemorySuite
{
    /// <summary>The target for the Playground at rest (issue: under 150 MB).</summary>
    public const int TargetMegabytes = 150;

    public static async Task<int> RunAsync(string[] args)
    {
        var rest = TimeSpan.FromSeconds(Option(args, "--rest-seconds", 60));
        var startup = TimeSpan.FromSeconds(Option(args, "--startup-seconds", 180));
        if (!File.Exists("/proc/self/status"))
        {
            Console.Error.WriteLine("memory: reads /proc/PID/status; run it on Linux.");
            return 2;
        }

        var directory = Directory.CreateTempSubdirectory("studybot-memory-").FullName;
        try
        {
            Console.WriteLine($"memory: the Playground ({Path.Combine(AppContext.BaseDirectory, "studybot.dll")}) in {directory}, {rest.TotalSeconds:0} s at rest after /readyz says ready");
            var first = await MeasureAsync("first start", directory, rest, startup);
            var again = await MeasureAsync("restart", directory, rest, startup);
            if (first is null || again is null)
            {
                return 1;
            }

            var worst = Math.Max(first.Value, again.Value);
            Console.WriteLine($"RESULT memory first_start_rss_mb={first.Value} restart_rss_mb={again.Value} rest_s={rest.TotalSeconds:0} target_mb={TargetMegabytes} {(worst < TargetMegabytes ? "ok" : "OVER")}");
            return worst < TargetMegabytes ? 0 : 1;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<long?> MeasureAsync(string what, string directory, TimeSpan rest, TimeSpan startup)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "studybot.dll"));
        start.ArgumentList.Add("--Playground:Port=0");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["NO_COLOR"] = "1";
        start.Environment.Remove("DISCORD_TOKEN");
        start.Environment.Remove("Discord__Token");
        var lines = new List<string>();
        using var process = Process.Start(start)!;
        void Add(string? line)
        {
            if (line is not null)
            {
                lock (lines)
                {
                    lines.Add(line);
                }
            }
        }

        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var watch = Stopwatch.StartNew();
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var address = await ReadyAsync(process, lines, http, startup);
            if (address is null)
            {
                Console.WriteLine($"memory: {what}: not ready within {startup.TotalSeconds:0} s (exited: {process.HasExited}); the program printed:");
                lock (lines)
                {
                    lines.ForEach(l => Console.WriteLine("  " + l));
                }

                return null;
            }

            var ready = watch.Elapsed;
            var atReady = Status(process.Id);
            await Task.Delay(rest);
            var status = Status(process.Id);
            var metrics = await http.GetStringAsync(address + "/metrics");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"memory: {what}: ready after {ready.TotalSeconds:0.0} s at {atReady["VmRSS"]} MB; {rest.TotalSeconds:0} s later VmRSS {status["VmRSS"]} MB (anonymous {status["RssAnon"]}, files {status["RssFile"]}, shared {status["RssShmem"]}), "
                + $"peak {status["VmHWM"]} MB, {status["Threads"]} threads; GC: {Metric(metrics, "dotnet_gc_last_collection_memory_committed_size_bytes") / 1048576:0.0} MB committed, "
                + $"{Sum(metrics, "dotnet_gc_last_collection_heap_size_bytes") / 1048576:0.0} MB heap, {Metric(metrics, "dotnet_jit_compiled_methods_total"):0} methods compiled, {Metric(metrics, "dotnet_assembly_count"):0} assemblies"));
            return status["VmRSS"];
        }
        finally
        {
            if (!process.HasExited)
            {
                using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
                {
                    await term.WaitForExitAsync();
                }

                using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                try
                {
                    await process.WaitForExitAsync(deadline.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }
    }

    /// <summary>The Playground's address once its /readyz answers 200; null when it exits or the time is up.</summary>
    private static async Task<string?> ReadyAsync(Process process, List<string> lines, HttpClient http, TimeSpan startup)
    {
        var watch = Stopwatch.StartNew();
        string? address = null;
        while (watch.Elapsed < startup && !process.HasExited)
        {
            if (address is null)
            {
                lock (lines)
                {
                    address = lines.Select(l => HealthLine().Match(l)).FirstOrDefault(m => m.Success)?.Groups["address"].Value;
                }
            }

            if (address is not null)
            {
                try
                {
                    using var response = await http.GetAsync(address + "/readyz");
                    if (response.IsSuccessStatusCode)
                    {
                        return address;
                    }
                }
                catch (HttpRequestException)
                {
                }
            }

            await Task.Delay(200);
        }

        return null;
    }

    /// <summary>VmRSS, VmHWM, RssAnon, RssFile, RssShmem (MB) and Threads from /proc/PID/status.</summary>
    private static Dictionary<string, long> Status(int pid)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            var parts = line.Split(':', 2);
            if (parts.Length == 2 && parts[0] is "VmRSS" or "VmHWM" or "RssAnon" or "RssFile" or "RssShmem" or "Threads")
            {
                var number = long.Parse(parts[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                values[parts[0]] = parts[0] == "Threads" ? number : number / 1024;
            }
        }

        return values;
    }

    private static double Metric(string text, string name) => Sum(text, name);

    private static double Sum(string text, string name)
        => text.Split('\n')
            .Where(l => l.StartsWith(name, StringComparison.Ordinal) && (l.Length == name.Length || l[name.Length] is '{' or ' '))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    [GeneratedRegex(@"Health and metrics: (?<address>https?://[^/\s]+)/healthz")]
    private static partial Regex HealthLine();
}
