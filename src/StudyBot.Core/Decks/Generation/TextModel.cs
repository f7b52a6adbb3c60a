using System.Text.RegularExpressions;

namespace StudyBot.Core.Decks.Generation;

/// <summary>What kind of thing a name is, learnt from the text itself.</summary>
public enum EntityKind
{
    Person,
    Place,
    Term,
}

/// <summary>A name the text uses; <see cref="Title"/> is the rank or role the text gives a person ("emperor", "president").</summary>
public sealed record Entity(string Name, EntityKind Kind, string? Title);

/// <summary>
/// The names in a text and their types, learnt from the text itself: people by the titles before
/// them, the roles beside them and the speech verbs after them (then wherever the same name or
/// surname recurs); places from the <see cref="Gazetteer"/>; key terms from capitalised phrases
/// that are not people or places and from the terms the text defines. Numerals and acronyms are
/// never people. Built once per text, because a type is recognised by cues anywhere in it.
/// </summary>
internal sealed partial class TextModel
{
    private const string NamePattern = @"[A-Z][a-zA-Z]+(?:-[a-zA-Z]+)?(?:\s(?:[A-Z]\.|[A-Z][a-zA-Z]+(?:-[a-zA-Z]+)?)){0,3}(?![a-zA-Z])";

    /// <summary>Titles and roles that name the kind of person after them; the first group is the title as the text wrote it.</summary>
    [GeneratedRegex(@"\b(Vice President|President|Prime Minister|Premier|Secretary of State|Secretary|Chairman|Senator|Governor|General|Admiral|Ambassador|Minister|Chancellor|King|Queen|Pope|Emperor|emperor|leader|dictator|historians?,? notably|(?i:engineer|scholar|envoy|historian|architect|inventor|explorer)|Dr\.|Mr\.|Mrs\.|Ms\.)\s+(" + NamePattern + ")")]
    private static partial Regex TitledName();

    [GeneratedRegex("(" + NamePattern + @")(?:,[^,]{1,60},)?(?:\s(?:later|also|once|then|first|\w+ly))?\s+(?:said|says|told|wrote|writes|argued|argues|warned|announced|declared|noted|insisted|claimed|proposed|promised|explained|believed|urged)\b")]
    private static partial Regex SpeakingName();

    [GeneratedRegex("(" + NamePattern + @"),\s+(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}(official|observer|historian|diplomat|general|writer|poet|philosopher|scientist|emperor|president|leader|senator)\b")]
    private static partial Regex RoleAppositive();

    [GeneratedRegex("(" + NamePattern + @")(?:'s?|\u2019s?)\s+(?:reign|death|assassination|appointment|successor|accession|rule|father|son|daughter|wife|speech|administration)\b")]
    private static partial Regex PossessiveName();

    [GeneratedRegex(@"(?<![\w.])(?:[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?)(?:\s(?:of\s(?:the\s)?)?[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?){1,4}(?![\w-])")]
    private static partial Regex CapitalisedPhrase();

    [GeneratedRegex(@"^(?:[IVXLC]+|[A-Z]{2,})$")]
    private static partial Regex NumeralOrAcronym();

