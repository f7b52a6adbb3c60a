using System.Buffers;
using System.Text;
using System.Text.Unicode;
using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Decks.Formats;

/// <summary>
/// Turns a deck file's bytes into text. Bytes that are not UTF-8 are an error naming the byte
/// offset, line and column (rather than silently becoming U+FFFD), and the Unicode line and
/// paragraph separators, which editors disagree about, are reported where they stand.
/// </summary>
public static class TextDecoder
{
    public static string? Decode(ReadOnlySpan<byte> bytes, DiagnosticBag diagnostics)
    {
        // A BOM is not part of the text; editors on Windows often add one.
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }
        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            var before = bytes[..read];
            var line = before.Count((byte)'\n') + 1;
            var lineStart = before.LastIndexOf((byte)'\n') + 1;
            var column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
            diagnostics.Error(new SourcePosition(line, column), null,
                $"the byte at offset {read:N0} (0x{bytes[read]:X2}) is not UTF-8: save the file as UTF-8 (in a spreadsheet: CSV UTF-8).");
            return null;
        }
        var text = new string(chars, 0, written);
        ReportSeparators(text, diagnostics);
        return text;
    }

    /// <summary>U+2028 and U+2029 are line breaks to some editors and YAML 1.1, and invisible to others.</summary>
    public static void ReportSeparators(string text, DiagnosticBag diagnostics)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
            }
            else if (c is '\u2028' or '\u2029')
            {
                var name = c == '\u2028' ? "LINE SEPARATOR" : "PARAGRAPH SEPARATOR";
                diagnostics.Error(new SourcePosition(line, i - lineStart + 1), null,
                    $"an invisible U+{(int)c:X4} ({name}) is here: replace it with an ordinary line break, or with a space.");
            }
        }
    }
}
