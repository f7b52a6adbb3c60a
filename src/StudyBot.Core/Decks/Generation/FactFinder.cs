using System.Text.RegularExpressions;

namespace StudyBot.Core.Decks.Generation;

/// <summary>
/// Finds the facts in sentences without a language model: numbers and years by their shape,
/// places from the <see cref="Gazetteer"/>, people by the titles before and the speech verbs after
/// their names (then wherever the same name or surname recurs), and causal clauses by their
/// connectives. Built once per text, because a person is recognised by cues anywhere in it.
/// </summary>
public sealed partial class FactFinder
{
    [GeneratedRegex(@"(?<![\w.,$])(?:(?:US)?\$|€|£)?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:\s?(?:percent|per cent|%|million|billion|trillion))?(?![\w,]*\d)|(?<![\w.,$])(?:(?:US)?\$|€|£)?\d+(?:\.\d+)?(?:\s?(?:percent|per cent|%|million|billion|trillion))?(?![\w.]*\d)")]
    private static partial Regex Number();

    [GeneratedRegex(@"^(1[0-9]{3}|20[0-9]{2})(s)?$")]
    private static partial Regex YearShape();

    // No apostrophes inside a name: "Trump’s" is Trump.
    private const string NamePattern = @"(?:[A-Z][a-zA-Z]+(?:-[a-zA-Z]+)?)(?:\s(?:[A-Z][a-zA-Z]+(?:-[a-zA-Z]+)?)){0,2}(?![a-zA-Z])";

    [GeneratedRegex(@"\b(?:(?i:engineer|historian|scholar|analyst|envoy|dictator|founder|governor|general|senator|president|chairman|leader|professor|ambassador|minister)|Vice President|Prime Minister|Premier|Secretary of State|Secretary|Chairman|Chair|Leader|leader|General|Gen\.|Admiral|Senator|Sen\.|Governor|Gov\.|Ambassador|Minister|Chancellor|King|Queen|Emperor|Mr\.|Mrs\.|Ms\.|Dr\.|Prof\.)\s+(" + NamePattern + ")")]
    private static partial Regex TitledName();

    [GeneratedRegex("(" + NamePattern + @")(?:,[^,]{1,60},)?(?:\s(?:later|also|once|then|first|\w+ly))?\s+(?:said|says|told|wrote|writes|argued|argues|warned|announced|declared|noted|insisted|claimed|proposed|promised|explained|believed)\b")]
    private static partial Regex SpeakingName();

