namespace StudyBot.Testing;

/// <summary>The checkout a test runs from: its root is the folder above the test's binaries that holds StudyBot.sln.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>A path under the root, given by its parts (<c>Repository.Path("docs", "design.md")</c>).</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "StudyBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No StudyBot.sln above the test's folder " + AppContext.BaseDirectory);
    }
}
