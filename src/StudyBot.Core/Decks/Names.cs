namespace StudyBot.Core.Decks;

/// <summary>The words the deck format uses for kinds, and help with misspelt names.</summary>
public static class Names
{
    public static string Of(CardKind kind) => kind switch
    {
        CardKind.Basic => "basic",
        CardKind.Mcq => "mcq",
        CardKind.Typed => "typed",
        CardKind.Cloze => "cloze",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static bool TryParseKind(string text, out CardKind kind)
    {
        foreach (var candidate in Enum.GetValues<CardKind>())
        {
            if (string.Equals(Of(candidate), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }

    /// <summary>The known name nearest to a misspelt one, when it is near enough to be a typo.</summary>
    public static string? Closest(string name, IEnumerable<string> known)
    {
        var best = known.Select(k => (k, d: Distance(name.ToLowerInvariant(), k))).OrderBy(x => x.d).FirstOrDefault();
        return best.k is not null && best.d <= Math.Max(1, best.k.Length / 3) ? best.k : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            previous = current;
        }
        return previous[b.Length];
    }
}