    [GeneratedRegex(@"\b(because|since|so that|therefore|as a result|which is why|led to|would|could|might)\s+([^,.;:!?]+)")]
    private static partial Regex CauseClause();

    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "On", "At", "But", "And", "Or", "If", "When", "While", "This", "That", "These", "Those", "It",
        "He", "She", "They", "We", "I", "His", "Her", "Their", "Its", "Our", "After", "Before", "During", "Since", "Because",
        "Yet", "So", "As", "For", "From", "By", "With", "Without", "Why", "What", "How", "Who", "Where", "Then", "Still",
        "However", "Meanwhile", "Today", "Now", "Some", "Many", "Most", "Both", "Each", "Every", "No", "Not", "Even",
        "Communist", "Party", "Congress", "Senate", "Army", "Navy", "War", "University", "Council", "Agency", "Department",
        "Ministry", "Times", "Post", "Journal", "News", "Company", "Canal", "Commission", "Administration", "Korean", "Chinese",
        "American", "Japanese", "Russian", "Soviet", "European", "Western", "Eastern", "Northern", "Southern",
    };

    private readonly List<string> _people = [];
    private readonly Dictionary<string, string> _surnames = new(StringComparer.Ordinal);
    private readonly Regex _places;
    private Regex? _knownPeople;

    public FactFinder(IEnumerable<string> sentences)
    {
        var names = Gazetteer.All.OrderByDescending(n => n.Length).Select(Regex.Escape);
        _places = new Regex(@"(?<![\w-])(" + string.Join("|", names) + @")(?![\w-])");
        foreach (var sentence in sentences)
        {
            foreach (Match m in TitledName().Matches(sentence))
            {
                AddPerson(m.Groups[1].Value);
            }
            foreach (Match m in SpeakingName().Matches(sentence))
            {
                AddPerson(m.Groups[1].Value);
            }
        }
        if (_people.Count > 0)
        {
            var alternatives = _people.Concat(_surnames.Keys).Distinct().OrderByDescending(n => n.Length).Select(Regex.Escape);
            _knownPeople = new Regex(@"(?<![\w-])(" + string.Join("|", alternatives) + @")(?![\w-])");
        }
    }

    /// <summary>Full names of the people the text names, in order of first appearance.</summary>
    public IReadOnlyList<string> People => _people;

    public IReadOnlyList<Fact> Find(string sentence)
    {
        var facts = new List<Fact>();
        foreach (Match m in _places.Matches(sentence))
        {
            facts.Add(new Fact(FactKind.Place, m.Value, m.Index));
        }
        if (_knownPeople is not null)
        {
            foreach (Match m in _knownPeople.Matches(sentence))
            {
                if (!Overlaps(facts, m.Index, m.Length))
                {
                    facts.Add(new Fact(FactKind.Person, m.Value, m.Index));
                }
            }
        }
        foreach (Match m in Number().Matches(sentence))
        {
            if (Overlaps(facts, m.Index, m.Length))
            {
                continue;
            }
            var kind = YearShape().IsMatch(m.Value) ? FactKind.Year : FactKind.Number;
            var plain = m.Value.Replace(",", "");
            // Lone small numbers ("2 sides") are rarely the point of a sentence.
            if (kind == FactKind.Number && double.TryParse(plain, out var value) && value < 10 && m.Value.All(char.IsDigit))
            {
                continue;
            }
            facts.Add(new Fact(kind, m.Value, m.Index));
        }
        foreach (Match m in CauseClause().Matches(sentence))
        {
            var clause = m.Groups[2].Value.Trim();
            var words = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (words is >= 2 and <= 12 && !Overlaps(facts, m.Groups[2].Index, clause.Length))
            {
                facts.Add(new Fact(FactKind.Cause, clause, m.Groups[2].Index));
            }
        }
        return facts.OrderBy(f => f.Start).ToList();
    }

    /// <summary>The full name a surname stands for, so that distractors never include the answer under another name.</summary>
    public string FullName(string name) => _surnames.GetValueOrDefault(name, name);

    private void AddPerson(string name)
    {
        var tokens = name.Split(' ');
        // Trim leading words that cannot be names ("In Seoul, Moon" never gets here, but "Then Kim" might).
        var start = 0;
        while (start < tokens.Length && NotNames.Contains(tokens[start]))
        {
            start++;
        }
        tokens = tokens[start..];
        if (tokens.Length == 0 || tokens.Any(NotNames.Contains))
        {
            return;
        }
        var full = string.Join(' ', tokens);
        if (Gazetteer.TryGroup(full, out _) || tokens.Any(t => Gazetteer.TryGroup(t, out _)) || _people.Contains(full))
        {
            return;
        }
        // "Trump" after "Donald Trump" is the same person; a name already known by its surname grows to the full name.
        var existing = _people.FirstOrDefault(p => p.EndsWith(" " + full, StringComparison.Ordinal));
        if (existing is not null)
        {
            return;
        }
        var shorter = _people.FirstOrDefault(p => full.EndsWith(" " + p, StringComparison.Ordinal));
        if (shorter is not null)
        {
            _people[_people.IndexOf(shorter)] = full;
        }
        else
        {
            _people.Add(full);
        }
        if (tokens.Length == 2)
        {
            // Only two-word names alias by their last word: in "Kim Jong Un" the last word is no surname.
            _surnames.TryAdd(tokens[^1], full);
        }
    }

    private static bool Overlaps(List<Fact> facts, int start, int length) =>
        facts.Any(f => start < f.End && f.Start < start + length);
}
