using Spectre.Console;
using Spectre.Console.Cli;
using StudyBot.Cli;
using StudyBot.Core.Decks;

namespace StudyBot.Tests.Decks;

/// <summary>The `deck` commands run in-process, as `studybot deck ...` runs them, writing to a recorded console.</summary>
public sealed class DeckCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("studybot-cli-").FullName;

    private (int Exit, string Output) Run(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 250;
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.ConfigureConsole(console);
            config.AddDeckCommands(console);
        });
        var exit = app.Run(args);
        return (exit, writer.ToString());
    }

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
        Assert.Contains("boilerplate lines dropped", output);
        var loaded = new DeckLoader().LoadFile(deck).Deck!;
        Assert.Equal("Border towns", loaded.Title);
        Assert.Contains(loaded.Cards, c => c.Kind == CardKind.Cloze && c.Answers.SequenceEqual(["70 percent"]));
        Assert.DoesNotContain(loaded.Cards, c => c.Prompt.Contains("newsletter"));
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
}
