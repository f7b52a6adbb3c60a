using System.Text.RegularExpressions;
using StudyBot.Core.Answers;

namespace StudyBot.Core.Decks.Generation;

/// <summary>
/// Refuses a blank that the rest of the prompt answers: the answer, a form of it ("Chinese" for
/// China, "Roman" for Rome) or one of its other names (Pyongyang for North Korea) elsewhere in the
/// prompt; a title that pins a person ("U.S. President _____"); a blank that is part of a longer
/// fixed name ("World War _____").
/// </summary>
internal sealed partial class Giveaways(INameAliases aliases)
{
    [GeneratedRegex(@"^(?:[IVXLC]+|[A-Z]{2,})$")]
    private static partial Regex NumeralOrAcronym();

    /// <summary>Titles of an office one person holds at a time (a head of state), which name the holder to anyone who knows the period.</summary>
    [GeneratedRegex(@"\b(?:President|Premier|Prime Minister|Emperor|emperor|King|Queen|Pope|Chancellor|Chairman|leader|dictator)\s*$")]
    private static partial Regex TitleBefore();

    /// <summary>Any title or role before a name: it is no part of the name, so a blank after it is not "part of a longer name".</summary>
    [GeneratedRegex(@"\b(?i:President|Premier|Prime Minister|Emperor|King|Queen|Pope|Chancellor|Chairman|leader|dictator|Secretary of State|Secretary|Senator|Governor|General|Admiral|Ambassador|Minister|engineer|scholar|envoy|historian|architect|inventor|explorer)\s*$|\b(?:Dr|Mr|Mrs|Ms)\.\s*$")]
    private static partial Regex AnyTitleBefore();

    [GeneratedRegex(@"\b(?:[A-Z][a-z]+|U\.S\.|U\.K\.)\s+(?:President|Premier|Emperor|King|Queen|leader|Senator|Governor|General|Chancellor|Secretary of State|Minister)\s*$")]
    private static partial Regex NationalTitleBefore();

    /// <summary>Why a blank over <paramref name="length"/> characters at <paramref name="start"/> gives itself away, or null when it does not.</summary>
    public string? Check(string sentence, int start, int length, EntityKind? kind, bool sameTitleChoices = false)
    {
        var answer = sentence.Substring(start, length);
        var rest = sentence[..start] + " _____ " + sentence[(start + length)..];
        foreach (var form in FormsOf(answer))
        {
            if (Mentions(rest, form))
            {
                return form.Equals(answer, StringComparison.OrdinalIgnoreCase)
                    ? $"the answer '{answer}' appears elsewhere in the prompt"
                    : $"'{form}', another name or form of the answer '{answer}', appears in the prompt";
            }
        }
        // The answer checker's table (Answers.Aliases) is the one place for a country's long and short names: "DPRK" names North Korea.
        var countries = aliases.AliasesOf(answer).Prepend(answer).SelectMany(Aliases.CanonicalWords).Where(Aliases.IsCanonical).ToHashSet(StringComparer.Ordinal);
        if (countries.Count > 0 && Aliases.CanonicalWords(rest).FirstOrDefault(countries.Contains) is { } named)
        {
            return $"the prompt names the answer '{answer}' under a name the answer checker accepts for it ({named})";
        }
        var before = sentence[..start];
        if (kind == EntityKind.Person && (NationalTitleBefore().IsMatch(before) || (!sameTitleChoices && TitleBefore().IsMatch(before))))
        {
            return $"the title before the blank ('{before.TrimEnd().Split(' ').TakeLast(2).Aggregate((a, b) => a + " " + b)}') pins the answer";
        }
        if (NumeralOrAcronym().IsMatch(answer) && kind != EntityKind.Term)
        {
            return $"'{answer}' is a numeral or acronym inside a name, not a fact to recall";
        }
        var previous = before.TrimEnd().Split(' ').LastOrDefault() ?? "";
        var next = sentence[(start + length)..].TrimStart().Split(' ').FirstOrDefault() ?? "";
        if (kind != EntityKind.Term && start > 0 && previous.Length > 0 && char.IsUpper(previous[0]) && before.EndsWith(' ') && !AnyTitleBefore().IsMatch(before)
            && !previous.EndsWith(',') && !previous.EndsWith('.'))
        {
            return $"the blank is part of a longer name ('{previous} {answer}')";
        }
        if (kind is EntityKind.Person or EntityKind.Place && next.Length > 0 && char.IsUpper(next[0]) && sentence[start + length] == ' ')
        {
            return $"the blank is part of a longer name ('{answer} {next.TrimEnd('.', ',', ';', ':')}')";
        }
        return null;
    }


    /// <summary>The answer, its other names, and the word forms of both.</summary>
    public IEnumerable<string> FormsOf(string answer)
    {
        var names = aliases.AliasesOf(answer).Prepend(answer).ToList();
        foreach (var name in names)
        {
            yield return name;
        }
        // A form of a one-word name: "Chinese" for "China", "Roman" for "Rome".
        foreach (var name in names.Where(n => !n.Contains(' ') && n.Length >= 5 && n.All(char.IsLetter)))
        {
            yield return Stem(name) + "*";
        }
    }

    private static string Stem(string word)
    {
        var lower = word.ToLowerInvariant();
        foreach (var suffix in new[] { "ese", "ians", "ian", "ans", "an", "es", "s", "a", "e" })
        {
            if (lower.Length - suffix.Length >= 4 && lower.EndsWith(suffix, StringComparison.Ordinal))
            {
                return lower[..^suffix.Length];
            }
        }
        return lower;
    }

    private static bool Mentions(string text, string form)
    {
        if (form.EndsWith('*'))
        {
            var stem = form[..^1];
            return Regex.IsMatch(text, @"(?<![\w-])" + Regex.Escape(stem) + @"\w*", RegexOptions.IgnoreCase);
        }
        // "US" matches only as capitals; other names match in any case.
        var options = form.All(c => char.IsUpper(c) || c == '.') ? RegexOptions.None : RegexOptions.IgnoreCase;
        return Regex.IsMatch(text, @"(?<![\w-])" + Regex.Escape(form) + @"(?![\w-])", options);
    }
}
