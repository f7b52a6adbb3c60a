using System.Text.RegularExpressions;

namespace StudyBot.Core.Decks.Generation;

/// <summary>
/// Finds what a sentence points back to outside itself: an opening pronoun ("It", "These"), a
/// pronoun after only an opening adverbial ("However, it ...", "In March 1948, it ..."), "this" or
/// "these" with a noun the sentence has not named ("these territories"), "the latter", "do so".
/// A card on such a sentence needs the sentence before it in the card, or it is not made.
/// </summary>
public static partial class Referents
{
    [GeneratedRegex(@"^It\s+(?:is|was|has been|seems|appears)\s+(?:\w+\s+){0,3}?(?:to|that)\b")]
    private static partial Regex DummyIt();

    [GeneratedRegex(@"\b(?:it|its|they|them|their|he|him|his|she|her|this|these|those|such)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pronoun();

    [GeneratedRegex(@"\b(?:do|does|did|doing|done)\s+so\b|\bthe\s+(?:latter|former)\b|\b(?:latter|former)\s+(?:goal|group|one|view|case|term|two)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PointsBackPhrase();

    [GeneratedRegex(@"\b(?<det>this|these|those)\s+(?<noun>[a-z][a-z-]{2,})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Demonstrative();

    /// <summary>Words that open a sentence before its subject: a pronoun after only these has no antecedent in the sentence.</summary>
    private static readonly HashSet<string> _openers = new(StringComparer.OrdinalIgnoreCase)
    {
        "however", "earlier", "later", "then", "yet", "still", "instead", "now", "thus", "soon", "meanwhile", "moreover",
        "furthermore", "also", "and", "but", "so", "in", "on", "at", "by", "for", "after", "before", "when", "while", "although",
        "though", "because", "since", "if", "as", "once", "finally", "indeed", "nevertheless", "therefore", "again", "eventually",
        "today", "only", "even", "the", "a", "an", "of", "year", "years", "same", "time", "first", "second", "third", "next", "last",
        "summer", "spring", "autumn", "winter", "fall", "century", "decade", "early", "late", "months", "weeks", "days", "addition",
        "contrast", "fact", "short", "particular", "general", "turn", "response", "result", "practice", "theory", "other", "words",
        "example", "instance", "return", "hence", "consequently", "accordingly", "similarly", "likewise", "ultimately", "initially",
        "all", "both", "not", "with", "without", "during", "within", "under", "over", "through", "until", "where", "what", "that",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    };

    /// <summary>What the sentence points back to (for the report), or null when it stands on its own.</summary>
    public static string? PointsBack(string sentence)
    {
        if (PointsBackPhrase().Match(sentence) is { Success: true } phrase)
        {
            return phrase.Value;
        }
        if (DummyIt().IsMatch(sentence))
        {
            sentence = sentence[2..];
        }
        foreach (Match m in Pronoun().Matches(sentence))
        {
            var before = sentence[..m.Index];
            var words = Regex.Matches(before, @"[\p{L}\d'-]+").Select(w => w.Value).ToList();
            if (words.All(w => _openers.Contains(w) || w.EndsWith("ly", StringComparison.Ordinal) || w.All(char.IsDigit)))
            {
                return m.Value;
            }
            break;
        }
        // "In any case, after he and his co-emperor left office": a he or she with no name before it in the sentence is someone the card does not name.
        if (Regex.Match(sentence, @"(?<=\s)(?:he|she)\b") is { Success: true } person
            && !Regex.IsMatch(sentence[..person.Index], @"(?<=\s)[A-Z]|^\S*\s*$|^[A-Z][\w'\u2019-]*\s+[A-Z]|^(?!(?:In|On|At|By|For|After|Before|When|While|Although|Though|Because|Since|If|As|Once|Upon|During|Originally|However|Later|Earlier|Then|Finally|Eventually)\b)[A-Z]"))
        {
            return person.Value;
        }
        foreach (Match m in Demonstrative().Matches(sentence))
        {
            var noun = m.Groups["noun"].Value.ToLowerInvariant();
            if (noun is "is" or "was" or "are" or "were" or "has" or "had" or "can" or "will" or "would" or "may" or "means" or "way" or "time" or "year" or "century" or "day" or "week" or "month" or "period" or "section" or "chapter")
            {
                continue;
            }
            var stem = noun[..Math.Min(noun.Length, Math.Max(4, noun.Length - 2))];
            if (!sentence[..m.Index].Contains(stem, StringComparison.OrdinalIgnoreCase))
            {
                return m.Value;
            }
        }
        return null;
    }
}
