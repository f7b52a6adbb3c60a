using System.Diagnostics;

namespace StudyBot.Core.Decks.Formats.Anki;

/// <summary>
/// Where a package's collection is unpacked while it is read: one folder under the system's temp
/// folder, each file named after the process that made it. A file is deleted when its import
/// ends; one left by a process that was killed is deleted at the next start (<see cref="RemoveStale"/>).
/// </summary>
public static class ImportFiles
{
    private const string Extension = ".anki2";

    public static string Folder => Path.Combine(Path.GetTempPath(), "studybot-import");

    /// <summary>A new file name for this process, in a folder that exists.</summary>
    public static string NewPath()
    {
        Directory.CreateDirectory(Folder);
        return Path.Combine(Folder, $"{Environment.ProcessId}-{Guid.NewGuid():N}{Extension}");
    }

    /// <summary>
    /// Deletes the files of processes that no longer run (a kill, a crash, a power cut), and those
    /// of the older naming (studybot-import-*.anki2 in the temp folder itself). Returns how many.
    /// </summary>
    public static int RemoveStale()
    {
        var removed = 0;
        foreach (var file in Candidates())
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var dash = name.IndexOf('-', StringComparison.Ordinal);
            var owner = Path.GetDirectoryName(file) == Folder && dash > 0 && int.TryParse(name.AsSpan(0, dash), out var pid) ? pid : (int?)null;
            if (owner is { } id && IsRunning(id))
            {
                continue;
            }
            if (TryDelete(file))
            {
                removed++;
            }
        }
        return removed;
    }

    public static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Another process may hold it; the next start tries again.
            return false;
        }
    }

    private static IEnumerable<string> Candidates()
    {
        var legacy = SafeList(Path.GetTempPath(), "studybot-import-*" + Extension);
        var current = Directory.Exists(Folder) ? SafeList(Folder, "*" + Extension) : [];
        return legacy.Concat(current);
    }

    private static string[] SafeList(string folder, string pattern)
    {
        try
        {
            return Directory.GetFiles(folder, pattern);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
