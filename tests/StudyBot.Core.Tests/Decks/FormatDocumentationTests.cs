using System.Text.Json;
using System.Text.RegularExpressions;
using StudyBot.Core.Decks;

namespace StudyBot.Core.Tests.Decks;

/// <summary>decks/README.md and decks/deck.schema.json describe what the loader accepts; these keep them in step.</summary>
public partial class FormatDocumentationTests
{
    private static string DecksFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "decks", "deck.schema.json");
            if (File.Exists(candidate))
            {
                return Path.GetDirectoryName(candidate)!;
            }
        }
        throw new InvalidOperationException("decks/deck.schema.json not found above the test's folder");
    }

    [GeneratedRegex("```yaml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();

    [Fact]
    public void ReadmeExample_IsAValidDeck()
    {
        var readme = File.ReadAllText(Path.Combine(DecksFolder(), "README.md"));
        var example = YamlBlock().Match(readme).Groups[1].Value;

        var result = new DeckLoader().LoadText(example, "README.md");

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Warnings);
        Assert.Equal(["refugee-policy", "troops-count", "summit-place", "neighborhood-quote#c1", "neighborhood-quote#c2", "capital#f", "capital#r"],
            result.Deck!.Cards.Select(c => c.Id));
    }

    [Fact]
    public void Schema_NamesExactlyTheFieldsTheReaderKnows()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(DecksFolder(), "deck.schema.json")));
        var root = schema.RootElement;
        string[] Props(JsonElement e) => e.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order().ToArray();

        Assert.Equal(["$schema", "cards", "description", "id", "source", "title"], Props(root));
        Assert.Equal(["allow_leaks", "answer", "answers", "choices", "explanation", "id", "kind", "note", "prompt", "reversed", "tags", "text"],
            Props(root.GetProperty("$defs").GetProperty("card")));

        // A field the schema allows must not be refused as unknown by the reader.
        var every = "id: d\ntitle: T\n$schema: ./deck.schema.json\ncards:\n  - {id: c, kind: basic, prompt: P, answer: A, explanation: E, tags: [t], reversed: false, note: n, allow_leaks: [c]}\n";
        Assert.True(new DeckLoader().LoadText(every, "d.yaml").IsValid);
    }
}
