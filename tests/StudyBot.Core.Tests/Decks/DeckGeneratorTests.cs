using StudyBot.Core.Decks;
using StudyBot.Core.Decks.Generation;
using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Tests.Decks;

public class DeckGeneratorTests
{
    private static readonly string _sample = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Decks", "Samples", "erie-canal.md"));

    private static readonly Lazy<GenerationResult> _generated = new(() => DeckGenerator.Generate(_sample, new GeneratorOptions { DeckId = "erie-canal", Source = "erie-canal.md" }));

    private static GenerationResult Generate() => _generated.Value;

    private static Deck Validated(GenerationResult generated)
    {
        var result = DeckValidator.Validate(generated.Draft, new DiagnosticBag("erie-canal.md"));
        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        return result.Deck!;
    }

    [Fact]
    public void Generate_Boilerplate_MakesNoCardAndIsReportedAsDropped()
    {
        var generated = Generate();
        var deck = Validated(generated);

        string[] boilerplate = ["cookies", "REUTERS", "Related Articles", "railroads that followed", "Ten facts", "Offer ends", "Subscribe", "Share this"];
        foreach (var fragment in boilerplate)
        {
            Assert.DoesNotContain(deck.Cards, c => c.Prompt.Contains(fragment) || (c.Explanation ?? "").Contains(fragment) || c.Choices.Any(ch => ch.Text.Contains(fragment)));
        }
        Assert.Contains(generated.Dropped, d => d.Text.Contains("via REUTERS"));
        Assert.Contains(generated.Dropped, d => d.Text.StartsWith("Accept all cookies", StringComparison.Ordinal));
        Assert.Contains(generated.Dropped, d => d.Text.StartsWith("Offer ends in 2 days", StringComparison.Ordinal));
        Assert.Equal("How the Erie Canal Remade New York", deck.Title);
    }

    [Fact]
    public void Generate_EveryCard_QuotesItsSentence()
    {
        var deck = Validated(Generate());

        Assert.All(deck.Cards, c => Assert.Matches("^\".+\"$", c.Explanation!));
        Assert.All(deck.Cards, c => Assert.Contains("generated", c.Tags));
    }

    [Fact]
    public void Generate_OutputWrittenAsYaml_LoadsBackAsValidDeck()
    {
        var deck = Validated(Generate());

        var reloaded = new DeckLoader().LoadText(StudyBot.Core.Decks.Formats.Yaml.YamlDeckWriter.Write(deck), "erie-canal.yaml");

        Assert.True(reloaded.IsValid, string.Join("\n", reloaded.Diagnostics));
        ExportRoundTripTests.AssertSameDeck(deck, reloaded.Deck!);
    }

    [Theory]
    [InlineData("Photo: Jane Doe/Getty Images")]
    [InlineData("KCNA via REUTERS")]
    [InlineData("We use cookies to personalise content. Accept all")]
    [InlineData("Related Stories")]
    [InlineData("Read more: the summit in pictures")]
    [InlineData("00:14:59")]
    [InlineData("3 days 4 hours left")]
    [InlineData("Sign up for our newsletter")]
    [InlineData("Advertisement")]
    [InlineData("This site uses cookies to improve your user experience. Click here to learn more.")]
    [InlineData("Close We are offering free and open access for a short period of time. Read more about why we are doing this.")]
    [InlineData("Hrs")]
    [InlineData("Continue")]
    public void IsBoilerplate_WebChrome_IsRecognised(string line) => Assert.True(Boilerplate.IsBoilerplate(line));

    [Theory]
    [InlineData("China accounts for about 90 percent of North Korea's trade.")]
    [InlineData("The photographers waited in the rain for the summit to begin.")]
    [InlineData("Related policies in Seoul changed after 1998.")]
    [InlineData("Hours of talks in Singapore produced a short statement.")]
    [InlineData("The talks could continue in Seoul.")]
    public void IsBoilerplate_Prose_IsKept(string line) => Assert.False(Boilerplate.IsBoilerplate(line));
}
