using StudyBot.Core.Decks;
using StudyBot.Core.Decks.Generation;
using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Tests.Decks.Generation;

/// <summary>
/// One test per kind of bad card found when judging drafts card by card, each on a short text
/// written for it, both ways: the bad card is no longer made, and a good card on the same text is.
/// </summary>
public class FailureKindTests
{
    private static Deck Draft(string text, int? cards = null)
    {
        var generated = DeckGenerator.Generate(text, new GeneratorOptions { DeckId = "test", Title = "Test", Cards = cards });
        var result = DeckValidator.Validate(generated.Draft, new DiagnosticBag("test.md"));
        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        return result.Deck!;
    }

    private static IEnumerable<string> Answers(Deck deck) => deck.Cards.SelectMany(c => c.Answers);

    [Fact]
    public void GivenAway_AnswerNamedElsewhereUnderAnotherName_IsNotBlanked_ButAnotherActorIs()
    {
        var deck = Draft("As North Korea's closest partner, China is most responsible for facilitating Pyongyang's provocations every year. "
            + "Beijing fears a collapse in Pyongyang far more than Washington does.");

        Assert.DoesNotContain(deck.Cards, c => c.Answers.Any(a => a is "Pyongyang" or "North Korea"));
        Assert.Contains("Beijing", Answers(deck));
    }

    [Fact]
    public void GivenAway_AnswerNamedElsewhereByTheAnswerCheckersAlias_IsNotBlanked_ButAnotherActorIs()
    {
        var deck = Draft("Only China can persuade Pyongyang to talk, the neighbours of the DPRK argued at the summit in Singapore in June 2018.");

        Assert.DoesNotContain(deck.Cards, c => c.Answers.Contains("Pyongyang"));
        Assert.Contains("2018", Answers(deck));
    }

    [Fact]
    public void GivenAway_TitlePinsThePerson_IsNotBlanked_ButTheYearIs()
    {
        var deck = Draft("U.S. President Donald Trump announced a summit with the North Korean leader in March 2018.");

        Assert.DoesNotContain(deck.Cards, c => c.Answers.Any(a => a.Contains("Trump", StringComparison.Ordinal)));
        Assert.Contains("2018", Answers(deck));
    }

    [Fact]
    public void GivenAway_ARoleThatManyHold_DoesNotPinTheName()
    {
        var deck = Draft("Engineer Benjamin Wright, who had never built a canal before, led the surveys with a crew of amateurs.");

        var card = Assert.Single(deck.Cards);
        Assert.Equal(["Benjamin Wright"], card.Answers);
        Assert.Equal("person", card.Hint);
    }

    [Fact]
    public void GivenAway_ChoicesAreOfTheSameTypeFromTheText_NeverAbsurdOnes()
    {
        const string text = "The emperor Augustus founded the Principate in Rome after years of civil war. "
            + "The emperor Nero took his own life after a revolt of the armies in the provinces. "
            + "The emperor Trajan brought the empire to its greatest extent in the east. "
            + "The emperor Commodus was murdered by conspirators at the end of the century.";
        var deck = Draft(text);

        var mcqs = deck.Cards.Where(c => c.Kind == CardKind.Mcq).ToList();
        Assert.NotEmpty(mcqs);
        Assert.All(mcqs.SelectMany(c => c.Choices), choice => Assert.Contains(choice.Text, new[] { "Augustus", "Nero", "Trajan", "Commodus" }));
    }

