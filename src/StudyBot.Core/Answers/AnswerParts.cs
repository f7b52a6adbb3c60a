namespace StudyBot.Core.Answers;

/// <summary>
/// A card's accepted answers as interchangeable parts, learned from the card itself (never from a list of synonyms):
/// two accepted answers that differ in exactly one slot of up to three words, with words of their own around it
/// ("respect for Rome's laws", "deference for Rome's laws"), make those two pieces interchangeable in the card's other
/// accepted answers ("respect for the Roman laws" gives "deference for the Roman laws"). Answers that differ in two
/// places ("increase exports", "reduce imports") teach nothing: "increase imports" stays wrong.
/// </summary>
public static class AnswerParts
{
    public const string Rule = "parts";

    /// <summary>The most words a slot may have on either side.</summary>
    private const int MaxSlotWords = 3;

    /// <summary>Enough combinations for any card; a card with more accepted answers than this stops learning.</summary>
    private const int MaxDerived = 64;

    private static readonly HashSet<string> _articles = new(StringComparer.Ordinal) { "the", "a", "an" };

    /// <summary>The answers the card's own accepted answers make by exchanging their interchangeable parts (none of them already accepted).</summary>
    public static List<string> Derive(IReadOnlyList<string> accepted)
    {
        var answers = accepted.Select(Words).Where(w => w.Count > 0).ToList();
        var known = answers.Select(w => string.Join(' ', w)).ToHashSet(StringComparer.Ordinal);
        var swaps = new List<(List<string> From, List<string> To)>();
        for (var i = 0; i < answers.Count; i++)
        {
            for (var j = 0; j < answers.Count; j++)
            {
                if (i != j && Slot(answers[i], answers[j]) is { } slot)
                {
                    swaps.Add(slot);
                }
            }
        }
        var derived = new List<string>();
        if (swaps.Count == 0)
        {
            return derived;
        }
        foreach (var answer in answers)
        {
            foreach (var (from, to) in swaps)
            {
                var at = IndexOf(answer, from);
                if (at < 0)
                {
                    continue;
                }
                var made = string.Join(' ', answer.Take(at).Concat(to).Concat(answer.Skip(at + from.Count)));
                if (known.Add(made))
                {
                    derived.Add(made);
                    if (derived.Count >= MaxDerived)
                    {
                        return derived;
                    }
                }
            }
        }
        return derived;
    }

    /// <summary>The one slot in which <paramref name="a"/> and <paramref name="b"/> differ, when they share words around it.</summary>
    private static (List<string> From, List<string> To)? Slot(List<string> a, List<string> b)
    {
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix])
        {
            prefix++;
        }
        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }
        var from = a.Skip(prefix).Take(a.Count - prefix - suffix).ToList();
        var to = b.Skip(prefix).Take(b.Count - prefix - suffix).ToList();
        if (prefix + suffix == 0 || from.Count == 0 || to.Count == 0 || from.Count > MaxSlotWords || to.Count > MaxSlotWords)
        {
            return null;
        }
        // A number is the card's own fact, never a part to exchange.
        return from.Concat(to).Any(NumberWords.IsNumber) ? null : (from, to);
    }

    private static int IndexOf(List<string> words, List<string> part)
    {
        for (var i = 0; i + part.Count <= words.Count; i++)
        {
            if (words.Skip(i).Take(part.Count).SequenceEqual(part))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The answer's canonical words (aliases and numbers as the grader reads them), articles left out.</summary>
    private static List<string> Words(string answer) => AnswerText.Read(answer).Whole.Where(w => !_articles.Contains(w)).ToList();
}
