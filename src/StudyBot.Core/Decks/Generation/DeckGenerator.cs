using System.Text.RegularExpressions;
using StudyBot.Core.Decks.Formats;

namespace StudyBot.Core.Decks.Generation;

/// <summary>A sentence the generator read, and what became of it.</summary>
public sealed record SentenceOutcome(int Line, string Text, string? CardId, string? Reason);

/// <summary>What the generator made, from how many words and sentences, and what it left out and why.</summary>
public sealed record GenerationResult(DeckDraft Draft, int Words, IReadOnlyList<SentenceOutcome> Sentences, IReadOnlyList<DroppedText> Dropped)
{
    public int CardSentences => Sentences.Count(s => s.CardId is not null);
}

/// <summary>
/// Reading-to-deck: cleans the text (<see cref="TextCleaner"/>), splits it into sentences
/// (<see cref="SentenceSplitter"/>), learns its names and terms (<see cref="TextModel"/>), collects
/// every candidate card (<see cref="Candidates"/>) and keeps the best: definitions and the
/// argument's claims before names and numbers, about one card per 40 words unless asked for a
/// number, one card per fact and, first, one per sentence. Each card quotes its sentence as the
/// explanation; every sentence left out is reported with its reason.
/// </summary>
public static partial class DeckGenerator
{
    [GeneratedRegex(@"^(?:It|This|These|That|Those|They|He|She|His|Her|Its|Their|Such|Both|Them|Him)\b")]
    private static partial Regex PronounOpening();

    [GeneratedRegex(@"^(?:(?:And|But|So|Yet|Moreover|Also|Similarly|Finally|Indeed|In addition|Crucially|For example|Still)\s*,?\s+)+")]
    private static partial Regex LeadIn();

    private const double Floor = 2.5;

    public static GenerationResult Generate(string text, GeneratorOptions? options = null)
    {
        options ??= new GeneratorOptions();
        var clean = TextCleaner.Clean(text);
        var outcomes = new List<SentenceOutcome>();
        var read = clean.Paragraphs.SelectMany(p => SentenceSplitter.Split(p.Text).Select((s, i) => (p.Line, Text: s, First: i == 0))).ToList();
        var words = read.Sum(s => s.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);

        var kept = new List<(int Line, string Text)>();
        foreach (var (line, sentence, _) in read.DistinctBy(s => s.Text))
        {
            var reason = Skip(sentence, options);
            if (reason is null)
            {
                kept.Add((line, sentence));
            }
            else
            {
                outcomes.Add(new SentenceOutcome(line, sentence, null, reason));
            }
        }

        var texts = kept.Select(k => k.Text).ToList();
        var model = new TextModel(texts, texts.SelectMany(Candidates.DefinedTerms).Distinct());
        var giveaways = new Giveaways(options.Aliases);
        var maker = new Candidates(model, giveaways, texts);
        var all = new List<Candidate>();
        string? previousSubject = null;
        var pointsBack = new Dictionary<int, string>();
        for (var i = 0; i < texts.Count; i++)
        {
            maker.PreviousSubject = null;
            var opensWithPronoun = PronounOpening().IsMatch(LeadIn().Replace(texts[i], ""));
            var found = maker.For(i, previousSubject);
            // A sentence that opens with a pronoun is asked only when the pronoun was resolved to the previous sentence's subject.
            if (opensWithPronoun)
            {
                found = [.. found.Where(c => c.Kind == CandidateKind.Recommendation && previousSubject is not null)];
                pointsBack[i] = $"opens with '{PronounOpening().Match(LeadIn().Replace(texts[i], "")).Value}', which points back to an earlier sentence";
            }
            previousSubject = maker.PreviousSubject ?? FirstActor(model, texts[i]);
            all.AddRange(found.Where(c => c.Score >= Floor));
        }

        var budget = options.Cards ?? Math.Max(3, (int)Math.Round(words / (double)options.WordsPerCard));
        var chosen = Choose(all, budget);

        var draft = new DeckDraft
        {
            Id = options.DeckId,
            Title = options.Title ?? clean.Heading ?? "Generated deck",
            Description = "Draft cards generated from the reading. Check each card against the text, reword where needed and delete weak cards before uploading.",
            Source = options.Source,
        };
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var cardOf = new Dictionary<int, string>();
        foreach (var candidate in chosen.OrderBy(c => c.Sentence).ThenBy(c => c.Kind))
        {
            var note = candidate.Note;
            note.Id = Id(ids, texts[candidate.Sentence], Suffix(candidate.Kind));
            note.At = SourcePosition.AtLine(kept[candidate.Sentence].Line);
            draft.Notes.Add(note);
            cardOf.TryAdd(candidate.Sentence, note.Id);
        }
        var reasons = Reasons(all, chosen, texts.Count, budget);
        foreach (var (i, reason) in pointsBack.Where(p => !all.Any(c => c.Sentence == p.Key)))
        {
            reasons[i] = reason;
        }
        for (var i = 0; i < texts.Count; i++)
        {
            outcomes.Add(new SentenceOutcome(kept[i].Line, texts[i], cardOf.GetValueOrDefault(i), cardOf.ContainsKey(i) ? null : reasons[i]));
        }
        return new GenerationResult(draft, words, [.. outcomes.OrderBy(o => o.Line)], clean.Dropped);
    }