    [Fact]
    public void Clutter_FigureCaptionsCreditsAndRepeatedCaptions_MakeNoCard_TheBodyDoes()
    {
        const string text = """
            Figure 14.2 Civil War in Greece. (credit: modification of work by Dmitri Kessel/Wikimedia Commons)

            Soldiers march through the streets of Athens during the civil war, May 1947.

            The policy of supporting Greece and Turkey against communist pressure is known as containment (Figure 14.2).

            Soldiers march through the streets of Athens during the civil war, May 1947.
            """;
        var generated = DeckGenerator.Generate(text);
        var deck = Draft(text);

        Assert.DoesNotContain(deck.Cards, c => (c.Explanation ?? "").Contains("Figure", StringComparison.Ordinal) || (c.Explanation ?? "").Contains("credit", StringComparison.Ordinal) || (c.Explanation ?? "").Contains("Soldiers", StringComparison.Ordinal));
        Assert.Contains(generated.Dropped, d => d.Reason.Contains("caption", StringComparison.Ordinal) && d.Text.StartsWith("Figure 14.2", StringComparison.Ordinal));
        Assert.Contains(generated.Dropped, d => d.Reason.Contains("repeats", StringComparison.Ordinal) && d.Text.StartsWith("Soldiers", StringComparison.Ordinal));
        Assert.Contains("containment", Answers(deck));
    }

    [Fact]
    public void Trivial_VerbPhraseOfAnUnnamedSubject_IsNotAsked_ANamedActorsOptionIs()
    {
        var bad = DeckGenerator.Generate("Such flagrancy could be called out by anyone at all.");
        var good = Draft("Washington could call out the flagrancy at the United Nations in public.");

        Assert.Empty(bad.Draft.Notes);
        var card = Assert.Single(good.Cards, c => c.Kind == CardKind.Basic);
        Assert.Equal("What does the text say Washington could do?", card.Prompt);
        Assert.Equal(["Call out the flagrancy at the United Nations in public."], card.Answers);
    }

    [Theory]
    [InlineData("The empire peaked under Trajan (r. 98\u2013117 AD), who pushed its borders into Dacia. It was never larger.", 2)]
    [InlineData("A collapse would see the peninsula unify under a pro-U.S. government in Seoul. Beijing fears that.", 2)]
    [InlineData("Photosynthesis releases oxygen, e.g. in leaves, i.e. where Dr. Smith and St. Clair measured 2.5 units. Then it stops.", 2)]
    [InlineData("Secretary of State George C. Marshall spoke at Harvard. \"Our policy is directed against hunger.\" He meant Europe.", 3)]
    public void Splitting_AbbreviationsInitialsDecimalsAndQuotes_KeepSentencesWhole(string paragraph, int expected)
    {
        var sentences = SentenceSplitter.Split(paragraph).ToList();

        Assert.Equal(expected, sentences.Count);
        Assert.DoesNotContain(sentences, s => s.EndsWith("(r.", StringComparison.Ordinal) || s.EndsWith("pro-U.", StringComparison.Ordinal) || s.EndsWith("C.", StringComparison.Ordinal));
    }

    [Fact]
    public void Splitting_GoodCardOnTheAbbreviatedSentence_KeepsTheWholeClause()
    {
        var deck = Draft("A collapse would see the peninsula unify under a pro-U.S. government in Seoul, allowing the United States to stage troops near China's border.");

        var card = Assert.Single(deck.Cards, c => c.Kind == CardKind.Basic);
        Assert.Contains("pro-U.S. government in Seoul", card.Prompt, StringComparison.Ordinal);
        Assert.Equal(["The United States to stage troops near China's border."], card.Answers);
    }

    [Fact]
    public void SameFact_AskedOnce_AndPairedNumbersAreOneDeletion()
    {
        const string text = "Augustus became the first emperor of Rome in 27 BC after the civil wars. "
            + "The Senate gave Octavian the title of princeps in 27 BC as well. "
            + "Historians usually date the start of the empire to 27 BC for that reason. "
            + "In the 1950s and 1960s, when China was a stricken middle power, North Korea served a useful purpose.";
        var deck = Draft(text, cards: 20);

        Assert.Single(deck.Cards, c => c.Answers.Contains("27 BC"));
        Assert.Contains("1950s and 1960s", Answers(deck));
        Assert.DoesNotContain(deck.Cards, c => c.Answers.Contains("1950s") || c.Answers.Contains("1960s"));
    }

