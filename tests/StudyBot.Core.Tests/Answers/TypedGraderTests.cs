using StudyBot.Core.Answers;
using StudyBot.Core.Decks;
using StudyBot.Core.Decks.Formats;
using StudyBot.Core.Scheduling;

namespace StudyBot.Core.Tests.Answers;

public class TypedGraderTests
{
    [Theory]
    // Numbers: hedges, percent spellings, thousands separators, number words.
    [InlineData("90%", "about 90%", Rating.Good)]
    [InlineData("90%", "roughly 90%", Rating.Good)]
    [InlineData("90%", "approximately 90 percent", Rating.Good)]
    [InlineData("90%", "around 90 per cent", Rating.Good)]
    [InlineData("90%", "some 90%", Rating.Good)]
    [InlineData("90%", "ninety percent", Rating.Good)]
    [InlineData("90 percent", "90", Rating.Good)]
    [InlineData("90%", "80%", Rating.Again)]
    [InlineData("90%", "91%", Rating.Again)]
    [InlineData("90%", "nineteen percent", Rating.Again)]
    [InlineData("28,500", "28500", Rating.Good)]
    [InlineData("28,500", "28 500", Rating.Good)]
    [InlineData("28,500", "twenty-eight thousand five hundred", Rating.Good)]
    [InlineData("28,500", "28,600", Rating.Again)]
    [InlineData("28,500", "28,50", Rating.Again)]
    [InlineData("1953", "1935", Rating.Again)]
    [InlineData("2.5 million", "2,500,000", Rating.Good)]
    [InlineData("2.5 million", "25 million", Rating.Again)]
    [InlineData("two decades", "20 years", Rating.Good)]
    [InlineData("two decades", "twenty years", Rating.Good)]
    [InlineData("two decades", "20", Rating.Good)]
    [InlineData("two decades", "30 years", Rating.Again)]
    [InlineData("a decade", "10 years", Rating.Good)]
    // Units and trailing qualifiers.
    [InlineData("5,000 miles", "5000", Rating.Good)]
    [InlineData("5,000 miles", "about 5,000", Rating.Good)]
    [InlineData("5,000 miles", "6000", Rating.Again)]
    [InlineData("nine tenths", "nine", Rating.Again)]
    [InlineData("two thirds", "2", Rating.Again)]
    [InlineData("28,500", "28,500 troops", Rating.Good)]
    [InlineData("28,500", "28,600 troops", Rating.Again)]
    [InlineData("September", "September 2017", Rating.Good)]
    [InlineData("September", "October 2017", Rating.Again)]
    [InlineData("Chernobyl", "the Chernobyl disaster", Rating.Good)]
    [InlineData("Chernobyl", "Fukushima disaster", Rating.Again)]
    [InlineData("Korea", "North Korea", Rating.Again)]
    [InlineData("China", "China Russia", Rating.Again)]
    [InlineData("Beijing", "Beijing rather than Washington", Rating.Again)]
    // Aliases.
    [InlineData("the United States", "US", Rating.Good)]
    [InlineData("the United States", "the U.S.", Rating.Good)]
    [InlineData("the United States", "America", Rating.Good)]
    [InlineData("the United States", "USA", Rating.Good)]
    [InlineData("the United States", "United States of America", Rating.Good)]
    [InlineData("the United States", "the United Kingdom", Rating.Again)]
    [InlineData("the United Kingdom", "Britain", Rating.Good)]
    [InlineData("the UK", "United Kingdom", Rating.Good)]
    [InlineData("China", "the PRC", Rating.Good)]
    [InlineData("China", "People's Republic of China", Rating.Good)]
    [InlineData("North Korea", "DPRK", Rating.Good)]
    [InlineData("North Korea", "the ROK", Rating.Again)]
    [InlineData("South Korea", "ROK", Rating.Good)]
    [InlineData("South Korea", "Republic of Korea", Rating.Good)]
    [InlineData("South Korea", "DPRK", Rating.Again)]
    [InlineData("U.S. troops", "American troops", Rating.Hard)]
    [InlineData("U.S. troops", "United States troops", Rating.Good)]
    // Lists in any order.
    [InlineData("nuclear, chemical and biological", "nuclear, biological and chemical", Rating.Good)]
    [InlineData("nuclear, chemical and biological", "biological, nuclear, chemical", Rating.Good)]
    [InlineData("nuclear, chemical and biological", "chemical & biological & nuclear", Rating.Good)]
    [InlineData("nuclear, chemical and biological", "nuclear and chemical", Rating.Again)]
    [InlineData("nuclear, chemical and biological", "nuclear", Rating.Again)]
    [InlineData("nuclear, chemical and biological", "nuclear, chemical and radiological", Rating.Again)]
    [InlineData("nuclear, chemical and biological", "nuclear, chemical, biological and radiological", Rating.Again)]
    [InlineData("Beijing and Washington", "Washington and Beijing", Rating.Good)]
    // Hedging between alternatives and negation.
    [InlineData("China", "China or Russia", Rating.Again)]
    [InlineData("China", "China/Russia or Japan", Rating.Again)]
    [InlineData("Beijing", "Beijing and Washington", Rating.Again)]
    [InlineData("Beijing", "Beijing, Washington", Rating.Again)]
    [InlineData("90%", "90% or 80%", Rating.Again)]
    [InlineData("refugees", "not refugees", Rating.Again)]
    [InlineData("refugees", "no refugees", Rating.Again)]
    [InlineData("a resettlement policy", "it doesn't have a resettlement policy", Rating.Again)]
    [InlineData("no resettlement policy", "no resettlement policy", Rating.Good)]
    // Empty answers.
    [InlineData("China", "", Rating.Again)]
    [InlineData("China", "   ", Rating.Again)]
    [InlineData("China", "?!", Rating.Again)]
    // Typos: by length, never inside numbers.
    [InlineData("Pyongyang", "Pyongyng", Rating.Hard)]
    [InlineData("Chernobyl", "the Chernobil", Rating.Hard)]
    [InlineData("DMZ", "DMC", Rating.Again)]
    [InlineData("Kim Jong Il", "Kim Jong Un", Rating.Again)]
    [InlineData("Kim Jong Il", "Kim Jong Ill", Rating.Hard)]
    [InlineData("Kim Jong Il", "Kimjong Il", Rating.Hard)]
    [InlineData("2017", "2071", Rating.Again)]
    [InlineData("2017", "2018", Rating.Again)]
    [InlineData("September 2017", "Septmber 2017", Rating.Hard)]
    [InlineData("September 2017", "September 2018", Rating.Again)]
    public void Grade_Answer_AsATeacherWould(string expected, string given, Rating rating)
    {
        Assert.Equal(rating, TypedGrader.Grade([expected], given).Rating);
    }

