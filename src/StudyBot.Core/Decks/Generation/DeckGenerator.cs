using StudyBot.Core.Decks.Formats;

namespace StudyBot.Core.Decks.Generation;

/// <summary>What the generator made, and what it left out and why.</summary>
public sealed record GenerationResult(DeckDraft Draft, int Sentences, int FactSentences, IReadOnlyList<string> DroppedBoilerplate);

/// <summary>
/// Essay-to-cards: finds the sentences that carry facts and makes draft cards from them for an
/// instructor to edit. A person or place becomes an mcq whose wrong choices are of the same type;
/// numbers, years and causal clauses become cloze deletions (several in one note when a
/// sentence holds several). Every card quotes its sentence as the explanation.
/// </summary>
public static class DeckGenerator
{
    private const string Blank = "_____";

    public static GenerationResult Generate(string text, GeneratorOptions? options = null)
    {
        options ??= new GeneratorOptions();
        var clean = TextCleaner.Clean(text);
        var sentences = clean.Paragraphs
            .SelectMany(p => SentenceSplitter.Split(p.Text).Select(s => (p.Line, Text: s)))
            .Where(s => s.Text.Length <= options.MaxSentenceLength && s.Text.Split(' ').Length >= options.MinSentenceWords)
            .Where(s => !Boilerplate.IsBoilerplate(s.Text))
            // Pull quotes repeat a sentence of the body; one card per sentence is enough.
            .DistinctBy(s => s.Text)
            .ToList();
        var finder = new FactFinder(sentences.Select(s => s.Text));
        var allFacts = sentences.Select(s => finder.Find(s.Text)).ToList();
        var places = allFacts.SelectMany(f => f).Where(f => f.Kind == FactKind.Place).Select(f => f.Text).Distinct().ToList();
        var distractors = new Distractors(finder.People, places, finder.FullName);
        var topics = Topics(allFacts, sentences.Count);

        var draft = new DeckDraft
        {
            Id = options.DeckId,
            Title = options.Title ?? clean.Heading ?? "Generated deck",
            Description = "Draft cards generated from the text. Check each fact, improve the prompts and delete weak cards before uploading.",
            Source = options.Source,
        };
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var factSentences = 0;
        for (var i = 0; i < sentences.Count && draft.Notes.Count < options.MaxCards; i++)
        {
            var (line, sentence) = sentences[i];
            var facts = allFacts[i];
            if (facts.Count == 0)
            {
                continue;
            }
            factSentences++;
            var at = SourcePosition.AtLine(line);
            // The text's main subject ("North Korea" in an essay on North Korea) makes a trivial question; ask about rarer names.
            var asked = facts
                .Where(f => f.Kind is FactKind.Person or FactKind.Place && !topics.Contains(f.Text))
                .FirstOrDefault(f => distractors.For(f, sentence, options.Distractors).Count >= 2);
            if (asked is not null)
            {
                draft.Notes.Add(Mcq(sentence, asked, distractors.For(asked, sentence, options.Distractors), Id(ids, sentence, asked.Kind == FactKind.Person ? "who" : "where"), at));
            }
            // Numbers first (up to three deletions in one note), else the causal clause, else the name no mcq could ask.
            var hidden = facts.Where(f => f.Kind is FactKind.Number or FactKind.Year).Take(3).ToList();
            if (hidden.Count == 0)
            {
                hidden = facts.Where(f => f.Kind == FactKind.Cause).Take(1).ToList();
            }
            if (hidden.Count == 0 && asked is null)
            {
                hidden = facts.Where(f => f.Kind is FactKind.Place or FactKind.Person && !topics.Contains(f.Text)).Take(1).ToList();
            }
            if (hidden.Count > 0 && draft.Notes.Count < options.MaxCards)
            {
                draft.Notes.Add(ClozeNote(sentence, hidden, Id(ids, sentence, "cloze"), at));
            }
        }
        return new GenerationResult(draft, sentences.Count, factSentences, clean.Dropped);
    }

    private static NoteDraft Mcq(string sentence, Fact fact, IReadOnlyList<string> wrong, string id, SourcePosition at)
    {
        var question = fact.Kind == FactKind.Person ? "Who" : "Which place";
        var note = new NoteDraft
        {
            Id = id,
            Kind = CardKind.Mcq,
            Prompt = $"{question} fills the blank?\n> {sentence[..fact.Start]}{Blank}{sentence[fact.End..]}",
            Explanation = Quote(sentence),
            At = at,
        };
        note.Choices.AddRange(wrong.Append(fact.Text).Order(StringComparer.Ordinal).Select(c => new McqChoice(c, c == fact.Text)));
        note.Tags.AddRange(["generated", fact.Kind == FactKind.Person ? "person" : "place"]);
        return note;
    }

    private static NoteDraft ClozeNote(string sentence, IReadOnlyList<Fact> facts, string id, SourcePosition at)
    {
        var text = sentence;
        var number = facts.Count;
        // Right to left, so earlier positions stay valid; numbered left to right.
        foreach (var fact in facts.OrderByDescending(f => f.Start))
        {
            var hint = fact.Kind switch { FactKind.Year => "::year", FactKind.Number => "::number", _ => "" };
            text = $"{text[..fact.Start]}{{{{c{number}::{fact.Text}{hint}}}}}{text[fact.End..]}";
            number--;
        }
        var note = new NoteDraft { Id = id, Kind = CardKind.Cloze, Prompt = text, Explanation = Quote(sentence), At = at };
        note.Tags.AddRange(facts.Select(f => f.Kind.ToString().ToLowerInvariant()).Distinct().Prepend("generated"));
        return note;
    }

    /// <summary>Names found in more than a sixth of the sentences: what the text is about, not a fact in it.</summary>
    private static HashSet<string> Topics(List<IReadOnlyList<Fact>> facts, int sentences) =>
        facts.SelectMany(f => f.Where(x => x.Kind is FactKind.Place or FactKind.Person).Select(x => x.Text).Distinct())
            .GroupBy(t => t)
            .Where(g => g.Count() >= 3 && g.Count() * 6 > sentences)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);

    private static string Quote(string sentence) => $"\"{sentence}\"";

    private static string Id(HashSet<string> ids, string sentence, string suffix)
    {
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3).Take(5);
        var id = $"{CardIds.Slug(string.Join(' ', words), 40)}-{suffix}";
        var unique = id;
        for (var n = 2; !ids.Add(unique); n++)
        {
            unique = $"{id}-{n}";
        }
        return unique;
    }
}
