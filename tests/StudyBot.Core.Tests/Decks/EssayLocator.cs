namespace StudyBot.Core.Tests.Decks;

/// <summary>
/// Finds the repository and the essay the decks are made from. The essay is not part of the
/// repository: it sits in a <c>shared/seed</c> folder beside one of the repository's ancestors.
/// </summary>
internal static class EssayLocator
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The essay's path, or null when no ancestor has <c>shared/seed/essay.txt</c>.</summary>
    public static string? EssayPath { get; } = FindEssay();

    public static IReadOnlyList<string> DeckFiles() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot, "decks"), "*.yaml").Order(StringComparer.Ordinal).ToList();

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StudyBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No StudyBot.sln above {AppContext.BaseDirectory}.");
    }

    private static string? FindEssay()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "seed", "essay.txt");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
