using System.Text.RegularExpressions;
using StudyBot.Core.Answers;

namespace StudyBot.Core.Decks.Validation;

/// <summary>
/// Text as the leak check compares it: the grader's canonical words (<see cref="AnswerText"/>:
/// accents, case and punctuation gone, numbers in digits, country aliases in one form), without
/// articles, each word in its singular form, so that "refugees" in an explanation matches the
/// answer "refugee", "Kim Jong Un's" matches "Kim Jong Un" and "twenty-eight thousand five
/// hundred" matches "28,500".
/// </summary>
internal static partial class LeakWords
{
    private static readonly HashSet<string> _articles = new(StringComparer.Ordinal) { "the", "a", "an" };

    /// <summary>Words too common to give an answer away on their own.</summary>
    private static readonly HashSet<string> _stopWords = new(StringComparer.Ordinal)
    {
        "and", "or", "but", "nor", "so", "yet", "if", "then", "than", "because", "as", "of", "in", "on", "at", "to", "for",
        "from", "by", "with", "without", "into", "onto", "over", "under", "about", "after", "before", "between", "through",
        "during", "against", "up", "down", "out", "off", "i", "me", "my", "we", "us", "our", "you", "your", "he", "him",
        "his", "she", "her", "it", "its", "they", "them", "their", "this", "that", "these", "those", "there",
        "here", "who", "whom", "whose", "what", "which", "when", "where", "why", "how", "be", "is", "are", "was", "were",
        "been", "being", "am", "do", "doe", "did", "done", "have", "has", "had", "having", "will", "would", "shall",
        "should", "can", "could", "may", "might", "must", "not", "no", "yes", "all", "any", "some", "each", "every",
        "both", "either", "neither", "more", "most", "much", "many", "few", "less", "least", "other", "another",
        "such", "same", "own", "only", "also", "very", "too", "just", "now", "one", "new", "old", "first", "last",
        "way", "thing", "time", "year", "day", "people", "make", "made", "get", "got", "go", "went", "say", "said",
        "true", "false", "none", "else", "ever", "never", "still", "even", "well", "like",
    };

    /// <summary>
    /// The content words of <paramref name="text"/>, in order: canonical, singular, without
    /// articles and stop words, so that "his first instinct to push China" holds the answer "To
    /// push China to do more" (push china).
    /// </summary>
    public static IReadOnlyList<string> Of(string text)
    {
        var words = AnswerText.Read(Possessive().Replace(text, "")).Whole;
        var result = new List<string>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var singular = Singular(word);
            // An article stands before a word; a last "a" is a label ("Answer a", "Plan A").
            var article = _articles.Contains(word) && i + 1 < words.Count;
            if (!article && !_stopWords.Contains(singular) && !_stopWords.Contains(word))
            {
                result.Add(singular);
            }
        }
        return result;
    }

    /// <summary>
    /// True for an answer (as <see cref="Of"/> reads it) that gives nothing away when another card
    /// prints it: only stop words, a single digit (a "two" stands in too much ordinary text), or
    /// one word of one or two letters that is not an acronym written in capitals ("UN" counts).
    /// </summary>
    public static bool IsTrivial(IReadOnlyList<string> words, string raw)
    {
        if (words.Count == 0)
        {
            return true;
        }
        if (words.Count > 1)
        {
            return false;
        }
        var word = words[0];
        if (NumberWords.IsNumber(word))
        {
            return word.Length == 1;
        }
        return word.Length < 2 || (word.Length == 2 && !raw.Trim().All(c => char.IsUpper(c) || !char.IsLetter(c)));
    }

    /// <summary>
    /// A regular English plural brought back to its singular, the same way on both sides of a
    /// comparison: "policies" is "policy", "troops" is "troop", "taxes" is "tax"; "crisis" and
    /// "status" stay. Irregular plurals ("crises", "men") are not recognised. Numbers and words of
    /// three letters or fewer are left as they are.
    /// </summary>
    public static string Singular(string word)
    {
        if (word.Length <= 3 || NumberWords.IsNumber(word) || word.Contains('-', StringComparison.Ordinal))
        {
            return word;
        }
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^3] + "y";
        }
        if (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)
            || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal))
        {
            return word[..^2];
        }
        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
            && !word.EndsWith("is", StringComparison.Ordinal))
        {
            return word[..^1];
        }
        return word;
    }

    [GeneratedRegex(@"(?<=\p{L})['\u2019]s\b")]
    private static partial Regex Possessive();
}
