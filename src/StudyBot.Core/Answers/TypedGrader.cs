using StudyBot.Core.Decks.Generation;
using StudyBot.Core.Scheduling;

namespace StudyBot.Core.Answers;

/// <summary>
/// Grades a typed answer against a card's accepted answers the way a fair teacher would: the same
/// answer in other words, numbers, units or country names is Good; a spelling slip (never inside a
/// number) or a list missing one item is Hard, with the reason; a different number, an answer that
/// hedges between alternatives or negates, and an empty answer are Again.
/// </summary>
public static class TypedGrader
{
    /// <summary>Extra words after the answer that still only qualify it ("the Chernobyl disaster").</summary>
    private const int MaxQualifierWords = 3;

    /// <summary>Words of the expected answer after a number that may be left out: its unit ("5,000" for "5,000 miles").</summary>
    private const int MaxUnitWords = 2;

    /// <summary>One-word country and city names: "China Russia" names two answers, it does not qualify one.</summary>
    private static readonly HashSet<string> _places = Gazetteer.Countries.Concat(Gazetteer.Cities)
        .Select(AnswerNormalizer.Normalize)
        .Where(name => !name.Contains(' ', StringComparison.Ordinal))
        .ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> _contrasts = new(StringComparer.Ordinal) { "but", "rather", "instead", "except", "than", "versus", "vs" };

    private enum Match
    {
        None,
        Typo,
        Qualified,
        Exact,
    }

    public static AnswerVerdict Grade(IReadOnlyList<string> accepted, string given)
    {
        if (accepted.Count == 0)
        {
            throw new ArgumentException("There are no accepted answers to compare a typed answer with.", nameof(accepted));
        }
        var shown = accepted[0];
        var answer = AnswerText.Read(given);
        if (answer.IsEmpty)
        {
            return new AnswerVerdict(Rating.Again, $"no answer given; expected: {shown}");
        }
        var variants = accepted.Select(a => (Text: a, Read: AnswerText.Read(a))).Where(v => !v.Read.IsEmpty).ToList();
        if (variants.Any(v => v.Read.Whole.SequenceEqual(answer.Whole)))
        {
            return new AnswerVerdict(Rating.Good, null);
        }
        if (answer.Negations.FirstOrDefault(n => !variants.Any(v => v.Read.Whole.Contains(n))) is { } negation)
        {
            return new AnswerVerdict(Rating.Again, $"a negated answer (\"{negation}\") does not count: say what it is, not what it is not; expected: {shown}");
        }
        if (answer.HasOr && !variants.Any(v => v.Read.HasOr))
        {
            return new AnswerVerdict(Rating.Again, $"one answer only: \"{given.Trim()}\" offers alternatives; expected: {shown}");
        }

        AnswerVerdict? best = null;
        foreach (var (text, expected) in variants)
        {
            var verdict = expected.Items.Count > 1 ? GradeList(text, expected, answer) : GradeSingle(text, expected, answer);
            if (verdict is not null && (best is null || verdict.Rating > best.Rating || (verdict.Rating == best.Rating && verdict.Note is null && best.Note is not null)))
            {
                best = verdict;
            }
        }
        if (best is not null)
        {
            return best;
        }
        if (answer.Items.Count > 1 && variants.All(v => v.Read.Items.Count == 1)
            && answer.Items.Any(item => variants.Any(v => MatchItem(item, v.Read.Items[0]) != Match.None)))
        {
            return new AnswerVerdict(Rating.Again, $"one answer only: \"{given.Trim()}\" names more than one; expected: {shown}");
        }
        return new AnswerVerdict(Rating.Again, $"expected: {shown}");
    }

    private static AnswerVerdict? GradeSingle(string text, AnswerText expected, AnswerText answer)
    {
        if (answer.Items.Count != 1)
        {
            return null;
        }
        return MatchItem(answer.Items[0], expected.Items[0]) switch
        {
            Match.Exact => new AnswerVerdict(Rating.Good, null),
            Match.Qualified => new AnswerVerdict(Rating.Good, $"expected form: {text}"),
            Match.Typo => new AnswerVerdict(Rating.Hard, $"Hard because of the spelling: expected {text}"),
            _ => null,
        };
    }

