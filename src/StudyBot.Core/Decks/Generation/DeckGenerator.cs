using System.Text.RegularExpressions;
using StudyBot.Core.Decks.Formats;

namespace StudyBot.Core.Decks.Generation;

/// <summary>A sentence the generator read, and what became of it.</summary>
public sealed record SentenceOutcome(int Line, string Text, string? CardId, string? Reason);

/// <summary>What the generator made, from how many words and sentences, and what it left out and why.</summary>
public sealed record GenerationResult(DeckDraft Draft, int Words, IReadOnlyList<SentenceOutcome> Sentences, IReadOnlyList<DroppedText> Dropped)
{
    /// <summary>How many cards were kept at most (the cap, or --cards).</summary>
    public int Budget { get; init; }

    /// <summary>Sentences that had a card to draft but were left out because the budget was spent.</summary>
    public int LeftOut { get; init; }

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

    [GeneratedRegex(@"^(?:Let's|Let us|Let me)\b|^(?:(?:Now|First|Next|Then|So|Again),?\s+)?(?i:look|discuss|explain|describe|identify|compare|contrast|analy[sz]e|evaluate|define|list|summari[sz]e|outline|consider|imagine|think|recall|note|see|read|watch|visit|click|review|use|try|answer|notice|remember|suppose|picture|observe)\b(?!\s+(?:of|is|are|was|were|has|had)\b)")]
    private static partial Regex Instruction();

    /// <summary>An aside in brackets: an acronym, a translation, a gloss, a life's dates, a citation mark. It is left out of the card's prompt (the explanation keeps it), so it neither gives a blank away nor clutters it.</summary>
    [GeneratedRegex(@"\s*(?:\((?<inner>[^()\[\]]{1,120})\)|\[(?:\d+|[a-z]|citation needed|note \d+)\])(?=[\s,.;:!?\u201D""']|$)")]
    private static partial Regex Aside();

    /// <summary>"()" left where a figure reference was taken out.</summary>
    [GeneratedRegex(@"\s*\(\s*\)")]
    private static partial Regex EmptyBrackets();

    private const double Floor = 2.5;

    public static GenerationResult Generate(string text, GeneratorOptions? options = null)
    {
        options ??= new GeneratorOptions();
        var clean = TextCleaner.Clean(text);
        var outcomes = new List<SentenceOutcome>();
        var read = clean.Paragraphs.SelectMany((p, n) => SentenceSplitter.Split(p.Text).Select(s => (p.Line, Text: s, Paragraph: n, p.Section))).ToList();
        var words = read.Sum(s => s.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);

        var kept = new List<(int Line, string Text, int Paragraph, int Section)>();
        var previousInParagraph = new Dictionary<int, string>();
        string? before = null;
        var beforeParagraph = -1;
        foreach (var (line, sentence, paragraph, section) in read.DistinctBy(s => s.Text))
        {
            var reason = Skip(sentence, options);
            if (reason is null)
            {
                if (beforeParagraph == paragraph && before is not null)
                {
                    previousInParagraph[kept.Count] = before;
                }
                kept.Add((line, sentence, paragraph, section));
            }
            else
            {
                outcomes.Add(new SentenceOutcome(line, sentence, null, reason));
            }
            (before, beforeParagraph) = (sentence, paragraph);
        }

        var originals = kept.Select(k => k.Text).ToList();
        var otherNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var texts = originals.Select(o => WithoutOtherName(WithoutAsides(o), otherNames)).ToList();
        // "They are multinucleated" after "Osteoclasts break down bone": the subject is written into the card.
        for (var i = 0; i < texts.Count; i++)
        {
            var body = LeadIn().Replace(texts[i], "");
            // The sentence before as the card would show it (its own "They" already resolved).
            var shownBefore = previousInParagraph.TryGetValue(i, out var previous) ? (i > 0 && previous == originals[i - 1] ? texts[i - 1] : WithoutAsides(previous)) : null;
            if (Referents.PointsBack(body) is not null && Referents.Resolve(body, shownBefore is null ? null : LeadIn().Replace(shownBefore, "")) is { } resolved)
            {
                texts[i] = resolved;
            }
        }
        var model = new TextModel(texts, texts.SelectMany(Candidates.DefinedTerms).Distinct());
        var giveaways = new Giveaways(options.Aliases);
        var maker = new Candidates(model, giveaways, texts) { OtherNames = otherNames, Topic = options.Title ?? clean.Heading };
        var all = new List<Candidate>();
        string? previousSubject = null;
        var pointsBack = new Dictionary<int, string>();
        for (var i = 0; i < texts.Count; i++)
        {
            maker.PreviousSubject = null;
            maker.Context = null;
            var body = LeadIn().Replace(texts[i], "");
            var pointer = Referents.PointsBack(body);
            var found = maker.For(i, previousSubject);
            if (pointer is not null)
            {
                // "It should ..." resolved to the previous sentence's subject; otherwise the sentence before goes into the card, or no card.
                var resolved = PronounOpening().IsMatch(body) && previousSubject is not null ? found.Where(c => c.Kind == CandidateKind.Recommendation).ToList() : [];
                if (resolved.Count > 0)
                {
                    found = resolved;
                }
                else if (previousInParagraph.TryGetValue(i, out var previous) && Referents.PointsBack(LeadIn().Replace(previous, "")) is null
                    && WordCount(previous) + WordCount(texts[i]) <= options.MaxSentenceWords + 15)
                {
                    maker.Context = WithoutAsides(previous);
                    found = maker.For(i, previousSubject);
                    maker.Context = null;
                }
                else
                {
                    found = [];
                }
                pointsBack[i] = $"'{pointer}' points back to a sentence the card could not show";
            }
            previousSubject = maker.PreviousSubject ?? FirstActor(model, texts[i]);
            all.AddRange(found.Where(c => c.Score >= Floor));
        }

        var substantive = texts.Sum(WordCount);
        var budget = options.Cards ?? Math.Min(options.MaxCards, Math.Max(3, (int)Math.Round(substantive / (double)options.WordsPerCard)));
        var refused = new Dictionary<int, string>();
        var chosen = Choose(all, budget, i => kept[i].Section, refused);

        var draft = new DeckDraft
        {
            Id = options.DeckId,
            Title = options.Title ?? clean.Heading ?? options.FallbackTitle ?? "Generated deck",
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
            if (texts[candidate.Sentence] != originals[candidate.Sentence] && note.Explanation is { } quoted)
            {
                note.Explanation = quoted.Replace(texts[candidate.Sentence], originals[candidate.Sentence], StringComparison.Ordinal);
            }
            draft.Notes.Add(note);
            cardOf.TryAdd(candidate.Sentence, note.Id);
        }
        var reasons = Reasons(all, chosen, texts.Count, budget);
        foreach (var (i, problem) in refused)
        {
            reasons[i] = problem;
        }
        var withCandidates = all.Select(c => c.Sentence).ToHashSet();
        foreach (var (i, reason) in pointsBack.Where(p => !withCandidates.Contains(p.Key)))
        {
            reasons[i] = reason;
        }
        for (var i = 0; i < texts.Count; i++)
        {
            outcomes.Add(new SentenceOutcome(kept[i].Line, originals[i], cardOf.GetValueOrDefault(i), cardOf.ContainsKey(i) ? null : reasons[i]));
        }
        var leftOut = all.Select(c => c.Sentence).Distinct().Count(i => !cardOf.ContainsKey(i));
        return new GenerationResult(draft, words, [.. outcomes.OrderBy(o => o.Line)], clean.Dropped) { Budget = budget, LeftOut = chosen.Count >= budget ? leftOut : 0 };
    }

