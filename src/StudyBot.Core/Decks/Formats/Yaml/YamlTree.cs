using YamlDotNet.Core;

namespace StudyBot.Core.Decks.Formats.Yaml;

/// <summary>
/// A small YAML document tree with a position on every node, built from the parser's events so
/// that duplicate keys, aliases and excessive nesting become diagnostics instead of exceptions.
/// </summary>
internal abstract record YamlNodeBase(SourcePosition At);

internal sealed record YamlScalarNode(SourcePosition At, string Value, ScalarStyle Style) : YamlNodeBase(At)
{
    /// <summary>An empty value, <c>~</c> or <c>null</c> written without quotes: YAML's null.</summary>
    public bool IsNull => Style == ScalarStyle.Plain && Value is "" or "~" or "null" or "Null" or "NULL";
}

internal sealed record YamlSequenceNode(SourcePosition At, IReadOnlyList<YamlNodeBase> Items) : YamlNodeBase(At);

internal sealed record YamlMappingNode(SourcePosition At, IReadOnlyList<KeyValuePair<YamlScalarNode, YamlNodeBase>> Entries)
    : YamlNodeBase(At);

/// <summary>What a node is, in the words an instructor would use in a message.</summary>
internal static class YamlNodeNames
{
    public static string Describe(YamlNodeBase node) => node switch
    {
        YamlScalarNode s when s.IsNull => "nothing",
        YamlScalarNode s => $"the text '{Shorten(s.Value)}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a set of fields",
        _ => "something else",
    };

    public static string Shorten(string text, int max = 40) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 3), "...");
}
