using StudyBot.Core.Answers;
using StudyBot.Core.Scheduling;

namespace StudyBot.Core.Tests.Answers;

/// <summary>Each grading rule both ways: the fair form accepted (and named), a wrong answer of the same shape refused.</summary>
public class GradingRulesTests
{
    [Theory]
    // A slip that is no English word is a typo; a real word for another real word is another answer.
    [InlineData("legitimate", "legitimite", Rating.Hard, "typo")]
    [InlineData("legitimate", "illegitimate", Rating.Again, "other-word")]
    [InlineData("proper", "improper", Rating.Again, "wrong")]
    [InlineData("northern", "southern", Rating.Again, "other-word")]
    [InlineData("northern", "nothern", Rating.Hard, "typo")]
    [InlineData("inbound flights", "outbound flights", Rating.Again, "other-word")]
    [InlineData("ascend", "descend", Rating.Again, "wrong")]
    [InlineData("ascend", "assend", Rating.Hard, "typo")]
    [InlineData("upward", "downward", Rating.Again, "wrong")]
    [InlineData("convex", "concave", Rating.Again, "wrong")]
    [InlineData("infer", "defer", Rating.Again, "wrong")]
    [InlineData("exothermic", "endothermic", Rating.Again, "other-word")]
    [InlineData("exothermic", "exotermic", Rating.Hard, "typo")]
    [InlineData("literate", "illiterate", Rating.Again, "other-word")]
    [InlineData("Hungary", "Hungry", Rating.Hard, "typo")]
    [InlineData("Iran", "Iraq", Rating.Again, "other-word")]
    [InlineData("Hungary", "Hungery", Rating.Hard, "typo")]
    public void Typo_OnlyWhenNoOtherWord(string expected, string given, Rating rating, string rule)
        => AssertGrade([expected], given, rating, rule);

    [Theory]
    [InlineData("Grant", "Grant Shapps", Rating.Again)]
    [InlineData("Kennedy", "Kennedy Onassis", Rating.Again)]
    [InlineData("Elizabeth", "Elizabeth II", Rating.Again)]
    [InlineData("Jefferson", "Jefferson Davis", Rating.Again)]
    [InlineData("Jefferson", "Jefferson Memorial", Rating.Again)]
    [InlineData("Jefferson", "JEFFERSON", Rating.Good)]
    [InlineData("Jefferson", "jefferson himself", Rating.Good)]
    [InlineData("Gandhi", "Gandi", Rating.Hard)]
    [InlineData("Bismarck", "Bismark", Rating.Hard)]
    [InlineData("Gandhi", "Indira", Rating.Again)]
    public void Names_OtherNameAfterShortForm_IsAnotherPerson_SlipIsHard(string expected, string given, Rating rating)
        => Assert.Equal(rating, TypedGrader.Grade([expected], given).Rating);

    [Fact]
    public void Names_ChangedShortPartAgainstEveryVariant_IsAnotherName()
    {
        var verdict = TypedGrader.Grade(["Kim Jong Il", "Kim Jongil"], "Kim Jong Ik");

        Assert.Equal(Rating.Again, verdict.Rating);
    }

    [Fact]
    public void Names_NoteShowsTheCardsFirstAnswer()
    {
        var verdict = TypedGrader.Grade(["Otto von Bismarck", "Bismarck"], "Bismark");

        Assert.Equal(Rating.Hard, verdict.Rating);
        Assert.Equal("Hard because of the spelling: expected Otto von Bismarck", verdict.Note);
    }

    [Theory]
    [InlineData("glucose", "I'm pretty sure it's glucose", Rating.Good, "filler")]
    [InlineData("glucose", "the answer is glucose", Rating.Good, "filler")]
    [InlineData("glucose", "glucose, I believe", Rating.Good, "filler")]
    [InlineData("glucose", "it was glucose", Rating.Good, "filler")]
    [InlineData("glucose", "I think it's fructose", Rating.Again, "wrong")]
    [InlineData("glucose", "I think it's not glucose", Rating.Again, "negation")]
    public void Filler_AroundTheAnswer(string expected, string given, Rating rating, string rule)
        => AssertGrade([expected], given, rating, rule);

