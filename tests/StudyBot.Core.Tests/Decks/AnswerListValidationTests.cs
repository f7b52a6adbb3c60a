using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Tests.Decks;

/// <summary>Warnings about accepted answers that would grade unfairly, each way: warned, and a fair list not warned.</summary>
public class AnswerListValidationTests
{
    [Theory]
    [InlineData("[evaporation, condensation and precipitation]", "look like one answer split at its commas")]
    [InlineData("[Lewis, Clark & Sacagawea]", "look like one answer split at its commas")]
    [InlineData("[global, global smugglers]", "is the bare first word of 'global smugglers'")]
    [InlineData("[nuclear, nuclear weapons, atomic weapons]", "is the bare first word of 'nuclear weapons'")]
    public void Load_UnfairAnswerList_Warns(string answers, string warning)
    {
        var result = Load(answers);

        Assert.True(result.IsValid);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("t", diagnostic.CardId);
        Assert.Contains(warning, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[\"evaporation, condensation and precipitation\"]")]
    [InlineData("[salt and pepper, pepper and salt]")]
    [InlineData("[Xi Jinping, Xi]")]
    [InlineData("[Seoul, \"Seoul, South Korea\"]")]
    [InlineData("[rust belt, rust-belt]")]
    [InlineData("[Lewis and Clark, the Corps of Discovery]")]
    public void Load_FairAnswerList_NoWarning(string answers)
    {
        var result = Load(answers);

        Assert.True(result.IsValid);
        Assert.Empty(result.Diagnostics);
    }

    private static DeckLoadResult Load(string answers)
        => DeckText.Load(DeckText.Yaml("id: d", "title: T", "cards:", "  - id: t", "    kind: typed", "    prompt: Q?", $"    answers: {answers}"));
}