    /// <summary>A list is right in any order; one item missing (and nothing wrong added) is Hard.</summary>
    private static AnswerVerdict? GradeList(string text, AnswerText expected, AnswerText answer)
    {
        var unmatched = expected.Items.Select((item, index) => index).ToList();
        var typos = 0;
        var extras = 0;
        foreach (var item in answer.Items)
        {
            var found = unmatched
                .Select(index => (Index: index, Match: MatchItem(item, expected.Items[index])))
                .Where(m => m.Match != Match.None)
                .OrderByDescending(m => m.Match)
                .FirstOrDefault();
            if (found.Match == Match.None)
            {
                extras++;
                continue;
            }
            typos += found.Match == Match.Typo ? 1 : 0;
            unmatched.Remove(found.Index);
        }
        if (extras > 0 || unmatched.Count > 1 || unmatched.Count == expected.Items.Count)
        {
            return null;
        }
        if (unmatched.Count == 1)
        {
            return new AnswerVerdict(Rating.Hard, $"Hard, missing {string.Join(' ', expected.Items[unmatched[0]])}; expected: {text}");
        }
        return typos > 0
            ? new AnswerVerdict(Rating.Hard, $"Hard because of the spelling: expected {text}")
            : new AnswerVerdict(Rating.Good, null);
    }

    private static Match MatchItem(IReadOnlyList<string> given, IReadOnlyList<string> expected)
    {
        if (given.SequenceEqual(expected))
        {
            return Match.Exact;
        }
        if (IsQualified(given, expected) || IsUnitLeftOut(given, expected))
        {
            return Match.Qualified;
        }
        // A different number (or country) is a different answer, never a typo.
        if (!given.Where(IsExactWord).SequenceEqual(expected.Where(IsExactWord)))
        {
            return Match.None;
        }
        var a = string.Join(' ', given);
        var b = string.Join(' ', expected);
        if (DamerauLevenshtein.Distance(a, b) > TypoTolerance.AllowedEdits(b.Length))
        {
            return Match.None;
        }
        // Word by word when the words line up: a slip in a long word is a typo, a changed short word ("Kim Jong Un" for "Kim Jong Il") is another answer.
        return given.Count != expected.Count || given.Zip(expected).All(w => IsWordSlip(w.First, w.Second)) ? Match.Typo : Match.None;
    }

    /// <summary>A word within its typo budget, or a short word with one letter added or dropped ("Ill" for "Il", not "Un").</summary>
    private static bool IsWordSlip(string given, string expected)
    {
        var distance = DamerauLevenshtein.Distance(given, expected);
        return distance <= TypoTolerance.AllowedEdits(expected.Length) || (distance == 1 && given.Length != expected.Length);
    }

    /// <summary>"28,500 troops" for "28,500", "September 2017" for "September": the answer, then a few words that only qualify it.</summary>
    private static bool IsQualified(IReadOnlyList<string> given, IReadOnlyList<string> expected)
    {
        if (given.Count <= expected.Count || given.Count - expected.Count > MaxQualifierWords || !StartsWith(given, expected))
        {
            return false;
        }
        var extra = given.Skip(expected.Count).ToList();
        var expectedHasNumber = expected.Any(NumberWords.IsNumber);
        return !extra.Any(w => _contrasts.Contains(w) || Aliases.IsCanonical(w) || _places.Contains(w) || (expectedHasNumber && NumberWords.IsNumber(w)));
    }

    /// <summary>"5,000" for "5,000 miles", "20" for "two decades": the number without its unit.</summary>
    private static bool IsUnitLeftOut(IReadOnlyList<string> given, IReadOnlyList<string> expected)
    {
        if (given.Count >= expected.Count || expected.Count - given.Count > MaxUnitWords || !StartsWith(expected, given)
            || !NumberWords.IsNumber(given[^1]))
        {
            return false;
        }
        return !expected.Skip(given.Count).Any(NumberWords.IsNumber);
    }

    private static bool IsExactWord(string word) => NumberWords.IsNumber(word) || Aliases.IsCanonical(word);

    private static bool StartsWith(IReadOnlyList<string> words, IReadOnlyList<string> prefix)
    {
        for (var i = 0; i < prefix.Count; i++)
        {
            if (words[i] != prefix[i])
            {
                return false;
            }
        }
        return true;
    }
}