    [Theory]
    [InlineData("Charles de Gaulle", "General de Gaulle", Rating.Again)]
    [InlineData("de Gaulle", "General de Gaulle", Rating.Good)]
    [InlineData("Bolivar", "Senator Bolivar", Rating.Good)]
    [InlineData("Thatcher", "Prime Minister Thatcher", Rating.Good)]
    [InlineData("Thatcher", "Prime Minister Major", Rating.Again)]
    [InlineData("Mandela", "South African President Mandela", Rating.Good)]
    public void Title_BeforeTheName(string expected, string given, Rating rating)
        => Assert.Equal(rating, TypedGrader.Grade([expected], given).Rating);

    [Theory]
    [InlineData("cut spending", "cut its spending", Rating.Good, "article")]
    [InlineData("protect workers", "protect their workers", Rating.Good, "article")]
    [InlineData("protect workers", "protect their farmers", Rating.Again, "wrong")]
    [InlineData("set up a colony", "set a colony up", Rating.Good, "phrasal-verb")]
    [InlineData("set up a colony", "set a colony down", Rating.Again, "wrong")]
    [InlineData("pay off debts", "pay the debts off", Rating.Good, "phrasal-verb")]
    public void ArticleAndPhrasalVerb(string expected, string given, Rating rating, string rule)
        => AssertGrade([expected], given, rating, rule);

    [Theory]
    [InlineData("harbour", "harbor", Rating.Good, "spelling")]
    [InlineData("realise", "realize", Rating.Good, "spelling")]
    [InlineData("offence", "offense", Rating.Good, "spelling")]
    [InlineData("homeward", "homewards", Rating.Good, "spelling")]
    [InlineData("cancelled", "canceled", Rating.Good, "spelling")]
    [InlineData("theatre", "theater", Rating.Good, "spelling")]
    [InlineData("four", "for", Rating.Again, "wrong")]
    [InlineData("tilled", "tiled", Rating.Again, "other-word")]
    [InlineData("resents being blamed", "resented being blamed", Rating.Hard, "word-ending")]
    [InlineData("resents being blamed", "resents being praised", Rating.Again, "other-word")]
    [InlineData("province", "provinces", Rating.Good, "plural")]
    [InlineData("colony", "colonies", Rating.Good, "plural")]
    [InlineData("colony", "colonel", Rating.Again, "wrong")]
    [InlineData("bookkeeping", "book-keeping", Rating.Good, "compound")]
    [InlineData("bookkeeping", "book keeping", Rating.Good, "compound")]
    [InlineData("ice age", "iceage", Rating.Good, "compound")]
    [InlineData("Southeast Asian", "south-east Asian", Rating.Good, "compound")]
    [InlineData("Martin Luther King", "Martinluther King", Rating.Hard, "typo")]
    [InlineData("ice age", "stone age", Rating.Again, "wrong")]
    public void SpellingNumberCompound(string expected, string given, Rating rating, string rule)
        => AssertGrade([expected], given, rating, rule);

    [Theory]
    [InlineData("the 1950s", "the fifties", Rating.Good, "decade")]
    [InlineData("the 1950s", "'50s", Rating.Good, "decade")]
    [InlineData("the 1950s", "nineteen fifties", Rating.Good, "decade")]
    [InlineData("the 1950s", "the forties", Rating.Again, "wrong")]
    [InlineData("45,000", "45k", Rating.Good, "number")]
    [InlineData("45,000", "4.5k", Rating.Again, "wrong")]
    [InlineData("12 percent", "12 pc", Rating.Good, "abbreviation")]
    [InlineData("12 years", "12 yrs", Rating.Good, "abbreviation")]
    [InlineData("12 years", "21 yrs", Rating.Again, "wrong")]
    [InlineData("400 km", "400 kilometres", Rating.Good, "abbreviation")]
    [InlineData("400 miles", "400 mi", Rating.Good, "abbreviation")]
    [InlineData("400 miles", "400 km", Rating.Again, "wrong")]
    [InlineData("December", "Dec", Rating.Good, "abbreviation")]
    [InlineData("December", "Nov", Rating.Again, "wrong")]
    [InlineData("southwest", "SW", Rating.Good, "direction")]
    [InlineData("southwest", "SE", Rating.Again, "other-word")]
    [InlineData("North Africa", "N. Africa", Rating.Good, "direction")]
    [InlineData("North Africa", "W. Africa", Rating.Again, "wrong")]
    public void ShortForms(string expected, string given, Rating rating, string rule)
        => AssertGrade([expected], given, rating, rule);