    /// <summary>"A homogeneous mixture, also called a solution, exhibits ...": the second name of a term, which would give a blank on the first away.</summary>
    [GeneratedRegex(@"(?<a>[\w\u2019'-]+(?:\s[\w\u2019'-]+){0,3}),\s+(?:(?<also>(?:also\s+|sometimes\s+|often\s+)?(?:called|known\s+as|referred\s+to\s+as|termed))|(?<or>or))\s+(?:an?\s+|the\s+)?(?<b>[\w\u2019'-]+(?:\s[\w\u2019'-]+){0,3}?),\s+(?<next>\w+)")]
    private static partial Regex OtherName();

    /// <summary>
    /// The sentence without the second name of a term ("X, also known as Y," or "the central canal, or Haversian canal,"):
    /// the second name is recorded as an answer a blank on the first also accepts.
    /// </summary>
    internal static string WithoutOtherName(string sentence, Dictionary<string, string> otherNames)
    {
        return OtherName().Replace(sentence, m =>
        {
            var a = m.Groups["a"].Value.Split(' ');
            var b = m.Groups["b"].Value;
            // "trees, shrubs, or grasses": an "or" joins another name only when both end in the same noun or the second is a name.
            if (m.Groups["or"].Success && !(b.Split(' ')[^1].Equals(a[^1], StringComparison.OrdinalIgnoreCase) || char.IsUpper(b[0]) && !char.IsUpper(a[^1][0])))
            {
                return m.Value;
            }
            // The term is the longest run of words before the comma with no function word in it ("homogeneous mixture", not "mixture").
            var n = 0;
            while (n < a.Length && !Spans.IsFunctionWord(a[^(n + 1)]))
            {
                n++;
            }
            if (n > 0)
            {
                otherNames.TryAdd(string.Join(' ', a[^n..]), b);
            }
            var next = m.Groups["next"].Value;
            return m.Groups["a"].Value + (next is "which" or "who" or "where" or "whose" ? ", " : " ") + next;
        });
    }

