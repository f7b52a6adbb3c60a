using System.Collections.Frozen;
using System.IO.Compression;

namespace StudyBot.Core.Answers;

/// <summary>
/// The English words the grader knows (SCOWL size 50, American and British, inflections included; see
/// Answers/Words/README.md): read once, on first use, from a gzip'ed resource into a frozen dictionary.
/// A word of the list is never a misspelling of another word of the list.
/// </summary>
public static class EnglishWords
{
    [Flags]
    public enum Kind
    {
        Common = 0,
        AmericanOnly = 1,
        BritishOnly = 2,
        ProperName = 4,
    }

    private const string ResourceName = "StudyBot.Core.Answers.Words.english-words.txt.gz";

    private static readonly Lazy<FrozenDictionary<string, Kind>> _words = new(Load);

    /// <summary>The number of words in the list.</summary>
    public static int Count => _words.Value.Count;

    /// <summary>A word of the list, common word or proper name ("legal", "illegal", "lincoln").</summary>
    public static bool Contains(string word) => _words.Value.ContainsKey(word);

    /// <summary>A word of the list that is also written in lower case: not only a name ("legal", not "chafee" or "lincoln").</summary>
    public static bool IsCommon(string word) => _words.Value.TryGetValue(word, out var kind) && (kind & Kind.ProperName) == 0;

    /// <summary>A name: a word of the list only ever written with a capital ("lincoln", "iran").</summary>
    public static bool IsProperName(string word) => _words.Value.TryGetValue(word, out var kind) && (kind & Kind.ProperName) != 0;

    /// <summary>Spelled this way in American English only ("color", "defense").</summary>
    public static bool IsAmericanOnly(string word) => _words.Value.TryGetValue(word, out var kind) && (kind & Kind.AmericanOnly) != 0;

    /// <summary>Spelled this way in British English only ("colour", "defence").</summary>
    public static bool IsBritishOnly(string word) => _words.Value.TryGetValue(word, out var kind) && (kind & Kind.BritishOnly) != 0;

    /// <summary>Spelled this way in one of American or British English only ("colour", "defense").</summary>
    public static bool IsRegional(string word)
        => _words.Value.TryGetValue(word, out var kind) && (kind & (Kind.AmericanOnly | Kind.BritishOnly)) != 0;

    private static FrozenDictionary<string, Kind> Load()
    {
        using var stream = typeof(EnglishWords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The word list resource {ResourceName} is missing from {typeof(EnglishWords).Assembly.GetName().Name}.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var words = new Dictionary<string, Kind>(80_000, StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0)
            {
                words[line] = Kind.Common;
                continue;
            }
            var kind = Kind.Common;
            foreach (var flag in line.AsSpan(space + 1))
            {
                kind |= flag switch
                {
                    'a' => Kind.AmericanOnly,
                    'b' => Kind.BritishOnly,
                    'p' => Kind.ProperName,
                    _ => throw new InvalidDataException($"Word list line '{line}': unknown flag '{flag}' (a, b or p)."),
                };
            }
            words[line[..space]] = kind;
        }
        return words.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
