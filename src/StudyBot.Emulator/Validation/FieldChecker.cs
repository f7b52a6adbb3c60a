using System.Text.Json;
using System.Text.Json.Nodes;
using StudyBot.Emulator.Rest;

namespace StudyBot.Emulator.Validation;

/// <summary>Type and length checks that report with Discord's form error codes and messages.</summary>
internal sealed class FieldChecker(FormErrors errors)
{
    public FormErrors Errors { get; } = errors;

    /// <summary>Discord counts characters as code points, not UTF-16 units.</summary>
    public static int Length(string s) => s.EnumerateRunes().Count();

    public string? String(JsonObject o, string key, string path, int min, int max, bool required = false)
    {
        var p = FormErrors.Join(path, key);
        if (!Present(o, key, p, required))
        {
            return null;
        }
        if (o[key] is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
        {
            Errors.Add(p, "BASE_TYPE_STRING", $"Could not interpret \"{o[key]?.ToJsonString()}\" as string.");
            return null;
        }
        var s = v.GetValue<string>();
        CheckLength(Length(s), p, min, max);
        return s;
    }

    public long? Integer(JsonObject o, string key, string path, long min, long max, bool required = false)
    {
        var p = FormErrors.Join(path, key);
        if (!Present(o, key, p, required))
        {
            return null;
        }
        if (o[key] is not JsonValue v || v.GetValueKind() != JsonValueKind.Number || !v.TryGetValue<long>(out var n))
        {
            Errors.Add(p, "NUMBER_TYPE_COERCE", $"Value \"{o[key]?.ToJsonString()}\" is not int.");
            return null;
        }
        if (n < min)
        {
            Errors.Add(p, "NUMBER_TYPE_MIN", $"int value should be greater than or equal to {min}.");
        }
        else if (n > max)
        {
            Errors.Add(p, "NUMBER_TYPE_MAX", $"int value should be less than or equal to {max}.");
        }
        return n;
    }

    /// <summary>An integer that must be one of <paramref name="allowed"/>.</summary>
    public long? Choice(JsonObject o, string key, string path, IReadOnlyCollection<long> allowed, bool required = false)
    {
        var n = Integer(o, key, path, long.MinValue, long.MaxValue, required);
        if (n is { } value && !allowed.Contains(value))
        {
            Errors.Add(FormErrors.Join(path, key), "BASE_TYPE_CHOICES", $"Value must be one of {{{string.Join(", ", allowed)}}}.");
            return null;
        }
        return n;
    }

    public bool? Bool(JsonObject o, string key, string path)
    {
        var p = FormErrors.Join(path, key);
        if (!Present(o, key, p, false))
        {
            return null;
        }
        if (o[key] is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetValue<bool>();
        }
        Errors.Add(p, "BASE_TYPE_BOOLEAN", "Must be either true or false.");
        return null;
    }

    public JsonArray? Array(JsonObject o, string key, string path, int min, int max, bool required = false)
    {
        var p = FormErrors.Join(path, key);
        if (!Present(o, key, p, required))
        {
            return null;
        }
        if (o[key] is not JsonArray array)
        {
            Errors.Add(p, "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
            return null;
        }
        CheckLength(array.Count, p, min, max);
        return array;
    }

    public JsonObject? Object(JsonObject o, string key, string path, bool required = false)
    {
        var p = FormErrors.Join(path, key);
        return Present(o, key, p, required) ? AsObject(o[key], p) : null;
    }

    public JsonObject? AsObject(JsonNode? node, string path)
    {
        if (node is JsonObject obj)
        {
            return obj;
        }
        Errors.Add(path, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
        return null;
    }

    private bool Present(JsonObject o, string key, string path, bool required)
    {
        // Discord treats an explicit null like an absent optional field.
        if (o[key] is not null)
        {
            return true;
        }
        if (required)
        {
            Errors.Add(path, "BASE_TYPE_REQUIRED", "This field is required");
        }
        return false;
    }

    private void CheckLength(int length, string path, int min, int max)
    {
        if (length >= min && length <= max)
        {
            return;
        }
        if (min <= 0)
        {
            Errors.Add(path, "BASE_TYPE_MAX_LENGTH", $"Must be {max} or fewer in length.");
        }
        else if (max == int.MaxValue)
        {
            Errors.Add(path, "BASE_TYPE_MIN_LENGTH", $"Must be {min} or more in length.");
        }
        else
        {
            Errors.Add(path, "BASE_TYPE_BAD_LENGTH", $"Must be between {min} and {max} in length.");
        }
    }
}
