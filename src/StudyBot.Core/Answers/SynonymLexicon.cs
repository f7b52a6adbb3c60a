using System.IO.Compression;

namespace StudyBot.Core.Answers;

/// <summary>
/// The synonym lexicon derived from WordNet 3.0 (Answers/Synonyms/README.md): for each lemma, the synsets of its first
/// senses in WordNet's order with each sense's rank, and the lemma pairs WordNet calls antonyms. Read once from a
/// gzip'ed resource (about 0.4 MB) on first use by <see cref="Synonyms"/>; kept as sorted arrays searched by halves
/// (about 4.5 MB), immutable after that, so safe to share between threads.
/// </summary>
internal sealed class SynonymLexicon
{
    private const string ResourceName = "StudyBot.Core.Answers.Synonyms.wordnet-synonyms.txt.gz";

    /// <summary>A lemma's sense: its synset (numbered in the file's order) and its rank among the lemma's senses (1 = most frequent).</summary>
    internal readonly record struct Sense(int Synset, byte Rank, bool Tagged);

    /// <summary>The lemmas in ordinal order; lemma i's senses are <c>_senses[_firstSense[i].._firstSense[i + 1]]</c>.</summary>
    private readonly string[] _lemmas;
    private readonly int[] _firstSense;
    private readonly Sense[] _senses;
    private readonly HashSet<string> _antonyms;

    private SynonymLexicon(Dictionary<string, List<Sense>> senses, HashSet<string> antonyms, int synsets)
    {
        _lemmas = [.. senses.Keys.Order(StringComparer.Ordinal)];
        _firstSense = new int[_lemmas.Length + 1];
        _senses = new Sense[senses.Values.Sum(s => s.Count)];
        for (var i = 0; i < _lemmas.Length; i++)
        {
            var own = senses[_lemmas[i]];
            own.CopyTo(_senses, _firstSense[i]);
            _firstSense[i + 1] = _firstSense[i] + own.Count;
        }
        _antonyms = antonyms;
        SynsetCount = synsets;
    }

    /// <summary>The number of synsets read.</summary>
    public int SynsetCount { get; }

    /// <summary>The number of lemmas read.</summary>
    public int LemmaCount => _lemmas.Length;

    /// <summary>The senses of a lemma as the file has them ("neighbourhood", "neck_of_the_woods"), none when unknown.</summary>
    public ReadOnlySpan<Sense> SensesOf(string lemma)
        => Array.BinarySearch(_lemmas, lemma, StringComparer.Ordinal) is var i and >= 0 ? _senses.AsSpan(_firstSense[i].._firstSense[i + 1]) : [];

    /// <summary>
    /// The synsets of the lemmas <paramref name="words"/> may be a form of, among each lemma's first <paramref name="maxRank"/>
    /// senses that WordNet's tagged texts use (a lemma's first sense always counts): a sense nobody was seen using
    /// ("atom" as "a tiny piece", shared with "molecule") is too rare to read an answer by.
    /// </summary>
    public HashSet<int> Senses(IReadOnlyList<string> words, int maxRank)
    {
        var result = new HashSet<int>();
        foreach (var lemma in Lemmas(words))
        {
            foreach (var sense in SensesOf(lemma))
            {
                if (sense.Rank <= maxRank && (sense.Tagged || sense.Rank == 1))
                {
                    result.Add(sense.Synset);
                }
            }
        }
        return result;
    }

    /// <summary>The lemmas of the lexicon <paramref name="words"/> may be a form of: as written, its plural, tense or spelling undone.</summary>
    public HashSet<string> Lemmas(IReadOnlyList<string> words)
        => Forms(words).Where(f => Array.BinarySearch(_lemmas, f, StringComparer.Ordinal) >= 0).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether WordNet calls a form of one an antonym of a form of the other.</summary>
    public bool AreAntonyms(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var fb = Forms(b).ToList();
        return Forms(a).Any(x => fb.Any(y => _antonyms.Contains(Pair(x, y))));
    }

    /// <summary>The words as one lemma ("voice_box"), with the last word's plural, tense or spelling undone.</summary>
    private static IEnumerable<string> Forms(IReadOnlyList<string> words)
    {
        var head = string.Join('_', words.Take(words.Count - 1));
        return BaseForms(words[^1]).Select(last => head.Length == 0 ? last : $"{head}_{last}");
    }

    private static string Pair(string a, string b) => string.CompareOrdinal(a, b) < 0 ? $"{a} {b}" : $"{b} {a}";

    /// <summary>A word and the forms it may be inflected or spelt from (WordNet's detachment rules, British spelling to American).</summary>
    private static IEnumerable<string> BaseForms(string word)
    {
        var forms = new List<string> { word };
        foreach (var (ending, replacement) in _detachments)
        {
            if (word.Length > ending.Length + 2 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                forms.Add(word[..^ending.Length] + replacement);
            }
        }
        foreach (var form in forms.ToList())
        {
            foreach (var (british, american) in _spellings)
            {
                if (form.Length > british.Length + 2 && form.EndsWith(british, StringComparison.Ordinal))
                {
                    forms.Add(form[..^british.Length] + american);
                }
            }
        }
        return forms.Distinct(StringComparer.Ordinal);
    }

    private static readonly (string Ending, string Replacement)[] _detachments =
    [
        ("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y"),
        ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("er", ""), ("est", ""), ("er", "e"), ("est", "e"),
    ];

    private static readonly (string British, string American)[] _spellings =
    [
        ("our", "or"), ("ise", "ize"), ("ised", "ized"), ("ising", "izing"), ("isation", "ization"), ("yse", "yze"), ("tre", "ter"),
        ("ence", "ense"), ("ogue", "og"),
    ];

    public static SynonymLexicon Load()
    {
        using var stream = typeof(SynonymLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The synonym lexicon resource {ResourceName} is missing from {typeof(SynonymLexicon).Assembly.GetName().Name}.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var senses = new Dictionary<string, List<Sense>>(StringComparer.Ordinal);
        var antonyms = new HashSet<string>(StringComparer.Ordinal);
        var synset = 0;
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var fields = line.Split(' ');
            if (fields[0] == "!")
            {
                if (fields.Length != 4)
                {
                    throw new InvalidDataException($"Synonym lexicon line {number}: expected '! <pos> <lemma> <lemma>', got '{line}'.");
                }
                antonyms.Add(Pair(fields[2], fields[3]));
                continue;
            }
            if (fields.Length < 3 || fields[0] is not ("n" or "v" or "a" or "r"))
            {
                throw new InvalidDataException($"Synonym lexicon line {number}: expected '<pos n|v|a|r> lemma/rank ...' with two members or more, got '{line}'.");
            }
            foreach (var member in fields.AsSpan(1))
            {
                var slash = member.LastIndexOf('/');
                var tagged = member.EndsWith('*');
                if (slash <= 0 || !byte.TryParse(member.AsSpan(slash + 1, member.Length - slash - 1 - (tagged ? 1 : 0)), out var rank))
                {
                    throw new InvalidDataException($"Synonym lexicon line {number}: member '{member}' is not 'lemma/rank' (rank a number, '*' after it when tagged).");
                }
                var lemma = member[..slash];
                if (!senses.TryGetValue(lemma, out var list))
                {
                    senses[lemma] = list = [];
                }
                list.Add(new Sense(synset, rank, tagged));
            }
            synset++;
        }
        return new SynonymLexicon(senses, antonyms, synset);
    }
}
