using StudyBot.Core.Answers;
using StudyBot.Core.Scheduling;

namespace StudyBot.Core.Tests.Answers;

/// <summary>
/// The rules that keep fair answers nobody wrote down from being refused, each both ways: the fair answer passes
/// (and the rule that decided is named), a wrong answer of the same shape is still refused.
/// </summary>
public class FairGradingRulesTests
{
    [Theory]
    // A slip together with a digit, an abbreviation or a number format.
    [InlineData("three centuries", "3 centurys", Rating.Hard)]
    [InlineData("three centuries", "4 centuries", Rating.Again)]
    [InlineData("12,000", "12.000", Rating.Good)]
    [InlineData("12,000 soldiers", "12.000 soldiers", Rating.Good)]
    [InlineData("12,000", "13.000", Rating.Again)]
    [InlineData("12,000", "12.500", Rating.Again)]
    [InlineData("1,500,000", "1.500.000", Rating.Good)]
    // An apostrophe-less or spelled-out contraction.
    [InlineData("won't", "wont", Rating.Good)]
    [InlineData("won't", "will not", Rating.Good)]
    [InlineData("did not sign", "didnt sign", Rating.Good)]
    [InlineData("did not sign", "didn't sign", Rating.Good)]
    [InlineData("didn't sign", "did not sign", Rating.Good)]
    [InlineData("did not sign", "did sign", Rating.Again)]
    [InlineData("will not", "will", Rating.Again)]
    public void SpellingAfterNormalisation_BothWays(string expected, string given, Rating rating)
        => Assert.Equal(rating, TypedGrader.Grade([expected], given).Rating);

    [Theory]
    // A one-letter slip in a name that spells a rarer English word is the name misspelled.
    [InlineData("the United Kingdom", "the Untied Kingdom", Rating.Hard)]
    [InlineData("China", "Chine", Rating.Hard)]
    [InlineData("France", "Frence", Rating.Hard)]
    [InlineData("Marie Curie", "Marie Curle", Rating.Hard)]
    [InlineData("Spain", "Spane", Rating.Hard)]
    [InlineData("Spain", "Spine", Rating.Again)]
    [InlineData("the Great Lakes", "the Grate Lakes", Rating.Again)]
    [InlineData("Nigeria", "Niger", Rating.Again)]
    // Another name, number, direction or prefix is refused.
    [InlineData("Iran", "Iraq", Rating.Again)]
    [InlineData("Austria", "Australia", Rating.Again)]
    [InlineData("the United Kingdom", "the United States", Rating.Again)]
    [InlineData("north-western", "northeastern", Rating.Again)]
    [InlineData("southwestern", "south-eastern", Rating.Again)]
    [InlineData("legal", "illegal", Rating.Again)]
    [InlineData("eastern Europe", "western Europe", Rating.Again)]
    [InlineData("import", "export", Rating.Again)]
    public void RealWordGuard_RefusesOnlyAChangedMeaning(string expected, string given, Rating rating)
        => Assert.Equal(rating, TypedGrader.Grade([expected], given).Rating);

