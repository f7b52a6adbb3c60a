using System.Text;
using StudyBot.Core.Decks;
using StudyBot.Core.Decks.Formats;
using StudyBot.Core.Decks.Validation;
using StudyBot.Fuzz;

namespace StudyBot.Core.Tests.Decks.Hostile;

/// <summary>
/// Each budget of work, reached with small limits and small files: the read stops at the first
/// record past the limit, one error names the place (line, or Anki note id) and what to change,
/// and a file within the same limits reads.
/// </summary>
[Collection(ImportFilesCollection.Name)]
public sealed class WorkBudgetTests
{
    private static readonly DeckLimits _small = new()
    {
        MaxCards = 3,
        MaxColumnsPerRow = 4,
        MaxNoteCharacters = 40,
        MaxTagsPerNote = 2,
        MaxYamlNodes = 30,
        MaxHtmlTagsPerField = 4,
        MaxFieldsPerNoteType = 3,
        MaxTemplatesPerNoteType = 2,
        MaxTotalCharacters = 100,
    };

    private static DeckLoadResult Csv(string text, string name = "deck.csv") => new DeckLoader(_small).LoadText(text, name);

    private static DeckLoadResult Apkg(byte[] package) => new DeckLoader(_small).LoadBytes(package, "hostile.apkg");

    private static string BasicModel(int fields = 2, int templates = 1) => HostileFiles.Model(1, "Basic",
        Enumerable.Range(0, fields).Select(i => $"F{i}"), Enumerable.Range(0, templates).Select(i => ($"Card {i}", "{{F0}}", "{{F1}}")));

    [Fact]
    public void Csv_RowWithTooManyColumns_IsRefusedAtItsLine()
    {
        var result = Csv("q1,a1\n\"q,2,with,commas\",a2\nq3,a,b,c,d,e\n");

        var error = result.Error("this row has more than 4 columns (separated by commas)");
        Assert.Equal(("deck.csv", 3), (error.File, error.Line));
        Assert.Single(result.Errors);
    }

    [Fact]
    public void Csv_QuotedSeparatorsAndLineBreaks_AreNotColumnsOrRows()
    {
        var result = Csv("\"a,b,c,d,e,f\",\"x\ny\nz\",t\n");

        Assert.DoesNotContain(result.Errors, e => e.Message.Contains("columns") || e.Message.Contains("rows"));
    }

    [Fact]
    public void Csv_RowsPastTheLimit_AreRefusedAtTheFirstOneOver()
    {
        var result = Csv("a,1\nb,2\n\nc,3\nd,4\ne,5\n");

        var error = Assert.Single(result.Errors);
        Assert.Contains("more than 4 rows (this is number 5)", error.Message);
        Assert.Equal(6, error.Line);
    }

    [Fact]
    public void Csv_RowPastTheNoteCharacters_NamesItsFirstLine()
    {
        var result = Csv("#separator:comma\nshort,row\n\"" + new string('x', 50) + "\nstill the same field\",a\n");

        var error = result.Error("the row starting here holds");
        Assert.Equal(3, error.Line);
        Assert.Contains("a note holds at most 40", error.Message);
    }

