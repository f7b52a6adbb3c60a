using StudyBot.Core.Decks;
using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Tests.Decks;

/// <summary>Loads deck text the way an upload is loaded, for tests that build their input inline.</summary>
internal static class DeckText
{
    public static DeckLoadResult Load(string text, string fileName = "deck.yaml", DeckLimits? limits = null) =>
        new DeckLoader(limits).LoadText(text, fileName);

    /// <summary>The one error whose message contains <paramref name="fragment"/>; fails listing all otherwise.</summary>
    public static DeckDiagnostic Error(this DeckLoadResult result, string fragment)
    {
        var matches = result.Errors.Where(e => e.Message.Contains(fragment, StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count == 1,
            $"expected one error containing '{fragment}', got {matches.Count}:\n{string.Join("\n", result.Diagnostics)}");
        return matches[0];
    }

    public static string Yaml(params string[] lines) => string.Join("\n", lines) + "\n";
}
