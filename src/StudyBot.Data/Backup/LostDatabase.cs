namespace StudyBot.Data.Backup;

/// <summary>
/// At start: a SQLite database file that is missing although files beside it say there was one. The
/// bot would otherwise create an empty database and run on it without a word (every student back to
/// no reviews). The evidence: its -wal, a restore's copy (<c>.partial</c>) or kept database
/// (<c>.before-restore-*</c>), its lock file (left by a bot that was killed), or a file the caller
/// names (the Playground's world file).
/// </summary>
public static class LostDatabase
{
    /// <summary>The files that say <paramref name="databaseFile"/> existed, when it does not; empty when it exists or nothing says so.</summary>
    public static IReadOnlyList<string> Evidence(string databaseFile, IEnumerable<string?> others)
    {
        var file = Path.GetFullPath(databaseFile);
        if (File.Exists(file))
        {
            return [];
        }
        var candidates = new List<string?> { file + "-wal", DatabaseRestore.PartialFor(file), DatabaseLock.PathFor(file) };
        candidates.AddRange(others);
        var found = candidates.Where(c => c is not null && File.Exists(c)).Select(c => c!).ToList();
        if (Path.GetDirectoryName(file) is { } folder && Directory.Exists(folder))
        {
            var kept = Path.GetFileName(DatabaseRestore.KeptPrefixFor(file));
            found.AddRange(Directory.EnumerateFiles(folder, kept + "*")
                .Where(f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal));
        }
        return found;
    }

    /// <summary>One line for the operator: which file is missing, what says it existed, and what to do.</summary>
    public static string Describe(string databaseFile, IReadOnlyList<string> evidence)
    {
        var file = Path.GetFullPath(databaseFile);
        var kept = evidence.LastOrDefault(e => e.StartsWith(DatabaseRestore.KeptPrefixFor(file), StringComparison.Ordinal));
        var restore = kept is null ? "studybot db restore BACKUP" : $"studybot db restore {kept}";
        return $"database: {file} does not exist, but {string.Join(", ", evidence)} {(evidence.Count == 1 ? "says" : "say")} there was one; "
            + $"StudyBot will not start on a new empty database. Put it back ({restore}), or, to start empty on purpose, move {(evidence.Count == 1 ? "that file" : "those files")} away.";
    }
}
