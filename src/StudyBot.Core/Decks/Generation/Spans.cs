using System.Text.RegularExpressions;

namespace StudyBot.Core.Decks.Generation;

/// <summary>
/// Refuses a blank that is not a phrase of its own or that the words beside it give away: a blank
/// that starts or ends with a function word ("by no"), cuts a word, a bracket or a range, or spans a
/// dash; a bracket beside the blank (an acronym, a translation, a second name); another name of the
/// answer joined by "or", "also known as", "usually referred to as"; an acronym of the answer (or
/// the words an acronym stands for); the other half of a pair ("Western" beside "Eastern"); a word
/// of the answer echoed by another form ("Aelius" beside "Aelia").
/// </summary>
public static partial class Spans
{
    [GeneratedRegex(@"^\s*,?\s*(?:\(|\[|(?:or|a\.k\.a\.|also known as|also called|i\.e\.|that is|(?:usually|commonly|often|sometimes|also|simply|formerly|generally|widely)\s+(?:called|known as|referred to as|named|termed))\b)", RegexOptions.IgnoreCase)]
    private static partial Regex OtherNameAfter();

    [GeneratedRegex(@"(?:[,(\[]\s*|\b[A-Z][\w-]*\s+|\)\s*)(?:or|a\.k\.a\.|also known as|also called|i\.e\.,?|that is,?|(?:usually|commonly|often|sometimes|also|simply|formerly|generally|widely)\s+(?:called|known as|referred to as|named|termed))\s+(?:the\s+|an?\s+)?[""\u201C']?$")]
    private static partial Regex OtherNameBefore();

    [GeneratedRegex(@"^\s*,?\s*or\s+(?:the\s+)?[a-z]")]
    private static partial Regex LowerOrAfter();

    [GeneratedRegex(@"\d\s?[\u2013\u2014-]\s?$|\b(?:from|between)\s+$")]
    private static partial Regex RangeBefore();

    [GeneratedRegex(@"^\s?[\u2013\u2014-]\s?\d")]
    private static partial Regex RangeAfter();

    [GeneratedRegex(@"\b[A-Z]{2,6}s?\b")]
    private static partial Regex Acronym();

    [GeneratedRegex(@"[A-Z][\w'-]*(?:\s+(?:of|and|for|the|de|on|in)?\s*[A-Z][\w'-]*)+")]
    private static partial Regex CapitalisedRun();

