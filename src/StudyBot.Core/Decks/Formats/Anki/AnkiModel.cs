using System.Text.Json;
using System.Text.RegularExpressions;

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

    /// <summary>Parses the <c>col.models</c> JSON of a schema-11 collection.</summary>
    public static Dictionary<long, AnkiModel> ParseAll(string json)
    {
        var models = new Dictionary<long, AnkiModel>();
        using var doc = JsonDocument.Parse(json);
        foreach (var property in doc.RootElement.EnumerateObject())
        {
            var m = property.Value;
            var id = long.Parse(property.Name, System.Globalization.CultureInfo.InvariantCulture);
            var fields = m.GetProperty("flds").EnumerateArray()
                .OrderBy(f => f.GetProperty("ord").GetInt32())
                .Select(f => f.GetProperty("name").GetString() ?? "").ToList();
            var isCloze = m.TryGetProperty("type", out var type) && type.GetInt32() == 1;
            var templates = m.GetProperty("tmpls").EnumerateArray().Select(t =>
            {
                var (front, typed) = References(t.GetProperty("qfmt").GetString() ?? "");
                var (back, _) = References(t.GetProperty("afmt").GetString() ?? "");
                return new AnkiTemplate(t.GetProperty("ord").GetInt32(), t.GetProperty("name").GetString() ?? "",
                    front, back.Where(f => !front.Contains(f)).ToList(), typed);
            }).OrderBy(t => t.Ord).ToList();
            models[id] = new AnkiModel(id, m.GetProperty("name").GetString() ?? "", isCloze, fields, templates);
        }
        return models;
    }

    /// <summary>The fields a template shows, in order, skipping conditionals and special fields; and the one typed, if any.</summary>
    private static (List<string> Fields, string? Typed) References(string template)
    {
        var fields = new List<string>();
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
            if (!fields.Contains(name))
            {
                fields.Add(name);
            }
        }
        return (fields, typed);
    }
}