    [Theory]
    // A slip after the other rules, a doubled letter or a letter in a name, a linking word left out, a stem's other form,
    // a stand-in for a place: Hard, each named; a wrong answer of the same shape refused.
    [InlineData("four centuries", "4 centurys", Rating.Hard, "plural+typo")]
    [InlineData("the 1960s", "the sixtys", Rating.Hard, "decade+typo")]
    [InlineData("the 1960s", "the fiftys", Rating.Again, "wrong")]
    [InlineData("a lot to lose", "a lot to loose", Rating.Hard, "typo")]
    [InlineData("a lot to lose", "a lot to lost", Rating.Hard, "typo")]
    [InlineData("the United States Navy", "the United Sates Navy", Rating.Hard, "typo")]
    [InlineData("a country of their own", "a county of their own", Rating.Hard, "typo")]
    [InlineData("the upper atmosphere", "the lower atmosphere", Rating.Again, "other-word")]
    [InlineData("Xi Jinping", "Jinping Xi", Rating.Hard, "name-order")]
    [InlineData("the Yangtze", "the Yangtze River", Rating.Hard, "place-kind+exact")]
    [InlineData("Kansas", "Kansas City", Rating.Again, "wrong")]
    [InlineData("unarmed", "non-armed", Rating.Hard, "privative+exact")]
    [InlineData("nuclear", "non-nuclear", Rating.Again, "negation")]
    [InlineData("people living in cities", "people who live in cities", Rating.Good, "relative-clause")]
    [InlineData("farm machinery", "farm machines", Rating.Hard, "word-ending")]
    [InlineData("the rule of law", "the rule law", Rating.Hard, "dropped-word")]
    [InlineData("the rule of law", "the rule of war", Rating.Again, "other-word")]
    [InlineData("restrain the army", "restraint the army", Rating.Hard, "word-ending")]
    [InlineData("deservedly", "deservingly", Rating.Hard, "word-ending")]
    [InlineData("state", "statement", Rating.Again, "wrong")]
    [InlineData("Thailand", "Siam", Rating.Hard, "old-name+exact")]
    [InlineData("Thailand", "Ceylon", Rating.Again, "wrong")]
    [InlineData("talks with Tokyo", "talks with Abe", Rating.Hard, "leader+capital")]
    [InlineData("the United States", "the Americans", Rating.Hard, "people+exact")]
    [InlineData("the United States", "the Germans", Rating.Again, "wrong")]
    public void SlipsAndStandIns_AreHardAndNamed(string expected, string given, Rating rating, string rule)
    {
        var verdict = TypedGrader.Grade([expected], given);

        Assert.Equal((rating, rule), (verdict.Rating, verdict.Rule));
    }

