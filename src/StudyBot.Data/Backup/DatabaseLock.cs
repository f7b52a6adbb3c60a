namespace StudyBot.Data.Backup;

/// <summary>
/// An operating-system lock on "DATABASE.lock" that a running bot holds for its lifetime, so that a
/// restore (or a second bot) can tell the database is in use. The lock goes with the process: a
/// crashed bot leaves nothing held.
/// </summary>
public sealed class DatabaseLock : IDisposable
{
    private readonly FileStream _stream;

    private DatabaseLock(FileStream stream) => _stream = stream;

    public static string PathFor(string databaseFile) => Path.GetFullPath(databaseFile) + ".lock";

    /// <summary>Takes the lock, or returns null when another holder has it.</summary>
    public static DatabaseLock? TryAcquire(string databaseFile)
    {
        try
        {
            return new DatabaseLock(new FileStream(PathFor(databaseFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
