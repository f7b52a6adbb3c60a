using System.Diagnostics;

namespace StudyBot.Benchmarks;

/// <summary>Runs a reference script under tests/reference with node and returns the last line it printed.</summary>
internal static class NodeScript
{
    public static string? FindReferenceDirectory(string name, string marker)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "reference", name);
                if (File.Exists(Path.Combine(candidate, marker)))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    /// <summary>The last line of standard output, or null (with the reason on standard error) when node is missing or the script fails.</summary>
    public static async Task<string?> RunAsync(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine("node was not found on PATH; the reference half of this benchmark needs it.");
            return null;
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"node {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}");
                return null;
            }
            return (await stdout).Trim().Split('\n')[^1];
        }
    }
}