    [Theory]
    [InlineData("The siege lasted more than [a number] days.", "over 100", Rating.Good)]
    [InlineData("The siege lasted more than [a number] days.", "more than 100", Rating.Good)]
    [InlineData("The siege lasted [a number] days.", "more than 100", Rating.Again)]
    [InlineData("The siege lasted more than [a number] days.", "over 1000", Rating.Again)]
    public void MoreThan_OnlyWhereTheCardSaysIt(string cardText, string given, Rating rating)
        => Assert.Equal(rating, TypedGrader.Grade(["100"], given, cardText).Rating);

    [Theory]
    [InlineData("Germany", "Berlin", Rating.Hard)]
    [InlineData("Germany", "Bonn", Rating.Again)]
    [InlineData("Germany", "Vienna", Rating.Again)]
    [InlineData("Moscow", "Russia", Rating.Hard)]
    public void Capital_ForItsGovernment_Hard(string expected, string given, Rating rating)
    {
        var verdict = TypedGrader.Grade([expected], given);

        Assert.Equal(rating, verdict.Rating);
        Assert.Equal(rating == Rating.Hard ? "capital" : "wrong", verdict.Rule);
    }

    [Theory]
    [InlineData("Chinese", "China's", Rating.Good)]
    [InlineData("Chinese", "China", Rating.Hard)]
    [InlineData("Chinese", "Japanese", Rating.Again)]
    [InlineData("Chinese", "Japan's", Rating.Again)]
    [InlineData("Japan", "Japanese", Rating.Hard)]
    [InlineData("Russian", "Russia's", Rating.Good)]
    public void Nationality_CountryForItsAdjective(string expected, string given, Rating rating)
        => Assert.Equal(rating, TypedGrader.Grade([expected], given).Rating);

    [Theory]
    // Added words that put another unit, number, direction or prefix where a fuller accepted answer has its own: refused.
    [InlineData("decay | decay for 30 years", "decay for 30 minutes", Rating.Again)]
    [InlineData("decay | decay for 30 years", "decay for 40 years", Rating.Again)]
    [InlineData("decay | decay for 30 years", "decay for 30 years", Rating.Good)]
    [InlineData("decay | decay for 30 years", "decay for thirty yrs", Rating.Good)]
    [InlineData("decay | decay for 30 years", "decay slowly", Rating.Good)]
    [InlineData("orbit | orbit every 27 days", "orbit every 27 hours", Rating.Again)]
    [InlineData("orbit | orbit every 27 days", "orbit every 28 days", Rating.Again)]
    [InlineData("boil | boil at 100 degrees", "boil at 90 degrees", Rating.Again)]
    [InlineData("migrated | migrated northward", "migrated southward", Rating.Again)]
    [InlineData("migrated | migrated northward", "migrated north", Rating.Good)]
    [InlineData("retreat | retreat to the eastern bank", "retreat to the western bank", Rating.Again)]
    [InlineData("trade | legal trade", "illegal trade", Rating.Again)]
    [InlineData("the siege | the siege of 1683", "the siege of 1529", Rating.Again)]
    [InlineData("the siege | the siege of 1683", "the long siege", Rating.Good)]
    public void Qualified_AddedWordContradictingAFullerAnswer_Refused(string accepted, string given, Rating rating)
        => Assert.Equal(rating, TypedGrader.Grade(accepted.Split(" | "), given).Rating);

    [Theory]
    // A word that sounds like the card's word inside a phrase is a spelling slip (Hard); alone, or in a name, it is another word.
    [InlineData("rein in the barons", "reign in the barons", Rating.Hard, "homophone")]
    [InlineData("the principal cause", "the principle cause", Rating.Hard, "homophone")]
    [InlineData("a peace treaty", "a piece treaty", Rating.Hard, "homophone")]
    [InlineData("cell division", "sell division", Rating.Hard, "homophone")]
    [InlineData("cell division", "cell fusion", Rating.Again, "wrong")]
    [InlineData("rein in the barons", "rain in the barons", Rating.Hard, "homophone")]
    [InlineData("rein in the barons", "reign over the barons", Rating.Again, "wrong")]
    [InlineData("rein", "reign", Rating.Again, "other-word")]
    [InlineData("the Great Lakes", "the Grate Lakes", Rating.Again, "other-word")]
    [InlineData("four legs", "for legs", Rating.Again, "wrong")]
    public void Homophone_InsideAPhrase_Hard(string expected, string given, Rating rating, string rule)
        => AssertGrade([expected], given, rating, rule);