    [Fact]
    public void NameSlip_IsNamedInTheVerdict()
    {
        var verdict = TypedGrader.Grade(["the United Kingdom"], "Untied Kingdom");

        Assert.Equal(Rating.Hard, verdict.Rating);
        Assert.Equal(NameSlips.Rule, verdict.Rule);
        Assert.Contains("the United Kingdom", verdict.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void NameSlip_NotWhenTheDeckKnowsTheOtherNameOrAConsonantChanges()
    {
        // "Untied" is a name the card writes: the one for the other is another answer.
        Assert.False(NameSlips.IsSlip(["the United Kingdom"], "the Untied Kingdom", "Which country did the firm Untied Ltd serve?"));
        Assert.True(NameSlips.IsSlip(["the United Kingdom"], "the Untied Kingdom", "Which country did the firm serve?"));
        // Another consonant makes another word: "the Gold War" is not "the Cold War" misspelled.
        Assert.Equal(Rating.Again, TypedGrader.Grade(["the Cold War"], "the Gold War").Rating);
        Assert.Equal(Rating.Again, TypedGrader.Grade(["the Hundred Years' War"], "the Hundred Tears' War").Rating);
    }

    [Theory]
    // Words of the card's own sentence next to the blank, added or left to the card.
    [InlineData("more leverage", "far more leverage", "China has far [...] over Pyongyang.", Rating.Good)]
    [InlineData("far more leverage", "more leverage", "China has far [...] over Pyongyang.", Rating.Good)]
    [InlineData("far more leverage", "less leverage", "China has far [...] over Pyongyang.", Rating.Again)]
    [InlineData("photosynthesis", "photosynthesis in the leaves", "Plants make sugar by [...] in the leaves.", Rating.Good)]
    [InlineData("photosynthesis", "respiration in the leaves", "Plants make sugar by [...] in the leaves.", Rating.Again)]
    [InlineData("the Nile", "the Nile river", "Egypt grew along the [...] river.", Rating.Good)]
    public void CardWords_NextToTheBlank(string expected, string given, string card, Rating rating)
        => Assert.Equal(rating, TypedGrader.Grade([expected], given, card).Rating);

    [Fact]
    public void CardWords_TheOtherAnswersWordGuardDoesNotFireOnTheCardsWord()
    {
        // "the U.S. alliance" is accepted and has its own word before "alliance"; "military" is the card's word.
        string[] accepted = ["alliance", "the U.S. alliance"];
        var verdict = TypedGrader.Grade(accepted, "military alliance", "Seoul relies on its military [...] with Washington.");
        Assert.Equal(Rating.Good, verdict.Rating);
        Assert.Equal(Rating.Again, TypedGrader.Grade(accepted, "Chinese alliance", "Seoul relies on its military [...] with Washington.").Rating);
    }

    [Theory]
    [InlineData("Paris", "Paris (France's capital)", Rating.Good)]
    [InlineData("Paris", "Lyon (France's capital)", Rating.Again)]
    [InlineData("Paris", "Paris (or Lyon)", Rating.Again)]
    [InlineData("mitochondria", "mitochondria (the powerhouse of the cell)", Rating.Good)]
    [InlineData("France", "the France government", Rating.Good)]
    [InlineData("France", "the government of France", Rating.Good)]
    [InlineData("France", "the Spanish government", Rating.Again)]
    [InlineData("Japan", "the Japanese state", Rating.Hard)]
    [InlineData("Japan", "the Korean state", Rating.Again)]
    public void BracketsAndGovernments(string expected, string given, Rating rating)
        => Assert.Equal(rating, TypedGrader.Grade([expected], given).Rating);

    [Theory]
    [InlineData("iron, copper and tin", "iron/copper/tin", Rating.Good)]
    [InlineData("iron, copper and tin", "tin copper iron", Rating.Good)]
    [InlineData("iron, copper and tin", "iron & tin & copper", Rating.Good)]
    [InlineData("iron, copper and tin", "iron copper gold", Rating.Again)]
    [InlineData("Spain, Portugal and France", "Portugal Spain France", Rating.Good)]
    [InlineData("Spain, Portugal and France", "Portugal/Spain/Italy", Rating.Again)]
    [InlineData("carbon dioxide and water", "water carbon dioxide", Rating.Good)]
    public void Lists_SplitOnSlashesAndSpaces(string expected, string given, Rating rating)
        => Assert.Equal(rating, TypedGrader.Grade([expected], given).Rating);

    [Fact]
    public void Lists_NeverMissingAnItemTheAnswerHas()
    {
        var verdict = TypedGrader.Grade(["iron, copper and tin"], "iron, copper tin");
        Assert.Equal(Rating.Good, verdict.Rating);
        Assert.DoesNotContain("missing", verdict.Note ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_AMissingItemIsNeverOneTheAnswerNames()
    {
        // "tin" is there, read as qualifying "copper": the note does not claim tin is missing.
        var verdict = TypedGrader.Grade(["iron, copper and tin"], "iron, copper with tin");
        Assert.Equal(Rating.Again, verdict.Rating);
        Assert.DoesNotContain("missing", verdict.Note ?? "", StringComparison.Ordinal);
        Assert.Contains("missing tin", TypedGrader.Grade(["iron, copper and tin"], "iron and copper").Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("deference for the Roman laws", Rating.Good)]
    [InlineData("deference to the Roman laws", Rating.Again)]
    [InlineData("contempt for the Roman laws", Rating.Again)]
    public void Parts_LearnedFromTheCardsOwnAnswers(string given, Rating rating)
    {
        string[] accepted = ["respect for Rome's laws", "deference for Rome's laws", "respect for the Roman laws"];
        var verdict = TypedGrader.Grade(accepted, given);
        Assert.Equal(rating, verdict.Rating);
        if (rating == Rating.Good)
        {
            Assert.StartsWith(AnswerParts.Rule, verdict.Rule, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("increase imports")]
    [InlineData("reduce exports")]
    public void Parts_TwoSlotsTeachNothing(string given)
        => Assert.Equal(Rating.Again, TypedGrader.Grade(["increase exports", "reduce imports"], given).Rating);

    [Theory]
    [InlineData("the North", "North Korea", Rating.Good)]
    [InlineData("the North's nuclear tests", "North Korea's nuclear tests", Rating.Good)]
    [InlineData("the South", "North Korea", Rating.Again)]
    [InlineData("the North", "North Carolina", Rating.Again)]
    public void DividedCountry_TheNorthForTheCountryTheCardNames(string given, string expected, Rating rating)
        => Assert.Equal(rating, TypedGrader.Grade([expected], given, "Which country tested a bomb in 2017, to the alarm of South Korea?").Rating);

    [Theory]
    [InlineData("New South Wales", "South Wales", Rating.Again)]
    [InlineData("equatorial guinea", "Guinea", Rating.Again)]
    [InlineData("Imperial Japan", "Japan", Rating.Again)]
    [InlineData("imperial Japan", "Japan", Rating.Good)]
    [InlineData("the korean peninsula", "the peninsula", Rating.Good)]
    public void Modifier_NeverAWordOfAName(string given, string expected, Rating rating)
    {
        var verdict = TypedGrader.Grade([expected], given);
        Assert.Equal(rating, verdict.Rating);
        Assert.Equal(rating == Rating.Good, verdict.Rule == "modifier");
    }
}
