using StudyBot.Core.Decks.Generation;

namespace StudyBot.Core.Answers;

/// <summary>
/// A one-letter slip inside a name that happens to spell another, rarer English word ("Untied Kingdom", "Chine",
/// "Frence") is a slip of the name, Hard: the word list's guard ("a near miss that is another real word is not a
/// typo") refuses only a word that changes the meaning. A slip counts when the card's word is a name (written with a
/// capital in an accepted answer or the card's sentence: inside a longer name, after the first word of a sentence, or
/// a name the word list or the places list knows), every other word is the card's own, and the student's word is no
/// other name the deck, the word list or the places list knows, no number, no direction, no word with another prefix
/// and no denial.
/// </summary>
public static class NameSlips
{
    public const string Rule = "name-typo";

    private static readonly HashSet<string> _places = Gazetteer.Countries.Concat(Gazetteer.Cities).Concat(Gazetteer.Regions)
        .SelectMany(name => AnswerNormalizer.Normalize(name).Split(' '))
        .ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> _denials = new(StringComparer.Ordinal) { "not", "no", "non", "never", "un", "anti" };

    /// <summary>True when <paramref name="given"/> is an accepted answer with one name misspelled by a letter.</summary>
    public static bool IsSlip(IReadOnlyList<string> accepted, string given, string? cardText)
    {
        var names = NameWords(accepted.Append(cardText ?? ""));
        var forms = new[] { given, AnswerForms.WithoutFiller(given) }.OfType<string>().ToList();
        forms.AddRange(forms.Select(AnswerForms.WithoutTitle).OfType<string>().ToList());
        foreach (var form in forms)
        {
            var g = AnswerNormalizer.Normalize(form).Split(' ');
            foreach (var answer in accepted)
            {
                var e = AnswerNormalizer.Normalize(answer).Split(' ');
                if (g.Length != e.Length)
                {
                    continue;
                }
                var differ = Enumerable.Range(0, g.Length).Where(i => g[i] != e[i]).ToList();
                if (differ.Count == 1 && IsSlipOf(g[differ[0]], e[differ[0]], names))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static bool IsSlipOf(string given, string expected, HashSet<string> names)
    {
        if (!names.Contains(expected) || expected.Length < 4 || names.Contains(given))
        {
            return false;
        }
        // A vowel's slip or two letters swapped; vowels alone may be two off in a name of five letters or more when the
        // student's word is no English word at all ("Spane" for "Spain", not "the Grate Lakes").
        var distance = DamerauLevenshtein.Distance(given, expected);
        var vowelsOff = Consonants(given) == Consonants(expected) ? (expected.Length >= 5 && !EnglishWords.Contains(given) ? 2 : 1) : 0;
        if (!(distance <= vowelsOff || (IsSwap(given, expected) && distance == 1)))
        {
            return false;
        }
        return !(NumberWords.IsNumber(given) || EnglishWords.IsProperName(given) || _places.Contains(given) || Aliases.IsCanonical(given)
            || Capitals.IsDemonym(given) || _denials.Contains(given) || WordForms.HaveOtherPrefixes(given, expected)
            || WordForms.IsDirection(given));
    }

    /// <summary>
    /// The word's consonants in order: a vowel wrong, added or dropped keeps them ("Chine", "Frence"); another consonant
    /// ("Gold War" for "Cold War") makes another word, not a slip.
    /// </summary>
    private static string Consonants(string word) => string.Concat(word.Where(c => "aeiouy".IndexOf(c, StringComparison.Ordinal) < 0));

    /// <summary>Two letters side by side swapped: "Untied" for "United".</summary>
    private static bool IsSwap(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }
        var differ = Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToList();
        return differ is [var i, var j] && j == i + 1 && a[i] == b[j] && a[j] == b[i];
    }

    /// <summary>
    /// The normalised words the texts write as names: a capitalised word inside a sentence, next to another capitalised
    /// word, or one the word list or the places list knows as a name.
    /// </summary>
    public static HashSet<string> NameWords(IEnumerable<string> texts)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var tokens = text.Split([' ', '\t', '\n', '-', '/', '(', ')', '"'], StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < tokens.Length; i++)
            {
                var token = tokens[i].TrimStart('\'', '\u2018', '\u201C', '[', '{');
                if (token.Length == 0 || !char.IsUpper(token[0]) || token.All(c => !char.IsLower(c)))
                {
                    continue;
                }
                var word = AnswerNormalizer.Normalize(token);
                if (word.EndsWith(" s", StringComparison.Ordinal))
                {
                    word = word[..^2];
                }
                var sentenceStart = i == 0 || tokens[i - 1].EndsWith('.') || tokens[i - 1].EndsWith('?') || tokens[i - 1].EndsWith('!') || tokens[i - 1].EndsWith(':');
                var nextCapital = i + 1 < tokens.Length && tokens[i + 1].Length > 0 && char.IsUpper(tokens[i + 1][0]);
                if (!sentenceStart || nextCapital || EnglishWords.IsProperName(word) || _places.Contains(word))
                {
                    names.Add(word);
                }
            }
        }
        return names;
    }
}