    [Fact]
    public void Csv_HeaderTagsPastTheLimit_NameTheHeaderLine()
    {
        var error = Csv("#separator:comma\n#tags:a b c\nq,a\n").Error("'#tags:' names 3 tags");
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Csv_ColumnsHeaderPastTheLimit_NamesItsLine()
    {
        var error = Csv("#separator:comma\n#html:false\n#columns:id,kind,prompt,answers,x\nc1,basic,q,a\n").Error("'#columns:' names 5 columns");
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Csv_FieldWithTooManyTags_IsRefusedNamingTheRow()
    {
        var result = Csv("#html:true\nq,a\n<b>1</b><i>2</i><u>3</u>,a\n");

        Assert.Equal(3, result.Error("holds 6 HTML tags; the limit is 4").Line);
        Assert.True(Csv("#html:true\n<b>1</b>,a\n").IsValid);
    }

    [Fact]
    public void Quizlet_RowsAndRowLength_AreBounded()
    {
        var options = new DeckReadOptions { Format = DeckFormat.Quizlet };
        var loader = new DeckLoader(_small);

        var rows = loader.LoadText("a\t1\nb\t2\nc\t3\nd\t4\ne\t5\n", "set.txt", options);
        var longRow = loader.LoadText("a\t1\nb\t" + new string('y', 60) + "\n", "set.txt", options);

        Assert.Equal(5, rows.Error("the set has more than 4 rows").Line);
        Assert.Equal(2, longRow.Error("the row starting here holds 62 characters").Line);
    }

    [Fact]
    public void Yaml_NodesPastTheLimit_AreRefusedWhereTheyPassIt()
    {
        var text = new StringBuilder("id: d\ntitle: D\ncards:\n");
        for (var i = 0; i < 40; i++)
        {
            text.Append("  - x\n");
        }
        var result = new DeckLoader(_small).LoadText(text.ToString(), "deck.yaml");

        var error = result.Error("the file holds more than 30 values, keys and list items");
        Assert.InRange(error.Line, 4, 43);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void Apkg_NoteTypeWithTooManyFieldsOrCardTypes_IsRefusedByName()
    {
        var fields = Apkg(HostileFiles.Package(BasicModel(fields: 4), [(1, "q\u001Fa\u001F\u001F", 1)]));
        var templates = Apkg(HostileFiles.Package(BasicModel(templates: 3), [(1, "q\u001Fa", 1)]));

        Assert.Contains("the note type 'Basic' (id 1) has 4 fields; the limit is 3", Assert.Single(fields.Errors).Message);
        Assert.Contains("the note type 'Basic' (id 1) has 3 card types; the limit is 2", Assert.Single(templates.Errors).Message);
        Assert.Equal("hostile.apkg", fields.Errors.Single().File);
    }

    [Fact]
    public void Apkg_NoteWithMoreFieldsThanTheLimit_IsRefusedByNoteId()
    {
        var result = Apkg(HostileFiles.Package(BasicModel(), [(1, "q\u001Fa", 1), (7, "q\u001Fa\u001Fb\u001Fc", 1)]));

        Assert.Contains("note 7 has 4 fields (its note type 'Basic' has 2); the limit is 3", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Apkg_NotesPastTheTotalCharacters_AreRefusedAtTheNoteThatPassesIt()
    {
        var notes = Enumerable.Range(1, 3).Select(i => ((long)i, $"{i}{new string('q', 25)}\u001F{new string('a', 8)}", 1));

        var result = Apkg(HostileFiles.Package(BasicModel(), notes));

        Assert.Contains("the notes read so far hold more than 100 characters, up to and including note 3", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Apkg_CardsRepeatingTheirNotesFields_AreBoundedByTheCharactersMade()
    {
        var model = HostileFiles.Model(1, "Two cards", ["F0", "F1", "F2"], [("Card 1", "{{F0}}", ""), ("Card 2", "{{F1}}", "")]);
        var limits = _small with { MaxTotalCharacters = 200, MaxNoteCharacters = 200 };
        var package = HostileFiles.Package(model, [(1, $"a\u001Fb\u001F{new string('x', 120)}", 2)]);

        var result = new DeckLoader(limits).LoadBytes(package, "hostile.apkg");

        Assert.Contains("the cards made so far hold more than 200 characters, up to and including those of note 1", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Apkg_WithinTheLimits_Reads()
    {
        var result = Apkg(HostileFiles.Package(BasicModel(), [(1, "What is it?\u001FThis.", 1)]));

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
    }

    public static TheoryData<string> HostileFileNames() => [.. HostileFiles.All.Select(f => f.Name)];

    /// <summary>Every hostile file through the upload's reader with the product's limits: refused, within the bounds.</summary>
    [Theory]
    [MemberData(nameof(HostileFileNames))]
    public void Upload_HostileFile_IsRefusedWithinTimeAndMemory(string name)
    {
        var file = HostileFiles.All.Single(f => f.Name == name).Make();
        var options = new DeckReadOptions { Format = file.From == "quizlet" ? DeckFormat.Quizlet : DeckFormat.Auto };

        var (result, elapsed, peak) = Bounded.Run(() => new DeckLoader().LoadBytes(file.Content, file.Name, options));

        Assert.Null(result.Deck);
        Assert.Contains(result.Errors, e => e.File == file.Name && file.IsRefusal(e.Message));
        Assert.True(elapsed < TimeSpan.FromSeconds(20), $"took {elapsed.TotalSeconds:0.0} s");
        Assert.True(peak < Bounded.MaxBytes, $"peak managed heap {peak / 1024 / 1024} MB");
    }
}