    /// <summary>The sentence as a card shows it: asides in brackets of at most 15 words left out (a longer bracket stays, and no blank is cut inside it).</summary>
    internal static string WithoutAsides(string sentence)
    {
        sentence = EmptyBrackets().Replace(sentence, "");
        var shown = Aside().Replace(sentence, m => m.Groups["inner"].Success && m.Groups["inner"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 15 ? m.Value : "");
        return shown.Length >= sentence.Length / 2 ? shown : sentence;
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
        if (Instruction().IsMatch(sentence))
        {
            return "an instruction to the reader, not a claim";
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

    /// <summary>
    /// Best first, one card per sentence: first the best card of each section (so every main
    /// section is tested), then the rest by score. A card that asks what a chosen card asks is
    /// left out: the same answer on an overlapping sentence, or the blank moved between two names
    /// that each card shows the other of. Distinct facts with the same answer stay.
    /// </summary>
    private static List<Candidate> Choose(List<Candidate> all, int budget, Func<int, int> sectionOf, Dictionary<int, string> refused)
    {
        var ranked = all.OrderByDescending(c => c.Score).ThenBy(c => c.Sentence).ToList();
        var chosen = new List<Candidate>();
        var sentencesUsed = new HashSet<int>();
        // Each answer once, in either number; one question word for word once (a long text checks each candidate against these sets, not every card).
        var askedKeys = new HashSet<string>(StringComparer.Ordinal);
        var questions = new HashSet<string>(StringComparer.Ordinal);
        var words = new Dictionary<Candidate, HashSet<string>>(ReferenceEqualityComparer.Instance);
        HashSet<string> WordsOf(Candidate c) => words.TryGetValue(c, out var w) ? w : words[c] = ContentWords(c.Note.Explanation!);
        var firsts = ranked.GroupBy(c => sectionOf(c.Sentence)).Select(g => g.First()).ToList();
        foreach (var c in firsts.Concat(ranked))
        {
            if (chosen.Count >= budget)
            {
                break;
            }
            if (sentencesUsed.Contains(c.Sentence))
            {
                continue;
            }
            var keys = DraftChecks.Answers(c.Note).Select(DraftChecks.Key).ToList();
            if (keys.Any(askedKeys.Contains) || chosen.Any(x => SameFact(x, c, WordsOf)))
            {
                continue;
            }
            var question = DraftChecks.Question(c.Note);
            if ((question is not null && questions.Contains(question) ? "its question is another card's question with another answer" : DraftChecks.OwnProblem(c.Note)) is { } problem)
            {
                refused[c.Sentence] = problem;
                continue;
            }
            chosen.Add(c);
            sentencesUsed.Add(c.Sentence);
            askedKeys.UnionWith(keys);
            if (question is not null)
            {
                questions.Add(question);
            }
        }
        return chosen;
    }

    /// <summary>Two cards ask the same fact: the same answer from sentences that share most of their words, or each card's answer shown in the other.</summary>
    private static bool SameFact(Candidate a, Candidate b, Func<Candidate, HashSet<string>> wordsOf)
    {
        if (a.Fact.StartsWith("claim:", StringComparison.Ordinal) || b.Fact.StartsWith("claim:", StringComparison.Ordinal))
        {
            return a.Fact == b.Fact;
        }
        var (answerA, answerB) = (AnswerOf(a.Note), AnswerOf(b.Note));
        var (wordsA, wordsB) = (wordsOf(a), wordsOf(b));
        var shared = wordsA.Intersect(wordsB).Count() / (double)Math.Max(1, Math.Min(wordsA.Count, wordsB.Count));
        if (string.Equals(answerA, answerB, StringComparison.OrdinalIgnoreCase))
        {
            // A date or a figure stands for one event or one measure: asked once.
            return shared >= 0.4 || (a.Kind == CandidateKind.Number && b.Kind == CandidateKind.Number);
        }
        return shared >= 0.3 && a.Note.Explanation!.Contains(answerB, StringComparison.OrdinalIgnoreCase) && b.Note.Explanation!.Contains(answerA, StringComparison.OrdinalIgnoreCase);
    }

    private static string AnswerOf(NoteDraft note) =>
        note.Kind == CardKind.Cloze ? Regex.Match(note.Prompt!, @"\{\{c\d+::(?<a>[^:}]+)").Groups["a"].Value
        : note.Kind == CardKind.Mcq ? note.Choices.FirstOrDefault(c => c.Correct)?.Text ?? ""
        : note.Answers.FirstOrDefault() ?? "";

    private static HashSet<string> ContentWords(string text) =>
        Regex.Matches(text.ToLowerInvariant(), @"[a-z]{4,}|\d+").Select(m => m.Value).Where(w => w is not ("that" or "with" or "from" or "this" or "which" or "were" or "have" or "their" or "they" or "into")).ToHashSet(StringComparer.Ordinal);

    private static int WordCount(string sentence) => sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static string[] Reasons(List<Candidate> all, List<Candidate> chosen, int count, int budget)
    {
        var reasons = new string[count];
        var bySentence = all.ToLookup(c => c.Sentence);
        var askedFacts = chosen.Select(c => c.Fact).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var mine = bySentence[i];
            reasons[i] = !mine.Any()
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
        CandidateKind.Claim => "what",
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
