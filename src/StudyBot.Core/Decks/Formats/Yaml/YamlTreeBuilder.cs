using StudyBot.Core.Decks.Validation;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StudyBot.Core.Decks.Formats.Yaml;

/// <summary>
/// Reads the first YAML (or JSON) document of a text into a <see cref="YamlNodeBase"/> tree.
/// Aliases are refused: a deck has no use for them, and expanding them is how a small file
/// becomes an enormous one.
/// </summary>
internal static class YamlTreeBuilder
{
    private const int MaxDepth = 32;

    /// <summary>
    /// Fields one block may hold before the rest are skipped unread (each still counted as a
    /// problem): a deck, card or choice has at most a dozen, and 100,000 unknown fields built
    /// into a tree cost seconds of garbage collection for nothing.
    /// </summary>
    private const int MaxEntries = 1_000;

    public static YamlNodeBase? Build(string text, DiagnosticBag diagnostics)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }
            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, diagnostics, 0);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var next))
            {
                diagnostics.Error(At(next.Start), null,
                    "a second YAML document starts here ('---'): put one deck in a file, or remove the extra '---'.");
            }
            return root;
        }
        catch (YamlException ex)
        {
            diagnostics.Error(At(ex.Start), null, $"the file is not valid YAML/JSON here: {Plain(ex)}. Check quoting and indentation.");
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
        {
            // The scanner fails this way on some malformed input; the last event it produced is the nearest position.
            var at = parser.Current is { } current ? At(current.End) : new SourcePosition(1, 1);
            diagnostics.Error(at, null, "the file is not valid YAML/JSON after this point: check for an unclosed bracket or quote.");
            return null;
        }
        catch (DeckTooDeepException ex)
        {
            diagnostics.Error(ex.At, null, $"values are nested more than {MaxDepth} levels deep; a deck needs at most 4.");
            return null;
        }
    }

    private static YamlNodeBase ReadNode(IParser parser, DiagnosticBag diagnostics, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new DeckTooDeepException(At(parser.Current!.Start));
        }
        var ev = parser.Current!;
        diagnostics.Budget.Check(At(ev.Start));
        diagnostics.Budget.ChargeYamlNode(At(ev.Start));
        switch (ev)
        {
            case Scalar scalar:
                parser.MoveNext();
                return new YamlScalarNode(At(scalar.Start), scalar.Value, scalar.Style);
            case SequenceStart start:
            {
                parser.MoveNext();
                var items = new List<YamlNodeBase>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(parser, diagnostics, depth + 1));
                }
                return new YamlSequenceNode(At(start.Start), items);
            }
            case MappingStart start:
            {
                parser.MoveNext();
                var entries = new List<KeyValuePair<YamlScalarNode, YamlNodeBase>>();
                var seen = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
                var skipped = 0;
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    if (seen.Count >= MaxEntries)
                    {
                        SkipEntry(parser, diagnostics, first: skipped++ == 0);
                        continue;
                    }
                    var keyNode = ReadNode(parser, diagnostics, depth + 1);
                    var value = ReadNode(parser, diagnostics, depth + 1);
                    if (keyNode is not YamlScalarNode key)
                    {
                        diagnostics.Error(keyNode.At, null, "a field name must be plain text, not a list or a set of fields.");
                        continue;
                    }
                    if (seen.TryGetValue(key.Value, out var first))
                    {
                        diagnostics.Error(key.At, null,
                            $"the field '{key.Value}' is written twice here (first at line {first.Line}); keep one of them.");
                        continue;
                    }
                    seen[key.Value] = key.At;
                    entries.Add(new(key, value));
                }
                return new YamlMappingNode(At(start.Start), entries);
            }
            case AnchorAlias alias:
                parser.MoveNext();
                diagnostics.Error(At(alias.Start), null,
                    $"the alias '*{alias.Value}' is not supported in decks: write the value out in full.");
                return new YamlScalarNode(At(alias.Start), "", ScalarStyle.Plain);
            default:
                throw new YamlException(ev.Start, ev.End, $"unexpected {ev.GetType().Name}");
        }
    }

    private static void SkipEntry(IParser parser, DiagnosticBag diagnostics, bool first)
    {
        var at = At(parser.Current!.Start);
        diagnostics.Budget.Check(at);
        if (first)
        {
            diagnostics.Error(at, null, $"this block holds more than {MaxEntries:N0} fields, where a deck, card or choice has at most a dozen: the rest of it is not read.");
        }
        else
        {
            diagnostics.Omit(DiagnosticSeverity.Error);
        }
        parser.SkipThisAndNestedEvents();
        parser.SkipThisAndNestedEvents();
    }

    private static SourcePosition At(Mark mark) => new((int)mark.Line, (int)mark.Column);

    /// <summary>YamlDotNet prefixes its messages with the position, which the diagnostic already carries.</summary>
    private static string Plain(YamlException ex)
    {
        var message = ex.InnerException?.Message ?? ex.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && close > 0 ? message[(close + 3)..] : message;
    }

    private sealed class DeckTooDeepException(SourcePosition at) : Exception
    {
        public SourcePosition At { get; } = at;
    }
}