    private static readonly HashSet<string> _functionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "but", "nor", "no", "not", "as",
        "than", "that", "which", "who", "whom", "whose", "is", "are", "was", "were", "be", "been", "it", "its", "this", "these",
        "those", "their", "his", "her", "into", "onto", "upon", "about", "over", "under", "so", "if", "then", "also", "very",
        "more", "most", "less", "such", "other", "some", "any", "each", "every", "own", "same", "both", "all", "had", "has", "have",
        "do", "did", "does", "can", "could", "would", "should", "may", "might", "will", "shall", "must",
        "another", "many", "several", "few", "much", "there", "we", "you", "our", "your", "they", "he", "she",
    };

    private static readonly (string A, string B)[] _pairs =
    [
        ("east", "west"), ("eastern", "western"), ("north", "south"), ("northern", "southern"), ("upper", "lower"),
        ("inner", "outer"), ("left", "right"), ("light", "dark"), ("positive", "negative"), ("major", "minor"),
        ("internal", "external"), ("anterior", "posterior"), ("superior", "inferior"), ("first", "second"), ("old", "new"),
        ("input", "output"), ("high", "low"), ("early", "late"), ("greek", "latin"), ("thick", "thin"), ("deep", "superficial"),
        ("primary", "secondary"), ("summer", "winter"), ("male", "female"), ("public", "private"), ("domestic", "foreign"),
        ("federal", "state"), ("lower", "higher"), ("before", "after"), ("maximum", "minimum"), ("direct", "indirect"),
    ];

    /// <summary>A word that cannot open or close a term ("by no", "the state of").</summary>
    public static bool IsFunctionWord(string word) => _functionWords.Contains(word);

    /// <summary>Why the span is no phrase to blank or is given away by the words beside it (the card's <paramref name="context"/> included), or null.</summary>
    public static string? Problem(string sentence, int start, int length, string? context = null, bool isDefinition = false)
    {
        var answer = sentence.Substring(start, length);
        var before = sentence[..start];
        var after = sentence[(start + length)..];
        var words = answer.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return "an empty blank";
        }
        if (_functionWords.Contains(words[0].Trim('(', '"', '\u201C')) || _functionWords.Contains(words[^1].Trim(')', '"', '\u201D', ',', '.')))
        {
            return $"the blank '{answer}' starts or ends with a function word";
        }
        if ((start > 0 && char.IsLetterOrDigit(sentence[start - 1])) || (after.Length > 0 && char.IsLetterOrDigit(after[0])))
        {
            return $"the blank '{answer}' cuts a word";
        }
        if (answer.Count(c => c is '(' or '[') != answer.Count(c => c is ')' or ']') || before.Count(c => c == '(') > before.Count(c => c == ')'))
        {
            return $"the blank '{answer}' is cut inside brackets";
        }
        if (answer.Contains('\u2014') || answer.Contains(" \u2013 ", StringComparison.Ordinal) || answer.Contains(" - ", StringComparison.Ordinal))
        {
            return $"the blank '{answer}' runs across a dash";
        }
        if (RangeBefore().IsMatch(before) || RangeAfter().IsMatch(after))
        {
            return $"the blank '{answer}' is one end of a range";
        }
        if ((OtherNameAfter().IsMatch(after) && !LowerOrAfter().IsMatch(after)) || OtherNameBefore().IsMatch(before))
        {
            return $"another name or a gloss of '{answer}' stands beside the blank";
        }
        var rest = (context is null ? "" : context + " ") + before + " _____ " + after;
        var initials = Initials(answer);
        if (initials.Length >= 2 && Regex.IsMatch(rest, $@"\b{initials}s?\b"))
        {
            return $"the acronym {initials} of '{answer}' is in the prompt";
        }
        if (Acronym().IsMatch(answer) && words.Length == 1 && CapitalisedRun().Matches(rest).Any(m => Initials(m.Value) == answer.TrimEnd('s')))
        {
            return $"the words the acronym '{answer}' stands for are in the prompt";
        }
        foreach (var (a, b) in _pairs)
        {
            foreach (var (mine, other) in new[] { (a, b), (b, a) })
            {
                if (words.Any(w => w.Equals(mine, StringComparison.OrdinalIgnoreCase)) && Regex.IsMatch(rest, $@"\b{other}\b", RegexOptions.IgnoreCase))
                {
                    return $"'{other}' beside the blank pairs with '{mine}' in the answer";
                }
            }
        }
        foreach (var word in words.Select(w => w.Trim('(', ')', '"', '\u201C', '\u201D', ',', '.', '\'')).Where(w => w.Length >= 5 && w.All(c => char.IsLetter(c) || c == '-')))
        {
            if (isDefinition && !char.IsUpper(word[0]) && words.Length > 1)
            {
                continue;
            }
            var stem = word[..Math.Max(4, word.Length - 2)];
            // A capitalised name is echoed by a capitalised form ("Aelius" for "Aelia"), a common word by any form.
            if (Regex.IsMatch(rest, $@"(?<![\w-]){Regex.Escape(stem)}", char.IsUpper(word[0]) ? RegexOptions.None : RegexOptions.IgnoreCase))
            {
                return $"a form of '{word}' in the prompt echoes the answer";
            }
        }
        return null;
    }

    /// <summary>"Union of Soviet Socialist Republics" -> "USSR": the capitals of its capitalised words.</summary>
    private static string Initials(string phrase)
    {
        var capitals = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])).Select(w => w[0]).ToArray();
        return capitals.Length >= 2 ? new string(capitals) : "";
    }
}
