using System.Globalization;
using StudyBot.Core.Decks.Formats.Yaml;
using StudyBot.Core.Decks.Generation;
using StudyBot.Core.Decks.Validation;
using Xunit.Abstractions;

namespace StudyBot.Core.Tests.Decks.Generation;

/// <summary>
/// The drafts of three openly licensed teaching texts and of the essay, each card reviewed by hand
/// as an instructor would (Reviews/*.md: usable / edit / unusable, with the reason). The test
/// prints the shares and keeps them from falling: at least 60% usable as is and at most 15%
/// unusable per text, and on the essay at least three usable cards for each of its three themes.
/// A draft that changes must be re-reviewed: the committed draft is compared with a fresh one
/// (set STUDYBOT_UPDATE_DRAFTS=1 to rewrite the drafts, then review the cards that changed).
/// </summary>
public class DraftReviewTests(ITestOutputHelper output)
{
    private static readonly string _folder = Path.Combine(AppContext.BaseDirectory, "Decks", "Generation");

    public static TheoryData<string> Texts => new() { "photosynthesis", "roman-empire", "cold-war" };

    [Theory]
    [MemberData(nameof(Texts))]
    public void TeachingText_DraftIsReviewed_AndSharesHold(string name) =>
        Check(name, File.ReadAllText(Path.Combine(_folder, "Texts", name + ".md")), name + ".md");

    [EssayFact]
    public void Essay_DraftIsReviewed_SharesHold_AndEachThemeHasThreeUsableCards()
    {
        var reviews = Check("essay", File.ReadAllText(EssayLocator.EssayPath!), "essay.txt");

        foreach (var theme in new[] { "collapse", "costs", "levers" })
        {
            var usable = reviews.Count(r => r.Theme == theme && r.Verdict == "usable");
            output.WriteLine($"essay theme {theme}: {usable} usable cards");
            Assert.True(usable >= 3, $"the essay's theme '{theme}' has {usable} usable cards; at least 3 are needed");
        }
    }

    private List<Review> Check(string name, string text, string source)
    {
        var generated = DeckGenerator.Generate(text, new GeneratorOptions { DeckId = name, Source = source });
        var validated = DeckValidator.Validate(generated.Draft, new DiagnosticBag(source));
        Assert.True(validated.IsValid, string.Join("\n", validated.Diagnostics));
        var yaml = YamlDeckWriter.Write(validated.Deck!, $"Draft generated from {source}; every card is reviewed in ../Reviews/{name}.md.");
        var committed = Path.Combine(_folder, "Drafts", name + ".yaml");
        if (Environment.GetEnvironmentVariable("STUDYBOT_UPDATE_DRAFTS") == "1")
        {
            File.WriteAllText(Path.Combine(EssayLocator.RepositoryRoot, "tests", "StudyBot.Core.Tests", "Decks", "Generation", "Drafts", name + ".yaml"), yaml);
        }
        else
        {
            Assert.True(File.Exists(committed) && File.ReadAllText(committed) == yaml,
                $"Drafts/{name}.yaml differs from what the generator drafts now: rewrite it (STUDYBOT_UPDATE_DRAFTS=1) and review the changed cards in Reviews/{name}.md.");
        }

        var reviews = ReadReviews(Path.Combine(_folder, "Reviews", name + ".md"));
        var ids = generated.Draft.Notes.Select(n => n.Id!).ToList();
        var missing = ids.Where(id => !reviews.Any(r => r.Id == id)).ToList();
        Assert.True(missing.Count == 0, $"Reviews/{name}.md has no verdict for: {string.Join(", ", missing)}");
        var stale = reviews.Where(r => !ids.Contains(r.Id)).Select(r => r.Id).ToList();
        Assert.True(stale.Count == 0, $"Reviews/{name}.md reviews cards the draft no longer has: {string.Join(", ", stale)}");

        double Share(string verdict) => reviews.Count(r => r.Verdict == verdict) / (double)reviews.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {reviews.Count} cards from {generated.Words} words; usable as is {Share("usable"):P0}, after a small edit {Share("edit"):P0}, unusable {Share("unusable"):P0}"));
        Assert.True(Share("usable") >= 0.60, $"{name}: only {Share("usable"):P0} of the cards are usable as is (at least 60% expected)");
        Assert.True(Share("unusable") <= 0.15, $"{name}: {Share("unusable"):P0} of the cards are unusable (at most 15% allowed)");
        return reviews;
    }

    private sealed record Review(string Id, string Verdict, string Theme, string Reason);

    /// <summary>Rows of the review table: | card | verdict | theme | reason |.</summary>
    private static List<Review> ReadReviews(string path)
    {
        var reviews = new List<Review>();
        foreach (var line in File.ReadLines(path).Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            Assert.True(cells.Length == 4, $"{Path.GetFileName(path)}: '{line}' needs four cells: card, verdict, theme, reason");
            Assert.Contains(cells[1], new[] { "usable", "edit", "unusable" });
            Assert.False(cells[1] != "usable" && cells[3].Length == 0, $"{Path.GetFileName(path)}: {cells[0]} needs a reason");
            reviews.Add(new Review(cells[0].Trim('`'), cells[1], cells[2], cells[3]));
        }
        return reviews;
    }
}
