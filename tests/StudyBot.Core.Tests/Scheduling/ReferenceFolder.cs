namespace StudyBot.Core.Tests.Scheduling;

/// <summary>Finds a committed reference folder (tests/reference/...) above the test's base directory.</summary>
internal static class ReferenceFolder
{
    public static string Locate(string relativeFolder, string markerFile)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relativeFolder);
            if (File.Exists(Path.Combine(candidate, markerFile)))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException(
            $"{relativeFolder}/{markerFile} was not found above {AppContext.BaseDirectory}; it is committed with the repository.");
    }
}
