using System.Globalization;

namespace StudyBot.Core.Decks.Generation;

/// <summary>
/// Wrong choices of the same type as the answer: people for a person, places of the same group
/// for a place (a city for a city), numbers of the same shape for a number. The text's own
/// entities come first, because they are the ones a student who skimmed might confuse.
/// </summary>
internal sealed class Distractors(IReadOnlyList<string> people, IReadOnlyList<string> places, Func<string, string> fullName)
{
    public IReadOnlyList<string> For(Fact fact, string sentence, int count)
    {
        IEnumerable<string> candidates = fact.Kind switch
        {
            FactKind.Person => people,
            FactKind.Place => SameGroup(fact.Text),
            FactKind.Number or FactKind.Year => Numbers(fact),
            _ => [],
        };
        var answer = fact.Kind == FactKind.Person ? fullName(fact.Text) : fact.Text;
        // Candidates come in order of preference (the text's own first); the hash only varies the pick within that order.
        return candidates
            .Where(c => !Related(c, answer) && !Related(c, fact.Text) && !sentence.Contains(c, StringComparison.Ordinal))
            .Distinct()
            .Take(count * 3)
            .Select((c, i) => (c, rank: i / (count * 2)))
            .OrderBy(x => x.rank).ThenBy(x => Stable(answer + "|" + x.c))
            .Take(count)
            .Select(x => x.c)
            .ToList();
    }

    private IEnumerable<string> SameGroup(string place)
    {
        if (!Gazetteer.TryGroup(place, out var group))
        {
            return [];
        }
        var fromText = places.Where(p => Gazetteer.TryGroup(p, out var g) && g == group).OrderBy(p => Stable(place + p));
        return fromText.Concat(Gazetteer.InGroup(group).OrderBy(p => Stable(place + p)));
    }

    /// <summary>Numbers near the answer written the same way: 28,500 gives 14,250 and 57,000; 1953 gives 1950 and 1961.</summary>
    private static IEnumerable<string> Numbers(Fact fact)
    {
        var text = fact.Text;
        var digitsStart = text.IndexOfAny("0123456789".ToCharArray());
        var digitsEnd = digitsStart;
        while (digitsEnd < text.Length && (char.IsDigit(text[digitsEnd]) || text[digitsEnd] is ',' or '.'))
        {
            digitsEnd++;
        }
        var number = text[digitsStart..digitsEnd].TrimEnd('.', ',');
        if (!decimal.TryParse(number.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            yield break;
        }
        var (prefix, suffix) = (text[..digitsStart], text[(digitsStart + number.Length)..]);
        var decimals = number.Contains('.') ? number.Length - number.IndexOf('.') - 1 : 0;
        IEnumerable<decimal> near = fact.Kind == FactKind.Year
            ? [value - 3, value + 8, value - 11, value + 17]
            : value <= 100 && (suffix.Contains('%') || suffix.Contains("percent"))
                ? [Math.Round(value / 2, decimals), Math.Min(100, Math.Round(value * 1.5m, decimals)), Math.Round(value / 3, decimals), Math.Max(0, value - 10)]
                : [Math.Round(value / 2, decimals), Math.Round(value * 2, decimals), Math.Round(value * 1.5m, decimals), Math.Round(value / 4, decimals)];
        foreach (var n in near.Where(n => n > 0 && n != value))
        {
            var formatted = fact.Kind == FactKind.Year || !number.Contains(',')
                ? n.ToString(decimals > 0 ? "F" + decimals : "0", CultureInfo.InvariantCulture)
                : n.ToString(decimals > 0 ? "N" + decimals : "N0", CultureInfo.InvariantCulture);
            yield return prefix + formatted + suffix;
        }
    }

    private static bool Related(string a, string b) =>
        a.Contains(b, StringComparison.OrdinalIgnoreCase) || b.Contains(a, StringComparison.OrdinalIgnoreCase);

    private static string Stable(string key) => CardIds.Hash(key);
}