    [Fact]
    public void WrongType_NumeralsAndAcronymsAreNoPeople_TheNamedBodyIsAsked()
    {
        const string text = "After World War II ended, the United Nations was founded in 1945 by fifty nations. "
            + "The USSR said that it would never accept the plan for the western zones.";
        var deck = Draft(text);

        Assert.DoesNotContain(deck.Cards, c => c.Answers.Contains("II") || c.Answers.Contains("USSR"));
        Assert.DoesNotContain(deck.Cards, c => c.Prompt.StartsWith("Who", StringComparison.Ordinal));
        Assert.Contains("United Nations", Answers(deck));
    }

    [Fact]
    public void WrongChoiceTheTextMakesTrue_IsDropped_OtherChoicesStay()
    {
        const string text = "The emperor Trajan built a great wall across northern Britain against raiders. "
            + "The emperor Hadrian also built a great wall across northern Britain against raiders. "
            + "The emperor Nero took his own life after a revolt of the armies. "
            + "The emperor Commodus was murdered by conspirators at the end of the century. "
            + "The emperor Augustus founded the Principate after years of civil war.";
        var deck = Draft(text, cards: 20);

        var mcq = Assert.Single(deck.Cards, c => c.Kind == CardKind.Mcq && c.Answers.SequenceEqual(["Trajan"]));
        Assert.DoesNotContain(mcq.Choices, c => c.Text == "Hadrian");
        Assert.True(mcq.Choices.Count >= 3, string.Join(", ", mcq.Choices.Select(c => c.Text)));
    }

    [Fact]
    public void PronounOpening_IsSkipped_UnlessResolvedToThePreviousSubject()
    {
        const string text = "Washington faces a choice about a deal with North Korea. "
            + "It should plan to give Beijing a seat at the negotiating table. "
            + "It was always a possibility for so shambolic a polity in 2011.";
        var deck = Draft(text, cards: 10);

        Assert.Contains(deck.Cards, c => c.Prompt.StartsWith("What does the text say Washington should do?", StringComparison.Ordinal) && c.Answers.Contains("Plan to give Beijing a seat at the negotiating table."));
        Assert.DoesNotContain(deck.Cards, c => c.Explanation!.Contains("shambolic", StringComparison.Ordinal));
    }

    [Fact]
    public void Definition_BecomesAClozeOnTheTerm_AndARepeatedTermIsNotBlankedWhereTheSentenceNamesItTwice()
    {
        var deck = Draft("A stack of thylakoids is called a granum, and the liquid-filled space surrounding the granum is called stroma.");

        var card = Assert.Single(deck.Cards);
        Assert.Equal(["stroma"], card.Answers);
    }

    [Fact]
    public void Cause_BecomesABasicCardAnsweredByTheTextsOwnSpan()
    {
        var deck = Draft("Because the party lacks a resettlement policy, a refugee crisis would overwhelm the northeast of the country.");

        var card = Assert.Single(deck.Cards);
        Assert.Equal(CardKind.Basic, card.Kind);
        Assert.Equal("What reason does the text give for this?\n> A refugee crisis would overwhelm the northeast of the country", card.Prompt);
        Assert.Equal(["The party lacks a resettlement policy."], card.Answers);
    }

    [Fact]
    public void Numbers_FigureNumbersDaysOfMonthAndConversionsAreNotAsked_AQuantityIs()
    {
        const string text = "On June 5, Congress approved the aid package for Europe after a long debate. "
            + "At its height the empire covered 5 million square kilometres (1.93 million square miles) of land. "
            + "Congress appropriated $13.3 billion for European recovery over four years.";
        var deck = Draft(text, cards: 10);

        Assert.DoesNotContain(deck.Cards, c => c.Answers.Any(a => a is "5" or "1.93 million"));
        Assert.Contains("$13.3 billion", Answers(deck));
    }