    [Theory]
    // Another part of speech of the same word is Hard; a word of the same stem with a negating prefix is another word.
    [InlineData("industrialisation", "industrialise", Rating.Hard, "word-ending")]
    [InlineData("protection of trade", "protective of trade", Rating.Hard, "word-ending")]
    [InlineData("the invasion of Gaul", "the invading of Gaul", Rating.Hard, "word-ending")]
    [InlineData("divide the empire", "division the empire", Rating.Hard, "word-ending")]
    [InlineData("grew rapidly", "grew rapid", Rating.Hard, "word-ending")]
    [InlineData("protection of trade", "unprotected trade", Rating.Again, "wrong")]
    [InlineData("grew rapidly", "grew slowly", Rating.Again, "wrong")]
    [InlineData("stable", "unstable", Rating.Again, "wrong")]
    public void WordEnding_AnotherFormOfTheStem_Hard_NeverANegation(string expected, string given, Rating rating, string rule)
        => AssertGrade([expected], given, rating, rule);

    [Theory]
    // A word clipped to its first letters ("chem", "bio") is Hard; a word of its own that starts the same is not a clipping.
    [InlineData("nuclear, chemical and biological", "nuclear, chem and bio", Rating.Hard, "clipped")]
    [InlineData("information", "info", Rating.Hard, "clipped")]
    [InlineData("hydrogen and oxygen", "hydro and oxy", Rating.Hard, "clipped")]
    [InlineData("Antarctic", "ant", Rating.Again, "wrong")]
    [InlineData("transatlantic", "trans", Rating.Again, "wrong")]
    [InlineData("nuclear, chemical and biological", "nuclear and chem", Rating.Again, "list-missing")]
    [InlineData("chemical", "chemistry", Rating.Again, "wrong")]
    public void Clipped_FirstLettersOfTheWord_Hard(string expected, string given, Rating rating, string rule)
        => AssertGrade([expected], given, rating, rule);

    [Theory]
    // Words that only stress the answer are read past; "as fast as it can" is "as fast as possible".
    [InlineData("as fast as possible", "as fast as it possibly can", Rating.Good)]
    [InlineData("as fast as possible", "as fast as they could", Rating.Good)]
    [InlineData("a rapid expansion", "a very rapid expansion", Rating.Good)]
    [InlineData("unlikely", "highly unlikely", Rating.Good)]
    [InlineData("unlikely", "really likely", Rating.Again)]
    [InlineData("as fast as possible", "as slowly as it possibly can", Rating.Again)]
    [InlineData("a rapid expansion", "a very slow expansion", Rating.Again)]
    [InlineData("unlikely", "not very likely", Rating.Again)]
    public void Intensifier_ReadPast(string expected, string given, Rating rating)
        => Assert.Equal(rating, TypedGrader.Grade([expected], given).Rating);

    [Theory]
    // "the North" for North Vietnam: Good where the card itself says "the North", Hard where it does not; never the other compass point.
    [InlineData("blockade North Vietnam", "The blockade of the North cut supplies to Hanoi.", "blockade the North", Rating.Good)]
    [InlineData("blockade North Vietnam", "Which country did the navy blockade?", "blockade the North", Rating.Hard)]
    [InlineData("blockade North Vietnam", "The blockade of the North cut supplies to Hanoi.", "blockade the South", Rating.Again)]
    [InlineData("East Germany", "Berlin lay inside the East.", "the East", Rating.Good)]
    [InlineData("East Germany", "Berlin lay inside the East.", "the West", Rating.Again)]
    [InlineData("North America", "The colonists reached the North.", "the North", Rating.Again)]
    public void Referent_TheNorthForACountry(string accepted, string cardText, string given, Rating rating)
    {
        var verdict = TypedGrader.Grade([accepted], given, cardText);

        Assert.True(rating == verdict.Rating, $"'{given}' for '{accepted}': {verdict.Rating} rule={verdict.Rule} ({verdict.Note})");
    }

