using System.IO.Compression;

namespace StudyBot.Core.Answers;

/// <summary>
/// The English words the grader knows (SCOWL size 50, American and British, inflections included; see
/// Answers/Words/README.md): read once, on first use, from a gzip'ed resource. A word of the list is
/// never a misspelling of another word of the list. Kept for the life of the process as one sorted
/// block of text searched by halves (about 1.5 MB), not as a hash table of 75,000 strings (about 8 MB).
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

    private static readonly Lazy<SortedWords> _words = new(Load);

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

    private static SortedWords Load()
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
        return new SortedWords(words);
    }

    /// <summary>The words in ordinal order, end to end in one array, with where each starts and its kind.</summary>
    private sealed class SortedWords
    {
        private readonly char[] _text;
        private readonly int[] _starts;
        private readonly Kind[] _kinds;

        public SortedWords(Dictionary<string, Kind> words)
        {
            var sorted = words.Keys.ToArray();
            Array.Sort(sorted, StringComparer.Ordinal);
            _text = new char[sorted.Sum(w => w.Length)];
            _starts = new int[sorted.Length + 1];
            _kinds = new Kind[sorted.Length];
            var at = 0;
            for (var i = 0; i < sorted.Length; i++)
            {
                _starts[i] = at;
                sorted[i].CopyTo(_text.AsSpan(at));
                at += sorted[i].Length;
                _kinds[i] = words[sorted[i]];
            }
            _starts[^1] = at;
        }

        public int Count => _kinds.Length;

        public bool ContainsKey(string word) => TryGetValue(word, out _);

        public bool TryGetValue(string word, out Kind kind)
        {
            int low = 0, high = _kinds.Length - 1;
            while (low <= high)
            {
                var middle = low + ((high - low) >> 1);
                var order = word.AsSpan().SequenceCompareTo(_text.AsSpan(_starts[middle], _starts[middle + 1] - _starts[middle]));
                if (order == 0)
                {
                    kind = _kinds[middle];
                    return true;
                }
                if (order < 0)
                {
                    high = middle - 1;
                }
                else
                {
                    low = middle + 1;
                }
            }
            kind = Kind.Common;
            return false;
        }
    }
}
