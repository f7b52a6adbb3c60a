using System.Text.Json.Nodes;

namespace StudyBot.Emulator.Rest;

/// <summary>Collects field errors and renders them as Discord's nested <c>errors</c> object with <c>_errors</c> leaves.</summary>
public sealed class FormErrors
{
    private readonly List<(string Path, string Code, string Message)> _errors = [];

    public bool Any => _errors.Count > 0;
    public IReadOnlyList<(string Path, string Code, string Message)> Entries => _errors;

    /// <summary><paramref name="path"/> is dotted, e.g. "embeds.0.fields.3.value"; empty for the body itself.</summary>
    public void Add(string path, string code, string message) => _errors.Add((path, code, message));

    public JsonObject ToJson()
    {
        var root = new JsonObject();
        foreach (var (path, code, message) in _errors)
        {
            var node = root;
            foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                if (node[part] is not JsonObject child)
                {
                    child = new JsonObject();
                    node[part] = child;
                }
                node = child;
            }
            if (node["_errors"] is not JsonArray list)
            {
                list = [];
                node["_errors"] = list;
            }
            list.Add(new JsonObject { ["code"] = code, ["message"] = message });
        }
        return root;
    }

    /// <summary>These errors moved under <paramref name="prefix"/>, e.g. a message body checked as an interaction callback's "data".</summary>
    public FormErrors Under(string prefix)
    {
        var moved = new FormErrors();
        foreach (var (path, code, message) in _errors)
        {
            moved.Add(Join(prefix, path), code, message);
        }
        return moved;
    }

    public static string Join(string prefix, string field) => prefix.Length == 0 ? field : $"{prefix}.{field}";
}
