using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StudyBot.Core.Decks.Formats.Yaml;

/// <summary>Writes a deck in StudyBot's YAML format (decks/README.md), one note per entry.</summary>
public static class YamlDeckWriter
{
    public static string Write(Deck deck, string? header = null)
    {
        using var writer = new StringWriter();
        if (header is not null)
        {
            foreach (var line in header.Split('\n'))
            {
                writer.Write("# " + line + "\n");
            }
        }
        var emitter = new Emitter(writer, new EmitterSettings(2, int.MaxValue, false, 1024, skipAnchorName: false, indentSequences: true, newLine: "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, true));
        emitter.Emit(new MappingStart());
        Field(emitter, "id", deck.Id);
        Field(emitter, "title", deck.Title);
        Field(emitter, "description", deck.Description);
        Field(emitter, "source", deck.Source);
        Key(emitter, "cards");
        emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
        foreach (var note in DeckNotes.Fold(deck))
        {
            WriteNote(emitter, note);
        }
        emitter.Emit(new SequenceEnd());
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void WriteNote(Emitter emitter, NoteDraft note)
    {
        emitter.Emit(new MappingStart());
        Field(emitter, "id", note.Id);
        Field(emitter, "kind", Names.Of(note.Kind!.Value));
        Field(emitter, note.Kind == CardKind.Cloze ? "text" : "prompt", note.Prompt);
        if (note.Kind == CardKind.Basic && note.Answers.Count == 1)
        {
            Field(emitter, "answer", note.Answers[0]);
        }
        else if (note.Answers.Count > 0)
        {
            List(emitter, "answers", note.Answers);
        }
        if (note.Choices.Count > 0)
        {
            Key(emitter, "choices");
            emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
            foreach (var choice in note.Choices)
            {
                emitter.Emit(new MappingStart(null, null, true, MappingStyle.Flow));
                Field(emitter, "text", choice.Text);
                if (choice.Correct)
                {
                    Key(emitter, "correct");
                    emitter.Emit(new Scalar(null, null, "true", ScalarStyle.Plain, true, false));
                }
                emitter.Emit(new MappingEnd());
            }
            emitter.Emit(new SequenceEnd());
        }
        Field(emitter, "explanation", note.Explanation);
        Field(emitter, "image", note.Image);
        if (note.Tags.Count > 0)
        {
            List(emitter, "tags", note.Tags);
        }
        if (note.Reversed)
        {
            Key(emitter, "reversed");
            emitter.Emit(new Scalar(null, null, "true", ScalarStyle.Plain, true, false));
        }
        Field(emitter, "note", note.NoteId);
        if (note.AllowLeaks.Count > 0)
        {
            List(emitter, "allow_leaks", note.AllowLeaks);
        }
        emitter.Emit(new MappingEnd());
    }

    private static void List(Emitter emitter, string key, IEnumerable<string> values)
    {
        Key(emitter, key);
        // A literal block cannot stand inside a flow list.
        var style = values.Any(v => v.Contains('\n')) ? SequenceStyle.Block : SequenceStyle.Flow;
        emitter.Emit(new SequenceStart(null, null, false, style));
        foreach (var value in values)
        {
            Value(emitter, value);
        }
        emitter.Emit(new SequenceEnd());
    }

    private static void Field(Emitter emitter, string key, string? value)
    {
        if (value is null)
        {
            return;
        }
        Key(emitter, key);
        Value(emitter, value);
    }

    private static void Key(Emitter emitter, string key) => emitter.Emit(new Scalar(key));

    /// <summary>
    /// Multi-line text as a literal block; text a YAML reader could take for null, a boolean or a
    /// number is quoted so that it stays text for any tool that reads the file.
    /// </summary>
    private static void Value(Emitter emitter, string value)
    {
        var style = value.Contains('\n') && value == value.Trim() ? ScalarStyle.Literal
            : LooksLikeOtherType(value) ? ScalarStyle.DoubleQuoted
            : ScalarStyle.Any;
        emitter.Emit(new Scalar(null, null, value, style, true, true));
    }

    private static bool LooksLikeOtherType(string value) =>
        value.Length == 0 || value is "~" || value.ToLowerInvariant() is "null" or "true" or "false" or "yes" or "no" or "on" or "off"
        || double.TryParse(value, System.Globalization.NumberStyles.Any, System.Globalization.CultureInfo.InvariantCulture, out _);
}
