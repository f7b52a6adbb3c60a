using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Decks.Formats.Yaml;

/// <summary>Reads one field's value as the type the format expects, reporting anything else.</summary>
internal sealed class FieldReader(DiagnosticBag diagnostics, string? cardId)
{
    public string? Text(YamlScalarNode key, YamlNodeBase value)
    {
        switch (value)
        {
            case YamlScalarNode { IsNull: true }:
                return null;
            case YamlScalarNode scalar:
                return scalar.Value.Trim();
            default:
                diagnostics.Error(value.At, cardId, $"`{key.Value}` must be text, but it is {YamlNodeNames.Describe(value)}; write it on one line, quoted if it holds ':' or '#'.");
                return null;
        }
    }

    public IReadOnlyList<string> TextList(YamlScalarNode key, YamlNodeBase value)
    {
        switch (value)
        {
            case YamlScalarNode { IsNull: true }:
                return [];
            case YamlSequenceNode list:
            {
                var result = new List<string>();
                foreach (var item in list.Items)
                {
                    if (item is YamlScalarNode { IsNull: false } scalar)
                    {
                        result.Add(scalar.Value.Trim());
                    }
                    else
                    {
                        diagnostics.Error(item.At, cardId, $"each entry of `{key.Value}` must be text, but this one is {YamlNodeNames.Describe(item)}.");
                    }
                }
                return result;
            }
            default:
                diagnostics.Error(value.At, cardId, $"`{key.Value}` must be a list, like [first, second], but it is {YamlNodeNames.Describe(value)}.");
                return [];
        }
    }

    public bool? Bool(YamlScalarNode key, YamlNodeBase value)
    {
        if (value is YamlScalarNode scalar && scalar.Style == YamlDotNet.Core.ScalarStyle.Plain)
        {
            switch (scalar.Value)
            {
                case "true" or "True" or "TRUE": return true;
                case "false" or "False" or "FALSE": return false;
            }
        }
        diagnostics.Error(value.At, cardId, $"`{key.Value}` must be true or false (without quotes), but it is {YamlNodeNames.Describe(value)}.");
        return null;
    }

    public CardKind? Kind(YamlScalarNode key, YamlNodeBase value)
    {
        var text = Text(key, value);
        if (text is null)
        {
            return null;
        }
        if (Names.TryParseKind(text, out var kind))
        {
            return kind;
        }
        diagnostics.Error(value.At, cardId, $"unknown kind '{text}': use one of basic, mcq, typed, cloze.");
        return null;
    }

    public void Unknown(YamlScalarNode key, IReadOnlyList<string> known, string where)
    {
        if (diagnostics.IsFull)
        {
            diagnostics.Omit(DiagnosticSeverity.Error);
            return;
        }
        var suggestion = Names.Closest(key.Value, known);
        var hint = suggestion is null ? "" : $" Did you mean '{suggestion}'?";
        diagnostics.Error(key.At, cardId,
            $"unknown {where} field '{key.Value}'.{hint} A {where} may have: {string.Join(", ", known.Where(k => k != "$schema"))}.");
    }
}