    private static readonly HashSet<string> _notNames = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "On", "At", "But", "And", "Or", "If", "When", "While", "This", "That", "These", "Those", "It",
        "He", "She", "They", "We", "I", "His", "Her", "Their", "Its", "Our", "After", "Before", "During", "Since", "Because",
        "Yet", "So", "As", "For", "From", "By", "With", "Without", "Why", "What", "How", "Who", "Where", "Then", "Still",
        "However", "Meanwhile", "Today", "Now", "Some", "Many", "Most", "Both", "Each", "Every", "No", "Not", "Even",
        "Over", "Under", "Moreover", "Indeed", "Similarly", "Finally", "Notably", "Though", "Although", "Within", "Through",
        "Communist", "Party", "Congress", "Senate", "Army", "Navy", "War", "University", "Council", "Agency", "Department",
        "Ministry", "Times", "Post", "Journal", "News", "Company", "Canal", "Commission", "Administration", "Korean", "Chinese",
        "American", "Japanese", "Russian", "Soviet", "European", "Western", "Eastern", "Northern", "Southern", "Roman", "Empire",
        "Republic", "Doctrine", "Plan", "Act", "Telegram", "Crisis", "Century", "Battle", "State",
    };

    /// <summary>Words that start a sentence and are capitalised only for that.</summary>
    private static readonly HashSet<string> _sentenceWords = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "On", "At", "But", "And", "Or", "If", "When", "While", "This", "That", "These", "Those", "It",
        "After", "Before", "During", "Since", "Because", "Yet", "So", "As", "For", "From", "By", "With", "Without", "Though",
        "Although", "Over", "Under", "Moreover", "Indeed", "Similarly", "Finally", "Notably", "Within", "Through", "Even", "Some",
        "Many", "Most", "Both", "Each", "Every", "Then", "Still", "However", "Meanwhile", "Today", "Now", "To",
    };

    private static readonly HashSet<string> _titleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "President", "Vice", "Prime", "Minister", "Premier", "Secretary", "Chairman", "Senator", "Governor", "General", "Admiral",
        "Ambassador", "Chancellor", "King", "Queen", "Pope", "Emperor", "Leader", "Dr", "Mr", "Mrs", "Ms",
    };

    private readonly Dictionary<string, Entity> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _surnames = new(StringComparer.Ordinal);
    private readonly Regex _places;
    private readonly IReadOnlyList<string> _sentences;
    private readonly Dictionary<string, int> _naming = new(StringComparer.Ordinal);
    private readonly Regex? _people;
    private readonly Regex? _terms;
    private readonly HashSet<string> _defined = new(StringComparer.Ordinal);

    /// <summary>A term the text defines ("X is called Y"), not only a capitalised phrase.</summary>
    public bool IsDefinedByText(string term) => _defined.Contains(term);

    public TextModel(IReadOnlyList<string> sentences, IEnumerable<string> definedTerms)
    {
        _sentences = sentences;
        var names = Gazetteer.All.OrderByDescending(n => n.Length).Select(Regex.Escape);
        _places = new Regex(@"(?<![\w-])(" + string.Join("|", names) + @")(?![\w-])");
        foreach (var sentence in sentences)
        {
            foreach (Match m in TitledName().Matches(sentence))
            {
                var title = m.Groups[1].Value.ToLowerInvariant();
                AddPerson(m.Groups[2].Value, title.StartsWith("historian", StringComparison.Ordinal) ? "historian" : title);
            }
            foreach (Match m in RoleAppositive().Matches(sentence))
            {
                AddPerson(m.Groups[1].Value, m.Groups[2].Value);
            }
            foreach (Match m in SpeakingName().Matches(sentence))
            {
                AddPerson(m.Groups[1].Value, null);
            }
            foreach (Match m in PossessiveName().Matches(sentence))
            {
                AddPerson(m.Groups[1].Value, null);
            }
        }
        if (_entities.Count > 0)
        {
            var alternatives = _entities.Keys.Concat(_surnames.Keys).Distinct().OrderByDescending(n => n.Length).Select(Regex.Escape);
            _people = new Regex(@"(?<![\w-])(" + string.Join("|", alternatives) + @")(?![\w-])");
        }
        foreach (var term in definedTerms)
        {
            _entities.TryAdd(term, new Entity(term, EntityKind.Term, null));
            _defined.Add(term);
        }
        foreach (var sentence in sentences)
        {
            foreach (Match m in CapitalisedPhrase().Matches(sentence))
            {
                AddTerm(sentence, m);
            }
        }
        var terms = _entities.Values.Where(e => e.Kind == EntityKind.Term).Select(e => Regex.Escape(e.Name)).OrderByDescending(n => n.Length).ToList();
        if (terms.Count > 0)
        {
            _terms = new Regex(@"(?<![\w-])(" + string.Join("|", terms) + @")(?![\w-])");
        }
    }

    /// <summary>The full name a surname stands for.</summary>
    public string FullName(string name) => _surnames.GetValueOrDefault(name, name);

    public IEnumerable<Entity> People => _entities.Values.Where(e => e.Kind == EntityKind.Person);

    public Entity? Person(string name) => _entities.TryGetValue(FullName(name), out var e) && e.Kind == EntityKind.Person ? e : null;

    public bool IsDefined(string term) => _entities.TryGetValue(term, out var e) && e.Kind == EntityKind.Term;

    /// <summary>How many sentences name the phrase.</summary>
    public int SentencesNaming(string phrase)
    {
        if (!_naming.TryGetValue(phrase, out var count))
        {
            var pattern = new Regex(@"(?<![\w-])" + Regex.Escape(phrase) + @"(?![\w-])");
            count = _sentences.Count(s => s.Contains(phrase, StringComparison.Ordinal) && pattern.IsMatch(s));
            _naming[phrase] = count;
        }
        return count;
    }

    /// <summary>Names in a sentence with their kinds and positions; people and key terms win over the places inside them.</summary>
    public IReadOnlyList<(Entity Entity, int Start, int Length)> Find(string sentence)
    {
        var found = new List<(Entity, int, int)>();
        if (_terms is not null)
        {
            foreach (Match m in _terms.Matches(sentence))
            {
                found.Add((_entities[m.Value], m.Index, m.Length));
            }
        }
        if (_people is not null)
        {
            foreach (Match m in _people.Matches(sentence))
            {
                if (!Overlaps(found, m.Index, m.Length) && Person(m.Value) is { } person)
                {
                    found.Add((person with { Name = m.Value }, m.Index, m.Length));
                }
            }
        }
        foreach (Match m in _places.Matches(sentence))
        {
            if (!Overlaps(found, m.Index, m.Length))
            {
                found.Add((new Entity(m.Value, EntityKind.Place, null), m.Index, m.Length));
            }
        }
        return [.. found.OrderBy(f => f.Item2)];
    }

    private static bool Overlaps(List<(Entity, int Start, int Length)> found, int start, int length) =>
        found.Any(f => start < f.Start + f.Length && f.Start < start + length);

    private void AddTerm(string sentence, Match m)
    {
        var words = m.Value.Split(' ');
        // Leading sentence words ("In", "The") and titles are no part of a term.
        var skip = words.TakeWhile(_sentenceWords.Contains).Count();
        if (skip > 0 && words.Skip(skip).Count() < 2)
        {
            return;
        }
        var phrase = string.Join(' ', words.Skip(skip));
        if (words.Skip(skip).Any(w => _titleWords.Contains(w)) || phrase.Split(' ').Length < 2)
        {
            return;
        }
        var end = m.Index + m.Length;
        // "World War II": a phrase that continues with a numeral is a fixed name the generator does not split.
        if (end + 1 < sentence.Length && NumeralOrAcronym().IsMatch(sentence[(end + 1)..].Split(' ', 2)[0].TrimEnd('.', ',', ';', ')')))
        {
            return;
        }
        // "North Korean Chernobyl", "Border of North Korea": a phrase built on a place name is no term of its own.
        if (Gazetteer.All.Any(place => place.Contains(' ') && phrase.Contains(place, StringComparison.Ordinal)) || words.Skip(skip).All(w => _notNames.Contains(w) || Gazetteer.TryGroup(w, out _)))
        {
            return;
        }
        if (Gazetteer.TryGroup(phrase, out _) || _entities.ContainsKey(phrase) || _people?.Match(phrase) is { Success: true, Length: var l } && l == phrase.Length)
        {
            return;
        }
        // A phrase at the start of a sentence is only a term when it recurs.
        if (m.Index == 0 && skip == 0 && SentencesNaming(phrase) < 2)
        {
            return;
        }
        _entities[phrase] = new Entity(phrase, EntityKind.Term, null);
    }

    private void AddPerson(string name, string? title)
    {
        var tokens = name.Split(' ');
        var start = 0;
        while (start < tokens.Length && (_notNames.Contains(tokens[start]) || _titleWords.Contains(tokens[start].TrimEnd('.'))))
        {
            start++;
        }
        tokens = tokens[start..];
        if (tokens.Length == 0 || tokens.Any(t => _notNames.Contains(t) || NumeralOrAcronym().IsMatch(t)))
        {
            return;
        }
        var full = string.Join(' ', tokens);
        if (Gazetteer.TryGroup(full, out _) || tokens.Any(t => Gazetteer.TryGroup(t, out _)))
        {
            return;
        }
        // "Truman" after "Harry Truman" is the same person; a name known by its surname grows to the full name.
        var longer = _entities.Values.FirstOrDefault(p => p.Kind == EntityKind.Person && p.Name.EndsWith(" " + full, StringComparison.Ordinal));
        if (longer is not null)
        {
            if (longer.Title is null && title is not null)
            {
                _entities[longer.Name] = longer with { Title = title };
            }
            return;
        }
        var shorter = _entities.Values.FirstOrDefault(p => p.Kind == EntityKind.Person && full.EndsWith(" " + p.Name, StringComparison.Ordinal));
        if (shorter is not null)
        {
            _entities.Remove(shorter.Name);
            title ??= shorter.Title;
        }
        if (_entities.TryGetValue(full, out var known))
        {
            if (known.Title is null && title is not null)
            {
                _entities[full] = known with { Title = title };
            }
            return;
        }
        _entities[full] = new Entity(full, EntityKind.Person, title);
        // Only names of two or more words alias by their last word; in "Kim Jong Un" the last word is no surname.
        if (tokens.Length >= 2 && !(tokens.Length == 3 && tokens.All(t => t.Length <= 5)))
        {
            _surnames.TryAdd(tokens[^1], full);
        }
    }
}