    [Fact]
    public void CardsOption_ChoosesHowManyAndDefaultIsAboutOnePerFortyWords()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Decks", "Generation", "Texts", "cold-war.md"));

        Assert.Equal(3, Draft(text, cards: 3).Cards.Count);
        var generated = DeckGenerator.Generate(text);
        Assert.InRange(generated.Draft.Notes.Count, 1, (int)Math.Round(generated.Words / 40.0));
    }

    [Fact]
    public void Html_FiguresNavigationAndAsidesAreLeftOut_TheArticleIsRead()
    {
        const string html = """
            <html><head><title>Chloroplasts</title></head><body>
            <nav><a href="/">Home</a> <a href="/bio">Biology</a></nav>
            <article><h1>Chloroplasts</h1>
            <figure><img src="c.png"><figcaption>Figure 5.3 A chloroplast under the microscope.</figcaption></figure>
            <p>In all autotrophic eukaryotes, photosynthesis takes place inside an organelle called a chloroplast.</p>
            <aside>Subscribe to our newsletter for more biology.</aside>
            </article></body></html>
            """;
        var generated = DeckGenerator.Generate(html);

        var note = Assert.Single(generated.Draft.Notes);
        Assert.Equal("In all autotrophic eukaryotes, photosynthesis takes place inside an organelle called a {{c1::chloroplast}}.", note.Prompt);
        Assert.Equal("Chloroplasts", generated.Draft.Title);
    }

    [Theory]
    [InlineData("LINK TO LEARNING", "Visit this site to watch photosynthesis in action in a leaf.", "textbook box")]
    [InlineData("By the end of this section, you will be able to:", "- Summarize the process of photosynthesis", "learning objectives")]
    [InlineData("By Jane Perlez and Chris Buckley", "", "byline")]
    [InlineData("Updated May 21, 2018, 4:05 PM EDT", "", "date line")]
    [InlineData("Photo: KCNA via REUTERS", "", "chrome")]
    public void Clutter_BoxesObjectivesBylinesAndDateLines_AreDroppedWithTheirReason(string line, string next, string reason)
    {
        var text = $"{line}\n{next}\n\nThe space surrounding the thylakoids in a chloroplast is called the stroma.\n";
        var generated = DeckGenerator.Generate(text);

        Assert.Contains(generated.Dropped, d => d.Text == line && d.Reason.Contains(reason, StringComparison.Ordinal));
        Assert.DoesNotContain(generated.Draft.Notes, n => n.Explanation!.Contains(line, StringComparison.Ordinal) || (next.Length > 0 && n.Explanation!.Contains(next.TrimStart('-', ' '), StringComparison.Ordinal)));
        Assert.Contains(generated.Draft.Notes, n => n.Prompt == "The space surrounding the thylakoids in a chloroplast is called the {{c1::stroma}}.");
    }

    [Fact]
    public void GivenAway_ABracketBesideTheBlank_IsLeftOutOfThePrompt_TheExplanationKeepsIt()
    {
        var note = Assert.Single(DeckGenerator.Generate("Around the age of fifteen, Roman boys put on a plain white garment known as the toga virilis (\u201Ctoga of manhood\u201D).").Draft.Notes);
        Assert.Equal("Around the age of fifteen, Roman boys put on a plain white garment known as the {{c1::toga virilis}}.", note.Prompt);
        Assert.Contains("toga of manhood", note.Explanation, StringComparison.Ordinal);

        // The acronym beside the blank would answer it; without it in the prompt the name can be asked.
        var nato = DeckGenerator.Generate("Most nations of western Europe joined a military alliance called the North Atlantic Treaty Organization (NATO) in 1949.").Draft.Notes;
        Assert.Contains(nato, n => n.Prompt == "Most nations of western Europe joined a military alliance called the {{c1::North Atlantic Treaty Organization}} in 1949.");
        Assert.DoesNotContain(nato, n => n.Prompt!.Contains("NATO", StringComparison.Ordinal));
    }

    [Fact]
    public void Definition_AnAppositiveNamesTheTerm_IsAsked_ButNotAClauseAListOrAnOpeningPhrase()
    {
        var kept = DeckGenerator.Generate("Merchants of the port stored their pepper in the godown, a large warehouse beside the harbour.");
        Assert.Equal("Merchants of the port stored their pepper in the {{c1::godown}}, a large warehouse beside the harbour.", Assert.Single(kept.Draft.Notes).Prompt);

        foreach (var text in new[]
        {
            "Conversely, as the price falls, the quantity supplied decreases across the whole market.",
            "In the early morning, the farm workers walked from the village to the distant fields.",
            "At the weekly market the farmers sold the barley, the wool of their sheep, and the cheese.",
        })
        {
            Assert.DoesNotContain(DeckGenerator.Generate(text).Draft.Notes, n => n.Tags.Contains("definition"));
        }
    }

    [Fact]
    public void Garbled_CalledOrNamedUsedActively_IsNoDefinition_ButAProcessCalledXIs()
    {
        Assert.DoesNotContain(DeckGenerator.Generate("In the later empire, the emperors named an heir soon after coming to power to keep the peace.").Draft.Notes,
            n => n.Prompt!.Contains("{{c1::heir", StringComparison.Ordinal));
        Assert.DoesNotContain(DeckGenerator.Generate("After the defeat at the river, Caesar called a meeting of the whole army.").Draft.Notes,
            n => n.Tags.Contains("definition"));
        Assert.Contains(DeckGenerator.Generate("Photosynthesis in all autotrophic eukaryotes takes place inside an organelle called a chloroplast.").Draft.Notes,
            n => n.Prompt!.EndsWith("called a {{c1::chloroplast}}.", StringComparison.Ordinal));
        Assert.Contains(DeckGenerator.Generate("Green plants make sugar from light in a process called photosynthesis.").Draft.Notes,
            n => n.Prompt == "Green plants make sugar from light in a process called {{c1::photosynthesis}}.");
        Assert.Contains(DeckGenerator.Generate("The total number of units that consumers would buy at that price is called the quantity demanded.").Draft.Notes,
            n => n.Prompt!.EndsWith("is called the {{c1::quantity demanded}}.", StringComparison.Ordinal));
    }

    [Fact]
    public void Cause_APassiveCause_IsAskedAsWhatCausesIt_ButNotABeliefTheTextReports()
    {
        var note = Assert.Single(DeckGenerator.Generate("The seasons on Earth are caused by the tilt of its axis relative to the plane of its orbit.").Draft.Notes, n => n.Kind == CardKind.Basic);
        Assert.Equal("What causes the seasons on Earth, according to the text?", note.Prompt);
        Assert.Equal(["The tilt of its axis relative to the plane of its orbit."], note.Answers);

        Assert.DoesNotContain(DeckGenerator.Generate("Many people have long believed that the seasons were caused by the changing distance from the Sun.").Draft.Notes,
            n => n.Kind == CardKind.Basic);
    }

    [Fact]
    public void Cause_ASentenceSpeakingToTheReader_IsNoClaim_ButTheTextsOwnConditionIs()
    {
        Assert.Empty(DeckGenerator.Generate("If you shine a flashlight straight at a wall, you get an intense spot of light.").Draft.Notes);

        var note = Assert.Single(DeckGenerator.Generate("If the price is above the equilibrium level, then the quantity supplied will exceed the quantity demanded.").Draft.Notes);
        Assert.Equal(["The quantity supplied will exceed the quantity demanded."], note.Answers);
    }

    [Fact]
    public void Clutter_AnInstructionInAnyCase_AndAListOfSources_MakeNoCard()
    {
        const string text = """
            # Rocks of Wales

            Now look at the map of the northern coast of Wales once more.

            Slate is a type of rock that splits into thin sheets along its cleavage planes.

            ## References

            Smith, John. 1998. The Slate Quarries of Snowdonia in the Nineteenth Century. Cardiff: University of Wales Press.
            """;
        var generated = DeckGenerator.Generate(text);

        var note = Assert.Single(generated.Draft.Notes);
        Assert.StartsWith("{{c1::Slate}}", note.Prompt, StringComparison.Ordinal);
        Assert.Contains(generated.Dropped, d => d.Text.StartsWith("Smith, John", StringComparison.Ordinal) && d.Reason.Contains("sources", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicate_OneAnswerIsAskedOnce_HoweverManySentencesNameIt()
    {
        const string text = "Green plants make sugar from light in a process called photosynthesis. "
            + "The first stage of photosynthesis takes place in flattened sacs called thylakoids. "
            + "In the second stage of photosynthesis, the stroma of the chloroplast fixes carbon into sugar.";
        var notes = DeckGenerator.Generate(text).Draft.Notes;

        Assert.Single(notes, n => n.Prompt!.Contains("{{c1::photosynthesis}}", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(notes, n => n.Prompt!.Contains("{{c1::thylakoids}}", StringComparison.Ordinal));
    }

    [Fact]
    public void Trivial_HalfOfALongerName_IsNotBlanked_ButTheDateOfItsEndIs()
    {
        var notes = DeckGenerator.Generate("The French and Indian War ended in 1763 with a British victory. "
            + "With the end of the French and Indian War, Great Britain claimed a vast new territory in North America. "
            + "The Indian War of the western tribes followed in 1763 under Pontiac.").Draft.Notes;

        Assert.DoesNotContain(notes, n => n.Prompt!.Contains("French and {{c1::", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Prompt!.Contains("ended in {{c1::1763::year}}", StringComparison.Ordinal));
    }

    [Fact]
    public void Trivial_AYearThatQualifiesAName_IsNotAsked_TheNameIs()
    {
        var notes = DeckGenerator.Generate("Grenville also pushed Parliament to pass the Sugar Act of 1764, which lowered duties on molasses. "
            + "To give teeth to the 1764 Sugar Act, the law intensified enforcement provisions in the colonies.").Draft.Notes;

        Assert.DoesNotContain(notes, n => n.Prompt!.Contains("the {{c1::1764::year}} Sugar Act", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Prompt!.Contains("{{c1::Sugar Act}}", StringComparison.Ordinal));
    }

    [Fact]
    public void Trivial_ANameInAListOfNames_IsNotBlanked_ButTheSameNameAskedOnItsOwnIs()
    {
        var notes = DeckGenerator.Generate("Portuguese mariners built an Atlantic empire by colonizing the Canary, Cape Verde, and Azores Islands in the fifteenth century. "
            + "The Cape Verde islands became a base for the trade in enslaved Africans along the coast.").Draft.Notes;

        Assert.DoesNotContain(notes, n => n.Prompt!.Contains("Canary, {{c1::", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Prompt!.StartsWith("The {{c1::Cape Verde}} islands", StringComparison.Ordinal));
    }

    [Fact]
    public void Undefined_AHeOrSheWithNoNameBeforeIt_PointsBack_ButAfterANameItDoesNot()
    {
        Assert.Equal("he", Referents.PointsBack("In any case, after he and his co-emperor Maximian formally left office in 305, two new junior emperors were named."));
        Assert.Equal("she", Referents.PointsBack("Upon the death of her husband in 1598, she refused to remarry and raised her children alone."));
        Assert.Null(Referents.PointsBack("In 284, Diocletian was declared emperor by his troops after he had won the loyalty of the army."));
        Assert.Null(Referents.PointsBack("Cornelia refused to remarry after her husband died, and she raised her twelve children alone."));
    }
}