    [Fact]
    public void Grade_ExtraWordsQualify_GoodAndShowsExpectedForm()
    {
        var verdict = TypedGrader.Grade(["5,000 miles"], "5000");

        Assert.Equal(Rating.Good, verdict.Rating);
        Assert.Equal("expected form: 5,000 miles", verdict.Note);
    }

    [Fact]
    public void Grade_ExactVariant_GoodWithoutNote()
    {
        var verdict = TypedGrader.Grade(["Kim Jong Il", "Kim Jong-il"], "kim jong-il");

        Assert.Equal(Rating.Good, verdict.Rating);
        Assert.Null(verdict.Note);
    }

    [Fact]
    public void Grade_ListMissingOne_AgainNamesTheMissingItem()
    {
        var verdict = TypedGrader.Grade(["nuclear, chemical and biological"], "biological, nuclear");

        Assert.Equal(Rating.Again, verdict.Rating);
        Assert.Equal("missing chemical; expected: nuclear, chemical and biological", verdict.Note);
        Assert.Equal(TypedGrader.Rules.ListMissing, verdict.Rule);
    }

    [Fact]
    public void Grade_Typo_HardSaysWhy()
    {
        var verdict = TypedGrader.Grade(["Pyongyang"], "Pyongyan");

        Assert.Equal((Rating.Hard, "Hard because of the spelling: expected Pyongyang"), (verdict.Rating, verdict.Note));
    }

    [Theory]
    [InlineData("China or Russia", "one answer only: \"China or Russia\" offers alternatives; expected: China")]
    [InlineData("China and Russia", "one answer only: \"China and Russia\" names more than one; expected: China")]
    [InlineData("not China", "a negated answer (\"not\") does not count: say what it is, not what it is not; expected: China")]
    [InlineData("", "no answer given; expected: China")]
    [InlineData("Japan", "expected: China")]
    public void Grade_Refused_NoteSaysWhy(string given, string note)
    {
        var verdict = TypedGrader.Grade(["China", "PRC"], given);

        Assert.Equal((Rating.Again, note), (verdict.Rating, verdict.Note));
    }

    [Fact]
    public void Grade_Again_ShowsFirstAnswerOnly()
    {
        var verdict = TypedGrader.Grade(["90 percent", "90%", "ninety"], "50");

        Assert.Equal("expected: 90 percent", verdict.Note);
    }

    [Theory]
    [InlineData("the United States", Rating.Good)]
    [InlineData("US", Rating.Good)]
    [InlineData("America", Rating.Good)]
    [InlineData("the States", Rating.Good)]
    [InlineData("Russia", Rating.Again)]
    public void Check_ClozeWithAlternatives_AcceptsEachAlternative(string given, Rating rating)
    {
        var card = ClozeCard("China has more leverage than {{c1::the United States|the States::which country?}} does.");

        Assert.Equal(rating, AnswerChecker.Check(card, new TypedAnswer(given)).Rating);
    }

    [Fact]
    public void Parse_Alternatives_ShowsFirstAcceptsAll()
    {
        var (deletions, problems) = Cloze.Parse("Talks with {{c1::the United States|US|America::a country}}.");

        Assert.Empty(problems);
        var deletion = Assert.Single(deletions);
        Assert.Equal("the United States", deletion.Answer);
        Assert.Equal(["US", "America"], deletion.Alternatives);
        Assert.Equal("a country", deletion.Hint);
        Assert.Equal("Talks with the United States.", Cloze.Reveal("Talks with {{c1::the United States|US|America::a country}}."));
    }

    [Fact]
    public void Parse_EmptyAlternative_Problem()
    {
        var (deletions, problems) = Cloze.Parse("Talks with {{c1::the United States||US}}.");

        Assert.Empty(deletions);
        Assert.Contains("empty alternative", Assert.Single(problems), StringComparison.Ordinal);
    }

    private static DeckCard ClozeCard(string text)
    {
        var result = Decks.DeckText.Load(Decks.DeckText.Yaml("id: d", "title: D", "cards:", "  - id: n", "    kind: cloze", $"    text: '{text}'"));
        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        return result.Deck!.Cards.Single();
    }
}