    [Theory]
    // Initials typed in capitals for the name; other initials are another body; words that merely have the initials are not the name.
    [InlineData("the North Atlantic Treaty Organization", "NATO", Rating.Good)]
    [InlineData("the United Nations", "U.N.", Rating.Good)]
    [InlineData("the World Health Organization", "WTO", Rating.Again)]
    [InlineData("ASAP", "as slowly as possible", Rating.Again)]
    [InlineData("NATO", "North Atlantic Trade Organization", Rating.Again)]
    [InlineData("the European Union", "EEC", Rating.Again)]
    public void Acronym_InitialsForTheName(string expected, string given, Rating rating)
    {
        var verdict = TypedGrader.Grade([expected], given);

        Assert.True(rating == verdict.Rating, $"'{given}' for '{expected}': {verdict.Rating} rule={verdict.Rule} ({verdict.Note})");
        Assert.Equal(rating == Rating.Good ? "acronym" : "wrong", verdict.Rule);
    }

    [Theory]
    // A denial is never read past (a title, filler or describing word around it), and it matches only an accepted denial.
    [InlineData("Otto von Bismarck | Bismarck", "not Chancellor Bismarck", Rating.Again)]
    [InlineData("resists change | does not like change", "not resists change", Rating.Again)]
    [InlineData("resists change | does not like change", "does not like change", Rating.Good)]
    [InlineData("resists change | does not like change", "likes change", Rating.Again)]
    [InlineData("the peninsula", "not the peninsula", Rating.Again)]
    [InlineData("the peninsula", "never the peninsula", Rating.Again)]
    public void Negation_NeverReadPast(string accepted, string given, Rating rating)
        => Assert.Equal(rating, TypedGrader.Grade(accepted.Split(" | "), given).Rating);

    [Theory]
    // A people named before a title must be the card's people: "Japanese Prime Minister Churchill" on a card about a British leader is wrong.
    [InlineData("British Prime Minister Churchill", Rating.Good)]
    [InlineData("Prime Minister Churchill", Rating.Good)]
    [InlineData("Japanese Prime Minister Churchill", Rating.Again)]
    [InlineData("French President Churchill", Rating.Again)]
    public void Title_PeopleBeforeTheTitle_MustBeTheCards(string given, Rating rating)
        => Assert.Equal(rating, TypedGrader.Grade(["Winston Churchill", "Churchill"], given, "Which British prime minister led the war cabinet from 1940?").Rating);

    [Theory]
    // Added words that put another particle inside a fuller accepted answer are another answer; a word that contradicts nothing still qualifies.
    [InlineData("stays | stays on the island", "stays off the island", Rating.Again)]
    [InlineData("stays | stays on the island", "stays on the island", Rating.Good)]
    [InlineData("moved | moved up the river", "moved down the river", Rating.Again)]
    [InlineData("resents | resents being blamed", "resents getting blamed", Rating.Good)]
    [InlineData("withdraw | withdraw eastward", "withdraw east", Rating.Good)]
    public void Qualified_AnotherParticleInsideAFullerAnswer_Refused(string accepted, string given, Rating rating)
        => Assert.Equal(rating, TypedGrader.Grade(accepted.Split(" | "), given).Rating);

    [Fact]
    public void GoodByARule_NamesTheRuleInTheNote()
    {
        var verdict = TypedGrader.Grade(["armour"], "armor");

        Assert.Equal("accepted (British/American spelling); the card's answer: armour", verdict.Note);
    }

    [Fact]
    public void EnglishWords_KnowsBothSpellingsAndInflections_NotNames()
    {
        Assert.True(EnglishWords.Count > 70_000);
        Assert.True(EnglishWords.Contains("colour") && EnglishWords.Contains("color") && EnglishWords.Contains("decreased"));
        Assert.True(EnglishWords.IsBritishOnly("colour") && EnglishWords.IsAmericanOnly("color"));
        Assert.False(EnglishWords.IsCommon("lincoln"));
        Assert.False(EnglishWords.Contains("recieve"));
    }

    private static void AssertGrade(string[] accepted, string given, Rating rating, string rule)
    {
        var verdict = TypedGrader.Grade(accepted, given);

        Assert.True(rating == verdict.Rating && rule == verdict.Rule, $"'{given}' for '{accepted[0]}': {verdict.Rating} rule={verdict.Rule} ({verdict.Note}); expected {rating} rule={rule}");
    }
}