    private static string? Skip(string sentence, GeneratorOptions options)
    {
        var count = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (Boilerplate.IsBoilerplate(sentence))
        {
            return "web page chrome";
        }
        if (count < options.MinSentenceWords)
        {
            return "too short to ask about";
        }
        if (count > options.MaxSentenceWords)
        {
            return "too long for a card";
        }
        if (sentence.TrimEnd('"', '\u201D', ')').EndsWith('?'))
        {
            return "a question, not a claim";
        }
        if (sentence.Contains("{{", StringComparison.Ordinal) || sentence.Contains("::", StringComparison.Ordinal))
        {
            return "contains cloze markup";
        }
        return null;
    }

    /// <summary>Best first; first one card per sentence, then second cards on other facts; never a fact twice.</summary>
    private static List<Candidate> Choose(List<Candidate> all, int budget)
    {
        var ranked = all.OrderByDescending(c => c.Score).ThenBy(c => c.Sentence).ToList();
        var chosen = new List<Candidate>();
        var facts = new HashSet<string>(StringComparer.Ordinal);
        var sentencesUsed = new HashSet<int>();
        foreach (var pass in new[] { 1, 2 })
        {
            foreach (var c in ranked)
            {
                if (chosen.Count >= budget)
                {
                    return chosen;
                }
                if (chosen.Contains(c) || facts.Contains(c.Fact) || (pass == 1 && sentencesUsed.Contains(c.Sentence)))
                {
                    continue;
                }
                // A second card on a sentence must ask another kind of thing, and only claims and definitions earn one.
                if (pass == 2 && (chosen.Any(x => x.Sentence == c.Sentence && x.Kind == c.Kind) || c.Score < 4))
                {
                    continue;
                }
                chosen.Add(c);
                facts.Add(c.Fact);
                sentencesUsed.Add(c.Sentence);
            }
        }
        return chosen;
    }

    private static string[] Reasons(List<Candidate> all, List<Candidate> chosen, int count, int budget)
    {
        var reasons = new string[count];
        var askedFacts = chosen.Select(c => c.Fact).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var mine = all.Where(c => c.Sentence == i).ToList();
            reasons[i] = mine.Count == 0
                ? "no definition, claim, cause, key term or telling number to ask (or every blank would give itself away)"
                : mine.All(c => askedFacts.Contains(c.Fact))
                    ? "its fact is already asked by another card"
                    : $"scored below the {budget} cards kept";
        }
        return reasons;
    }

    private static string? FirstActor(TextModel model, string sentence) =>
        model.Find(sentence).Where(f => f.Entity.Kind is EntityKind.Place or EntityKind.Person).Select(f => sentence.Substring(f.Start, f.Length)).FirstOrDefault();

    private static string Suffix(CandidateKind kind) => kind switch
    {
        CandidateKind.Definition => "term",
        CandidateKind.Recommendation => "should",
        CandidateKind.Cause => "why",
        CandidateKind.KeyTerm => "key",
        CandidateKind.Person => "who",
        CandidateKind.Place => "where",
        _ => "number",
    };

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
