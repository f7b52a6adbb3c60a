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

    [GeneratedRegex(@"\b(?<p>they|them|their)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PluralPronoun();

    [GeneratedRegex(@"[\p{L}-]+")]
    private static partial Regex Word();

    /// <summary>"To put this in perspective", "this is what imparts ...": "this" or "that" standing alone in a sentence's first clause names something said before.</summary>
    [GeneratedRegex(@"^[^,;:\u2014]*?\b(?<p>this|these)\b(?=\s+(?:is|was|are|were|can|could|may|might|will|would|has|had|in|into|to|as|means|shows|explains|allows|leads|makes|suggests)\b|\s*[,.;:\u2014])", RegexOptions.IgnoreCase)]
    private static partial Regex BareDemonstrative();

    [GeneratedRegex(@"\bsuch\s+(?:an?\s+)?(?!as\b)(?<noun>[a-z][a-z-]{2,})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Such();

    [GeneratedRegex(@"^(?<pronoun>It|They)\s+(?=[a-z])")]
    private static partial Regex PronounSubject();

    [GeneratedRegex(@"^(?<det>These|Those)\s+(?<np>[a-z][\w-]*(?:\s+[a-z][\w-]*)*?\s+[a-z][\w-]*[^s\W]s)\b(?!\s+(?:of|that|which|who)\b)")]
    private static partial Regex DemonstrativeSubject();

    [GeneratedRegex(@"^(?:(?:In|On|At|By|During|After|Before|From|For|Over|Under|Since|Until|Around|Throughout)\s[^,]{0,50},\s+)?(?:(?<article>[Tt]he|An?|an?)\s+)?(?<np>[A-Za-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)\s+(?:is|are|was|were|has|have|had|can|cannot|could|may|might|will|would|must|does|did|(?:[a-z]+s|[a-z]+ed)(?=\s+(?:the|an?|its|their|his|her|to|in|on|of|from|with|by|into|that|as|at|for|\d)\b))\b")]
    private static partial Regex SubjectOpening();

    /// <summary>"Osteoclasts break down bone": a plural subject before a verb of any form.</summary>
    [GeneratedRegex(@"^(?:(?:In|On|At|By|During|After|Before|From|For|Over|Under|Since|Until|Around|Throughout)\s[^,]{0,50},\s+)?(?:(?<article>[Tt]he)\s+)?(?<np>[A-Za-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?[^s\W]s)\s+(?!(?:the|an?|its|their|this|these|that|those|and|or|of|in|on|at|to)\b)[a-z]+\b")]
    private static partial Regex PluralSubjectOpening();

    /// <summary>"That circle of latitude ...", "The first is a Merkel cell", "Two proteins make up ...": an opening that names something said before.</summary>
    [GeneratedRegex(@"^(?:(?<p>That)\s+[a-z]|(?<p>The\s+(?:first|second|third|fourth|fifth|last|other|next|remaining)\s+(?:is|was|are|were|one|ones|two|three|of\s+(?:these|them|those|the\s+\w+)))\b|(?<p>(?<count>Two|Three|Four|Five|Six|Seven|Eight|Both)\s+[a-z][a-z-]*s)\s+(?!of\b|and\b|or\b))")]
    private static partial Regex OpeningPointer();

    /// <summary>Whether a word only opens a sentence before its subject ("However", "In", "Although").</summary>
    public static bool IsOpener(string word) => _openers.Contains(word);

    /// <summary>
    /// The sentence with an opening "It"/"They" replaced by the subject of <paramref name="previous"/> when they agree in
    /// number ("Osteoclasts break down bone. They are multinucleated." becomes "Osteoclasts are multinucleated."), or with
    /// "These"/"Those" dropped before a noun phrase of two words or more ("These osteogenic cells divide"); null when the
    /// sentence still points back after that.
    /// </summary>
    public static string? Resolve(string sentence, string? previous)
    {
        string? rewritten = null;
        if (DemonstrativeSubject().Match(sentence) is { Success: true } d && IsPlural(d.Groups["np"].Value))
        {
            var np = d.Groups["np"].Value;
            rewritten = char.ToUpperInvariant(np[0]) + np[1..] + sentence[(d.Groups["np"].Index + np.Length)..];
        }
        else if (previous is not null && PronounSubject().Match(sentence) is { Success: true } p
            && SubjectOf(previous, p.Groups["pronoun"].Value == "They") is { Success: true } s)
        {
            var np = s.Groups["np"].Value;
            var words = np.Split(' ');
            var plural = p.Groups["pronoun"].Value == "They";
            if (IsPlural(np) != plural || words.Any(w => _openers.Contains(w) || Spans.IsFunctionWord(w) || w is "It" or "They" or "He" or "She" or "There" or "We" or "You" or "I")
                || (char.IsUpper(np[0]) && s.Groups["article"].Success is false && np.Contains(' ') && !plural))
            {
                return null;
            }
            var article = s.Groups["article"].Success ? "The " : "";
            var subject = article + (article.Length > 0 && !IsName(np) ? char.ToLowerInvariant(np[0]) + np[1..] : np);
            rewritten = subject + " " + sentence[p.Length..];
        }
        return rewritten is not null && PointsBack(rewritten) is null ? rewritten : null;
    }

    /// <summary>The subject a sentence opens with; for "They", a plural subject before a verb of any form ("Osteoclasts break ...").</summary>
    private static Match SubjectOf(string previous, bool plural)
    {
        var strict = SubjectOpening().Match(previous);
        return plural && !(strict.Success && IsPlural(strict.Groups["np"].Value)) ? PluralSubjectOpening().Match(previous) : strict;
    }

    private static bool IsName(string np) => np.Split(' ').All(w => char.IsUpper(w[0]));

    private static readonly HashSet<string> _notPlural = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "was", "has", "this", "its", "thus", "his", "hers", "as", "us", "yes", "less", "unless", "always", "perhaps", "whereas", "process",
        "across", "besides", "sometimes", "afterwards", "towards", "news", "means", "series", "species", "does", "goes", "ours", "yours",
    };

    private static bool IsPluralWord(string word) => word.Length > 3 && !_notPlural.Contains(word) && IsPlural(word);

    private static bool IsPlural(string np)
    {
        var last = np.Split(' ')[^1].ToLowerInvariant();
        return (last.EndsWith('s') && !last.EndsWith("ss", StringComparison.Ordinal) && !last.EndsWith("us", StringComparison.Ordinal) && !last.EndsWith("is", StringComparison.Ordinal))
            || last.EndsWith("ae", StringComparison.Ordinal) || last is "people" or "children" or "men" or "women" or "data" or "media" or "criteria" or "phenomena" or "bacteria";
    }

    /// <summary>What the sentence points back to (for the report), or null when it stands on its own.</summary>
    public static string? PointsBack(string sentence)
    {
        // A counted subject ("Two proteins") is named when the sentence lists or names what it counts.
        if (OpeningPointer().Match(sentence) is { Success: true } opening
            && (!opening.Groups["count"].Success || !Regex.IsMatch(sentence, @"[:(\u2014]|\b(?:such as|namely|including|called|known as|named|termed)\b")))
        {
            return opening.Groups["p"].Value;
        }
        if (Such().Match(sentence) is { Success: true } such && !sentence[..such.Index].Contains(such.Groups["noun"].Value[..Math.Min(4, such.Groups["noun"].Value.Length)], StringComparison.OrdinalIgnoreCase))
        {
            return such.Value;
        }
        if (BareDemonstrative().Match(sentence) is { Success: true } bare)
        {
            return bare.Groups["p"].Value;
        }
        // "they", "them", "their" with no plural before them in the sentence name a group said before.
        if (PluralPronoun().Match(sentence) is { Success: true } plural && !Word().Matches(sentence[..plural.Index]).Any(w => w.Value is "and" || IsPluralWord(w.Value)))
        {
            return plural.Value;
        }
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
