using System.Text;
using System.Text.Json.Nodes;
using StudyBot.Emulator.Interactions;
using StudyBot.Emulator.State;

namespace StudyBot.Emulator.Playground;

/// <summary>
/// Reads what a user types in the Playground, "/review deck:essay count:5" or
/// "/deck import file:deck.yaml", into a command name and options, using the registered definition
/// to tell subcommands from options.
/// </summary>
internal static class SlashCommandText
{
    public static (string Name, List<CommandOptionInput> Options) Parse(string text, Func<string, EmuCommand?> findCommand, IReadOnlyDictionary<string, AttachmentInput> files)
    {
        var tokens = Tokenize(text.Trim());
        if (tokens.Count == 0 || !tokens[0].StartsWith('/') || tokens[0].Length == 1)
        {
            throw new ArgumentException("Type a command starting with /, for example /help.");
        }
        var name = tokens[0][1..].ToLowerInvariant();
        var command = findCommand(name) ?? throw new ArgumentException($"There is no command /{name}.");
        var definitions = command.Json["options"] as JsonArray ?? [];
        var rest = tokens.Skip(1).ToList();
        return (name, Level(definitions, rest, files, $"/{name}"));
    }

    private static List<CommandOptionInput> Level(JsonArray definitions, List<string> tokens, IReadOnlyDictionary<string, AttachmentInput> files, string where)
    {
        var subcommands = definitions.OfType<JsonObject>().Where(d => d["type"]?.GetValue<int>() is 1 or 2).ToList();
        if (subcommands.Count > 0)
        {
            var names = string.Join(", ", subcommands.Select(s => s["name"]));
            if (tokens.Count == 0)
            {
                throw new ArgumentException($"{where} needs a subcommand: {names}.");
            }
            var sub = subcommands.FirstOrDefault(s => s["name"]!.GetValue<string>() == tokens[0])
                ?? throw new ArgumentException($"{where} has no subcommand '{tokens[0]}'; try {names}.");
            var inner = Level(sub["options"] as JsonArray ?? [], tokens.Skip(1).ToList(), files, $"{where} {tokens[0]}");
            return [CommandOptionInput.Sub(tokens[0], [.. inner])];
        }
        var options = new List<CommandOptionInput>();
        foreach (var token in tokens)
        {
            var colon = token.IndexOf(':');
            var named = colon > 0 && definitions.OfType<JsonObject>().Any(d => d["name"]?.GetValue<string>() == token[..colon]);
            var nameShaped = colon > 0 && token[..colon].All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_') && char.IsAsciiLetterLower(token[0]);
            if (!named && !nameShaped && options.Count > 0 && options[^1].Value is string previous && TypeOf(definitions, options[^1].Name) == 3)
            {
                // As in Discord's client, a text option's value runs on until the next option: "title:Week 1"
                // (a word shaped like an option name, "titel:x", is still read as one, so a typo is reported).
                options[^1] = new CommandOptionInput(options[^1].Name, previous.Length == 0 ? token : $"{previous} {token}");
                continue;
            }
            if (colon <= 0)
            {
                throw new ArgumentException($"Write options as name:value; '{token}' has no name.");
            }
            var optionName = token[..colon];
            var value = token[(colon + 1)..];
            var definition = definitions.OfType<JsonObject>().FirstOrDefault(d => d["name"]?.GetValue<string>() == optionName);
            object? input = definition?["type"]?.GetValue<int>() == 11
                ? files.GetValueOrDefault(optionName) ?? throw new ArgumentException($"Choose a file for {optionName}.")
                : value;
            options.Add(new CommandOptionInput(optionName, input));
        }
        foreach (var (optionName, file) in files)
        {
            if (options.All(o => o.Name != optionName) && definitions.OfType<JsonObject>().Any(d => d["name"]?.GetValue<string>() == optionName))
            {
                options.Add(new CommandOptionInput(optionName, file));
            }
        }
        return options;
    }

    private static int? TypeOf(JsonArray definitions, string name) =>
        definitions.OfType<JsonObject>().FirstOrDefault(d => d["name"]?.GetValue<string>() == name)?["type"]?.GetValue<int>();

    /// <summary>Splits on spaces, keeping quoted values ("two words") together.</summary>
    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (current.Length > 0)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }
        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }
        return tokens;
    }
}
