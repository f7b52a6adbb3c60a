using System.Diagnostics;
using System.Text;
using StudyBot.Core.Decks;
using StudyBot.Core.Decks.Formats;
using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Tests.Decks.Hostile;

/// <summary>
/// Text decks built to hurt, each refused within the issue's bounds with a message naming file,
/// line, column and card: a busy-looping separator, an overflowing cloze number, 100,000 unknown
/// fields, links to devices, pipes, bytes that are not UTF-8, stray cloze braces.
/// </summary>
[Collection(ImportFilesCollection.Name)]
public sealed class HostileTextTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("studybot-hostile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData("", "\t", "the row separator is empty")]
    [InlineData("\n", "", "the term separator is empty")]
    public void LoadFile_QuizletEmptySeparator_IsRefusedAtOnce(string rowSeparator, string termSeparator, string message)
    {
        var path = Write("set.txt", "term\tdefinition\nother\tmeaning\n");
        var options = new DeckReadOptions { Format = DeckFormat.Quizlet, RowSeparator = rowSeparator, TermSeparator = termSeparator };

        var result = Bounded.Within(() => new DeckLoader().LoadFile(path, options));

        Assert.Contains(message, Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void LoadFile_ClozeNumberBeyondInt_NamesFileLineColumnCardAndKeepsOtherProblems()
    {
        var path = Write("big.yaml", DeckText.Yaml(
            "id: big",
            "title: Big numbers",
            "cards:",
            "  - id: huge",
            "    kind: cloze",
            "    text: \"Pyongyang is the {{c99999999999::capital}}\"",
            "  - id: fine",
            "    kind: basic",
            "    prompt: What?",
            "    colour: red"));

        var result = Bounded.Within(() => new DeckLoader().LoadFile(path));

        var overflow = result.Error("the deletion number 'c99999999999' at character 18 of the text is too large");
        Assert.Equal((path, 6, 11, "huge"), (overflow.File, overflow.Line, overflow.Column, overflow.CardId));
        Assert.Contains(result.Errors, e => e.CardId == "fine" && e.Line == 10);
    }

    [Fact]
    public void LoadFile_HundredThousandUnknownFields_IsCappedFastAndSmall()
    {
        var text = new StringBuilder("id: many\ntitle: Many\ncards:\n  - id: one\n    kind: basic\n    prompt: Q?\n    answer: A\n");
        for (var i = 0; i < 100_000; i++)
        {
            text.Append("    field").Append(i).Append(": v\n");
        }
        var path = Write("many.yaml", text.ToString());
        Assert.InRange(new FileInfo(path).Length, 1_500_000, 5 * 1024 * 1024);

        // The loader's own time budget is widened here so that what is asserted below (the capped list)
        // does not depend on how busy the machine is; Bounded still holds the load to 5 s and 300 MB.
        var result = Bounded.Within(() => new DeckLoader(DeckLimits.Default with { TimeBudget = TimeSpan.FromSeconds(60) }).LoadFile(path));

        Assert.True(result.Diagnostics.Count == DiagnosticBag.MaxProblems + 1, string.Join("\n", result.Diagnostics.Take(5)));
        var first = result.Diagnostics[0];
        Assert.Equal((8, 5, "one"), (first.Line, first.Column, first.CardId));
        // 100,000 unknown fields and the card's own missing pieces: all counted, 100 kept.
        Assert.Matches(@"^99,9\d\d more problems not shown: fix the 100 above and check the file again\.$", result.Diagnostics[^1].Message);
    }

    [Fact]
    public void LoadFile_LinkToDevZero_IsRefusedBeforeReading()
    {
        var path = Path.Combine(_folder, "zero.yaml");
        File.CreateSymbolicLink(path, "/dev/zero");

        var result = Bounded.Within(() => new DeckLoader().LoadFile(path));

        Assert.Contains("'zero.yaml' is empty or is not an ordinary file (a device, a pipe or a socket)", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void LoadFile_Fifo_IsRefusedWithoutBlocking()
    {
        var path = Path.Combine(_folder, "pipe.apkg");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", path) { RedirectStandardError = true })!)
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var result = Bounded.Within(() => new DeckLoader().LoadFile(path));

        Assert.Contains("is not an ordinary file", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void LoadFile_InvalidUtf8_IsAnErrorWithOffsetLineAndColumn()
    {
        var path = Path.Combine(_folder, "latin1.csv");
        var bytes = Encoding.UTF8.GetBytes("front,back\nKim Jong Un,leader\nCaf").Concat(new byte[] { 0xE9, (byte)',', (byte)'x', (byte)'\n' }).ToArray();
        File.WriteAllBytes(path, bytes);

        var result = new DeckLoader().LoadFile(path);

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, 4), (error.Line, error.Column));
        Assert.Contains("the byte at offset 33 (0xE9) is not UTF-8: save the file as UTF-8", error.Message);
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains('\uFFFD'));
    }

    [Fact]
    public void LoadBytes_InvalidUtf8Upload_IsRefusedLikeAFile()
    {
        var bytes = Encoding.UTF8.GetBytes("id: x\ntitle: ").Concat(new byte[] { 0xC3, 0x28 }).ToArray();

        var error = Assert.Single(new DeckLoader().LoadBytes(bytes, "up.yaml").Errors);

        Assert.Equal(("up.yaml", 2, 8), (error.File, error.Line, error.Column));
        Assert.Contains("offset 13 (0xC3)", error.Message);
    }

    [Theory]
    [InlineData('\u2028', "U+2028 (LINE SEPARATOR)")]
    [InlineData('\u2029', "U+2029 (PARAGRAPH SEPARATOR)")]
    public void LoadText_UnicodeSeparatorInValue_IsReportedWhereItStands(char separator, string name)
    {
        var result = DeckText.Load(DeckText.Yaml("id: sep", "title: Sep", "cards:", "  - id: a", "    kind: basic", $"    prompt: one{separator}two", "    answer: x"));

        var error = result.Error(name);
        Assert.Equal((6, 16), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("{{c1::a}}}}", "stray '}}' at character 10 of the text")]
    [InlineData("{{{{c1::x}}", "stray '{{' at character 1 of the text")]
    [InlineData("{{c1::a::b::c}}", "the deletion c1 at character 1 of the text has a third '::' part ('c')")]
    [InlineData("Seoul {{c1::open", "the deletion '{{c1::open' at character 7 of the text is not closed")]
    [InlineData("x {{c0::y}}", "'{{c0::' at character 3 of the text is not a deletion number")]
    public void Load_ClozeSyntaxError_NamesTheExactPlace(string text, string message)
    {
        var result = DeckText.Load(DeckText.Yaml("id: c", "title: C", "cards:", "  - id: k", "    kind: cloze", $"    text: \"{text}\""));

        var error = result.Error(message);
        Assert.Equal((6, 11, "k"), (error.Line, error.Column, error.CardId));
    }
}
