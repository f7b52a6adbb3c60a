using StudyBot.Core.Decks;

namespace StudyBot.Tests.Decks;

/// <summary>The `deck` commands run in-process, as `studybot deck ...` runs them, writing to a recorded console.</summary>
public sealed class DeckCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("studybot-cli-").FullName;

    private static (int Exit, string Output) Run(params string[] args) => DeckCli.Run(250, args);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Validate_ValidDeck_ExitsZeroWithCardCountsByKind()
    {
        var deck = Write("good.yaml", "id: good\ntitle: Good\ncards:\n  - {id: a, kind: basic, prompt: Q, answer: A}\n  - {id: b, kind: cloze, text: '{{c1::x}} {{c2::y}}'}\n");

        var (exit, output) = Run("deck", "validate", deck);

        Assert.Equal(0, exit);
        Assert.Contains("valid", output);
        Assert.Contains("3 cards (basic 1, cloze 2)", output);
    }

    [Fact]
    public void Validate_BadDecks_ExitsOneListingEveryProblemWithoutStackTrace()
    {
        var bad = Write("bad.yaml", "id: bad\ntitle: Bad\ncards:\n  - id: a\n    kind: mcq\n    prompt: Pick\n    choices: [x, y]\n  - id: a\n    kind: basic\n    prompt: Q\n");
        var missing = Path.Combine(_dir, "missing.yaml");

        var (exit, output) = Run("deck", "validate", bad, missing);

        Assert.Equal(1, exit);
        Assert.Contains($"{bad}:7:14", output);
        Assert.Contains("no choice is marked correct", output);
        Assert.Contains("duplicate card id 'a' (first at line 4)", output);
        Assert.Contains("the card has no answer", output);
        Assert.Contains("does not exist: check the path", output);
        Assert.Contains("2 of 2 decks invalid", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public void Import_QuizletEmptyRowSeparator_ExitsOneAtOnce()
    {
        var set = Write("set.txt", "term\tdefinition\n");

        var started = System.Diagnostics.Stopwatch.StartNew();
        var (exit, output) = Run("deck", "import", set, "--from", "quizlet", "--row-separator", "", "-o", Path.Combine(_dir, "out.yaml"));

        Assert.Equal(1, exit);
        Assert.Contains("the row separator is empty", output);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
        Assert.False(File.Exists(Path.Combine(_dir, "out.yaml")));
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("import")]
    public void ValidateOrImport_PackageWithRecursiveView_ExitsOneAtOnce(string command)
    {
        var package = Path.Combine(_dir, "view.apkg");
        File.WriteAllBytes(package, EndToEnd.HostilePackages.RecursiveView());
        var output = Path.Combine(_dir, "view.yaml");

        var started = System.Diagnostics.Stopwatch.StartNew();
        var (exit, text) = command == "import" ? Run("deck", "import", package, "-o", output) : Run("deck", "validate", package);

        Assert.Equal(1, exit);
        Assert.Contains("the collection holds a view named 'notes'", text);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Validate_ClozeNumberBeyondInt_ListsItWithPlaceAndEveryOtherProblem()
    {
        var deck = Write("overflow.yaml", "id: o\ntitle: O\ncards:\n  - {id: a, kind: cloze, text: 'x {{c99999999999::y}}'}\n  - {id: b, kind: basic, prompt: Q}\n");

        var (exit, output) = Run("deck", "validate", deck);

        Assert.Equal(1, exit);
        Assert.Matches($@"{deck}:4:32 +│ a +│ the deletion number 'c99999999999' at character 3 of the text is too large", output);
        Assert.Matches($@"{deck}:5:5 +│ b +│ the card has no answer", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public void ImportThenExport_AnkiPackage_WritesYamlAndCsvThatValidate()
    {
        var package = Path.Combine(AppContext.BaseDirectory, "reference", "anki", "genanki-js.apkg");
        var yaml = Path.Combine(_dir, "out", "peninsula.yaml");
        var csv = Path.Combine(_dir, "peninsula.csv");

        var (importExit, importOutput) = Run("deck", "import", package, "-o", yaml);
        var (exportExit, _) = Run("deck", "export", yaml, "--format", "csv", "-o", csv);
        var (validateExit, _) = Run("deck", "validate", csv);

        Assert.Equal((0, 0, 0), (importExit, exportExit, validateExit));
        Assert.Contains("media file 'pyeonghwa.mp3'", importOutput);
        var imported = new DeckLoader().LoadFile(yaml).Deck!;
        Assert.Equal("Korean Peninsula Facts", imported.Title);
        Assert.Equal(new DeckLoader().LoadFile(csv).Deck!.Cards.Select(c => c.Id), imported.Cards.Select(c => c.Id));
    }

    [Fact]
    public void ExportAsYaml_DeckWithImages_WritesThemBesideTheYamlByteForByte_AndTheExportImportsAgain()
    {
        var map = StudyBot.Fuzz.TestImages.Png(64, 40, (40, 110, 200));
        var flag = StudyBot.Fuzz.TestImages.Png(30, 20, (200, 30, 40));
        Directory.CreateDirectory(Path.Combine(_dir, "maps"));
        File.WriteAllBytes(Path.Combine(_dir, "maps", "yalu map.png"), map);
        File.WriteAllBytes(Path.Combine(_dir, "flag.png"), flag);
        var deck = Write("pictures.yaml", """
            id: cli-pictures
            title: Rivers and flags
            cards:
              - id: yalu
                kind: typed
                prompt: Which river is drawn in blue?
                answers: [Yalu]
                image: maps/yalu map.png
              - id: flag
                kind: typed
                prompt: Whose flag is this?
                answers: [North Korea]
                image: flag.png
              - id: plain
                kind: typed
                prompt: Which sea lies east of Korea?
                answers: [East Sea]
            """);
        var exported = Path.Combine(_dir, "out", "exported.yaml");
        var again = Path.Combine(_dir, "again", "reimported.yaml");

        var (exportExit, exportOutput) = Run("deck", "export", deck, "--format", "yaml", "-o", exported);
        var (importExit, importOutput) = Run("deck", "import", exported, "-o", again);

        Assert.Equal((0, 0), (exportExit, importExit));
        Assert.Contains("Wrote its 2 image(s) beside it.", exportOutput);
        Assert.Contains("and its 2 image(s) beside it", importOutput);
        foreach (var folder in new[] { Path.Combine(_dir, "out"), Path.Combine(_dir, "again") })
        {
            Assert.Equal(map, File.ReadAllBytes(Path.Combine(folder, "maps", "yalu map.png")));
            Assert.Equal(flag, File.ReadAllBytes(Path.Combine(folder, "flag.png")));
        }
        var read = new DeckLoader().LoadFile(again).Deck!;
        Assert.Equal(["maps/yalu map.png", "flag.png", null], read.Cards.Select(c => c.Image));
        Assert.Equal(map, read.Images.Single(i => i.Name == "maps/yalu map.png").Content);
        Assert.Equal((30, 20), read.Images.Single(i => i.Name == "flag.png") is var f ? (f.Width, f.Height) : default);
    }

    [Fact]
    public void ExportAsCsv_DeckWithImage_SaysTheImagesAreLeftOut()
    {
        File.WriteAllBytes(Path.Combine(_dir, "flag.png"), StudyBot.Fuzz.TestImages.Png(30, 20, (200, 30, 40)));
        var deck = Write("flag.yaml", """
            id: cli-flag
            title: Flags
            cards:
              - id: flag
                kind: typed
                prompt: Whose flag is this?
                answers: [North Korea]
                image: flag.png
            """);

        var (exit, output) = Run("deck", "export", deck, "--format", "csv", "-o", Path.Combine(_dir, "csv", "flag.csv"));

        Assert.Equal(0, exit);
        Assert.Contains("CSV has no image column: its 1 image(s) are left out; export as yaml to keep them.", output);
        Assert.False(File.Exists(Path.Combine(_dir, "csv", "flag.png")));
    }

    [Fact]
    public void Import_InvalidSource_ExitsOneAndWritesNothing()
    {
        var source = Write("bad.txt", "#separator:tab\n#notetype column:1\nCloze\tno deletions\t\n");
        var target = Path.Combine(_dir, "never.yaml");

        var (exit, output) = Run("deck", "import", source, "-o", target);

        Assert.Equal(1, exit);
        Assert.Contains($"{source}:3:1", output);
        Assert.Contains("Nothing was written", output);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void Generate_Text_WritesDeckThatValidates()
    {
        var text = Write("reading.md", "# Border towns\n\nThe bridge at Dandong carries about 70 percent of the trade, President Xi Jinping said in 2019. " +
            "Governor Jane Smith said the road would reach Shenyang. Minister Lee Wong said the port at Incheon mattered more.\n\nSubscribe to our newsletter\n");
        var deck = Path.Combine(_dir, "draft.yaml");

        var (exit, output) = Run("deck", "generate", text, "-o", deck);
        var (validateExit, _) = Run("deck", "validate", deck);

        Assert.Equal((0, 0), (exit, validateExit));
        Assert.Contains("clutter lines dropped", output);
        var loaded = new DeckLoader().LoadFile(deck).Deck!;
        Assert.Equal("Border towns", loaded.Title);
        Assert.Contains(loaded.Cards, c => c.Kind == CardKind.Cloze && c.Answers.SequenceEqual(["70 percent"]));
        Assert.DoesNotContain(loaded.Cards, c => c.Prompt.Contains("newsletter"));
    }

    [Fact]
    public void Generate_CardsAndExplain_ChooseTheCountAndListEachSentenceLeftOutWithItsReason()
    {
        var text = Write("containment.md", "# Containment\n\nFigure 1.2 A map of Europe.\n\n"
            + "George Kennan defined the new approach in the Long Telegram he sent to the State Department in 1946. "
            + "The president asked Congress to provide $400 million for economic and military aid to Greece. "
            + "It was a turning point for the whole policy. "
            + "The policy of stopping Soviet expansion is known as containment.\n");

        var (exit, output) = Run("deck", "generate", text, "--cards", "2", "--explain");

        Assert.Equal(0, exit);
        var deck = new DeckLoader().LoadFile(Path.Combine(_dir, "containment.yaml")).Deck!;
        Assert.Equal(2, deck.Cards.Count);
        Assert.Contains("a figure or table caption", output);
        Assert.Contains("scored below the 2 cards kept", output);
        Assert.Contains("'It' points back to a sentence the card could not show", output);
        Assert.Contains(deck.Cards, c => c.Answers.SequenceEqual(["containment"]) && c.Explanation == "\"The policy of stopping Soviet expansion is known as containment.\"");
    }

    [Fact]
    public void Generate_LongFirstLine_IsASentence_TheTitleComesFromTheFileName_OrTitle()
    {
        var first = "The kingdom of Aksum, which traded ivory, gold and incense across the Red Sea for centuries, was described as one of the four great powers of its age by a prophet writing in the third century";
        var text = Write("aksum_reading.txt", first + "\n\nA caravan is a group of merchants that travels together for safety.\n");

        var (exit, output) = Run("deck", "generate", text);
        var (titled, _) = Run("deck", "generate", text, "--title", "Aksum", "--id", "aksum", "-o", Path.Combine(_dir, "titled.yaml"));

        Assert.Equal((0, 0), (exit, titled));
        Assert.Contains("Wrote", output);
        Assert.Equal("Aksum reading", new DeckLoader().LoadFile(Path.Combine(_dir, "aksum_reading.yaml")).Deck!.Title);
        var named = new DeckLoader().LoadFile(Path.Combine(_dir, "titled.yaml")).Deck!;
        Assert.Equal(("aksum", "Aksum"), (named.Id, named.Title));
    }

    [Fact]
    public void Generate_UnknownOption_ExitsOne_NamingTheValidOptions_AndMaxCardsWorks()
    {
        var text = Write("stream.md", "# Rivers\n\nWater flowing in a channel is called a stream. A glacier is a body of ice that moves slowly over land. "
            + "A delta is a landform that forms where a river meets the sea. Rock formed from cooled lava is called igneous rock.\n");

        var (exit, output) = Run("deck", "generate", text, "--max-card", "2");
        var (capped, cappedOutput) = Run("deck", "generate", text, "--max-cards", "2");

        Assert.Equal(1, exit);
        Assert.Contains("Unknown option 'max-card'", output);
        Assert.Contains("--cards", output);
        Assert.Contains("--title", output);
        Assert.Equal(0, capped);
        Assert.Equal(2, new DeckLoader().LoadFile(Path.Combine(_dir, "stream.yaml")).Deck!.Cards.Count);
        Assert.Matches(@"Left out \d+ more sentences? that had a card to draft: at most 2 cards are drafted \(--cards N to change\)", cappedOutput);
    }

    [Fact]
    public void Generate_TextWithoutAnyCard_SaysSoAndWritesNothing()
    {
        var text = Write("menu.md", "# Menu\n\n- Home\n- About us\n\nIt was fine.\n");

        var (exit, output) = Run("deck", "generate", text, "--explain");

        Assert.Equal(1, exit);
        Assert.Contains("no card could be drafted from the 1 sentences", output);
        Assert.Contains("a list item that is not a sentence", output);
        Assert.False(File.Exists(Path.Combine(_dir, "menu.yaml")));
    }

    [Fact]
    public void Generate_Html_ReadsTheArticleAndLeavesOutTheFigure()
    {
        var text = Write("page.html", "<html><head><title>Leaves</title></head><body><nav>Home</nav><article><h1>Leaves</h1>"
            + "<figure><figcaption>Figure 2 A leaf.</figcaption></figure>"
            + "<p>Carbon dioxide enters the leaf through small openings called stomata.</p></article></body></html>");

        var (exit, _) = Run("deck", "generate", text, "-o", Path.Combine(_dir, "leaves.yaml"));

        Assert.Equal(0, exit);
        var deck = new DeckLoader().LoadFile(Path.Combine(_dir, "leaves.yaml")).Deck!;
        Assert.Equal("Leaves", deck.Title);
        Assert.Equal(["stomata"], Assert.Single(deck.Cards).Answers);
    }

    [Fact]
    public void Import_QuizletWithChosenSeparators_WritesBasicCards()
    {
        var source = Write("quizlet.txt", "Yalu - river on the border;Tumen - the other border river;");
        var target = Path.Combine(_dir, "rivers.yaml");

        var (exit, _) = Run("deck", "import", source, "--from", "quizlet", "--separator", " - ", "--row-separator", ";", "-o", target);

        Assert.Equal(0, exit);
        var deck = new DeckLoader().LoadFile(target).Deck!;
        Assert.Equal("quizlet", deck.Id);
        Assert.Equal([("Yalu", "river on the border"), ("Tumen", "the other border river")], deck.Cards.Select(c => (c.Prompt, c.Answers.Single())));
    }

    [Fact]
    public void Validate_UnknownFormatOption_ExitsNonZeroWithMessage()
    {
        var (exit, output) = Run("deck", "validate", "--from", "docx", "x.docx");

        Assert.NotEqual(0, exit);
        Assert.Contains("--from 'docx' is not a format", output);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Grade_TradeShareCard_GoodAgainAgain()
    {
        var deck = Path.Combine(EndToEnd.PlaygroundBot.RepositoryDecks(), "washington-levers.yaml");

        var (exit, output) = Run("deck", "grade", deck, "trade-share-typed", "about 90 percent", "80%", "90% or 80%");

        Assert.Equal(0, exit);
        var lines = output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(["Good\tabout 90 percent\t", "Again\t80%\texpected: 90 percent", "Again\t90% or 80%\tone answer only: \"90% or 80%\" offers alternatives; expected: 90 percent"], lines);
    }

    [Fact]
    public void Grade_Explain_EndsEachLineWithTheRuleThatDecided()
    {
        var deck = Write("explain.yaml", "id: d\ntitle: D\ncards:\n  - {id: who, kind: typed, prompt: 'Who led the Union?', answers: [Abraham Lincoln, Lincoln]}\n");

        var (exit, output) = Run("deck", "grade", "--explain", deck, "who", "President Lincoln", "Lincon", "Lincoln Chafee");

        Assert.Equal(0, exit);
        var lines = output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Select(line => line.Split('\t')).ToList();
        Assert.Equal(["Good", "Hard", "Again"], lines.Select(cells => cells[0]));
        Assert.Equal(["rule=title", "rule=typo"], lines.Take(2).Select(cells => cells[^1]));
        Assert.StartsWith("rule=", lines[2][^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Grade_ClozeCardById_UsesItsAlternatives()
    {
        var deck = Write("cloze.yaml", "id: d\ntitle: D\ncards:\n  - id: lever\n    kind: cloze\n    text: 'More leverage than {{c1::Japan}} or {{c2::the United States|the States}}.'\n");

        var (exit, output) = Run("deck", "grade", deck, "lever#c2", "US", "the States", "Japan", "");

        Assert.Equal(0, exit);
        Assert.Equal(["Good\tUS\t", "Good\tthe States\t", "Again\tJapan\texpected: the United States", "Again\t\tno answer given; expected: the United States"], output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Grade_UnknownCard_ExitsOneNamingNearestIds()
    {
        var deck = Write("cloze.yaml", "id: d\ntitle: D\ncards:\n  - id: lever\n    kind: cloze\n    text: 'More {{c1::leverage}}.'\n");

        var (exit, output) = Run("deck", "grade", deck, "lever", "x");

        Assert.Equal(1, exit);
        Assert.Contains("there is no card 'lever' in deck 'd'; nearest ids: lever#c1", output);
    }

    [Fact]
    public void Grade_UnknownDeck_ExitsOneSayingTheFileIsMissing()
    {
        var (exit, output) = Run("deck", "grade", Path.Combine(_dir, "nope.yaml"), "a", "x");

        Assert.Equal(1, exit);
        Assert.Contains("does not exist: check the path", output);
        Assert.DoesNotContain("   at ", output);
    }
}
