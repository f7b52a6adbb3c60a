using System.Text.Json;
using System.Text.RegularExpressions;
using StudyBot.Core.Decks.Formats.Yaml;
using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Decks.Formats.Anki;

/// <summary>One card template of a note type: which fields its question and answer show.</summary>
internal sealed record AnkiTemplate(int Ord, string Name, IReadOnlyList<string> FrontFields, IReadOnlyList<string> BackFields, string? TypedField);

/// <summary>An Anki note type (a "model" in the collection's JSON), reduced to what import needs.</summary>
internal sealed partial record AnkiModel(long Id, string Name, bool IsCloze, IReadOnlyList<string> Fields, IReadOnlyList<AnkiTemplate> Templates)
{
    private static readonly HashSet<string> _specialFields = new(StringComparer.OrdinalIgnoreCase)
        { "FrontSide", "Tags", "Type", "Deck", "Subdeck", "Card", "CardFlag" };

    [GeneratedRegex(@"\{\{([^{}]+)\}\}")]
    private static partial Regex Reference();

    // Each field's place, looked up once per note field: a scan of the list for each was quadratic in the fields.
    private readonly Dictionary<string, int> _index = IndexFields(Fields);

    /// <summary>The place of a field among the note's fields (Anki matches names without case), or -1.</summary>
    public int IndexOf(string field) => _index.GetValueOrDefault(field, -1);

    private static Dictionary<string, int> IndexFields(IReadOnlyList<string> fields)
    {
        var index = new Dictionary<string, int>(fields.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < fields.Count; i++)
        {
            index.TryAdd(fields[i], i);
        }
        return index;
    }

    /// <summary>
    /// Parses the <c>col.models</c> JSON of a schema-11 collection. A note type with more fields
    /// or templates than the limits is refused as soon as its counts are seen, before any is read.
    /// </summary>
    public static Dictionary<long, AnkiModel> ParseAll(string json, ReadBudget budget)
    {
        var limits = budget.Limits;
        var models = new Dictionary<long, AnkiModel>();
        using var doc = JsonDocument.Parse(json);
        foreach (var property in doc.RootElement.EnumerateObject())
        {
            budget.Check(SourcePosition.None);
            var m = property.Value;
            var id = long.Parse(property.Name, System.Globalization.CultureInfo.InvariantCulture);
            var name = m.GetProperty("name").GetString() ?? "";
            var flds = m.GetProperty("flds");
            var tmpls = m.GetProperty("tmpls");
            if (flds.GetArrayLength() > limits.MaxFieldsPerNoteType)
            {
                ReadBudget.Refuse(SourcePosition.None, null,
                    $"the note type '{YamlNodeNames.Shorten(name)}' (id {id}) has {flds.GetArrayLength():N0} fields; the limit is {limits.MaxFieldsPerNoteType:N0}: remove the fields its cards do not need in Anki (Tools > Manage Note Types > Fields) and export again.");
            }
            if (tmpls.GetArrayLength() > limits.MaxTemplatesPerNoteType)
            {
                ReadBudget.Refuse(SourcePosition.None, null,
                    $"the note type '{YamlNodeNames.Shorten(name)}' (id {id}) has {tmpls.GetArrayLength():N0} card types; the limit is {limits.MaxTemplatesPerNoteType:N0}: remove card types in Anki (Tools > Manage Note Types > Cards) and export again.");
            }
            var fields = flds.EnumerateArray()
                .OrderBy(f => f.GetProperty("ord").GetInt32())
                .Select(f => f.GetProperty("name").GetString() ?? "").ToList();
            var isCloze = m.TryGetProperty("type", out var type) && type.GetInt32() == 1;
            var templates = new List<AnkiTemplate>(tmpls.GetArrayLength());
            foreach (var t in tmpls.EnumerateArray())
            {
                budget.Check(SourcePosition.None);
                var (front, typed) = References(t.GetProperty("qfmt").GetString() ?? "");
                var (back, _) = References(t.GetProperty("afmt").GetString() ?? "");
                var shown = front.ToHashSet(StringComparer.Ordinal);
                templates.Add(new AnkiTemplate(t.GetProperty("ord").GetInt32(), t.GetProperty("name").GetString() ?? "",
                    front, back.Where(f => !shown.Contains(f)).ToList(), typed));
            }
            models[id] = new AnkiModel(id, name, isCloze, fields, [.. templates.OrderBy(t => t.Ord)]);
        }
        return models;
    }

    /// <summary>The fields a template shows, in order, skipping conditionals and special fields; and the one typed, if any.</summary>
    private static (List<string> Fields, string? Typed) References(string template)
    {
        var fields = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? typed = null;
        foreach (Match match in Reference().Matches(template))
        {
            var inner = match.Groups[1].Value.Trim();
            if (inner.Length == 0 || inner[0] is '#' or '^' or '/' or '!')
            {
                continue;
            }
            var parts = inner.Split(':');
            var name = parts[^1].Trim();
            if (_specialFields.Contains(name))
            {
                continue;
            }
            if (parts.Length > 1 && parts[0].Trim().Equals("type", StringComparison.OrdinalIgnoreCase))
            {
                typed = name;
                continue;
            }
            if (seen.Add(name))
            {
                fields.Add(name);
            }
        }
        return (fields, typed);
    }
}
