using System.Text.RegularExpressions;
using StudyBot.Core.Decks.Generation;
using StudyBot.Core.Scheduling;

namespace StudyBot.Core.Answers;

/// <summary>
/// Grades a typed answer against a card's accepted answers the way a fair teacher would, by general rules
/// (each verdict names the rule that decided it, <see cref="AnswerVerdict.Rule"/>):
/// the same answer in other words, numbers, units, short forms, spelling (British or American), number
/// (singular or plural), compound form, word order of a phrasal verb, with filler, a title or an article
/// around it is Good and says so; a spelling slip that is no other English word (never inside a number), a
/// name with a letter wrong, a list missing one item, another ending of a word, or a capital standing for
/// its country is Hard, with the reason; another word (<see cref="EnglishWords"/>), another name, a different
/// number, an answer that hedges between alternatives or negates, and an empty answer are Again.
/// Notes always show the card's first answer.
/// </summary>
public static partial class TypedGrader
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

    /// <summary>Country names, normalised ("north korea", "vietnam").</summary>
    private static readonly HashSet<string> _countries = Gazetteer.Countries.Select(AnswerNormalizer.Normalize).ToHashSet(StringComparer.Ordinal);

    /// <summary>"North America" is a continent's part, not a divided country: "the North" does not stand for it.</summary>
    private static readonly HashSet<string> _continents = new(StringComparer.Ordinal) { "america", "americas", "africa", "asia", "europe" };

    /// <summary>Small words that only link a phrase's parts: one left out ("skin the game") is a slip, not another answer.</summary>
    private static readonly HashSet<string> _linkingWords = new(StringComparer.Ordinal) { "in", "of", "to", "on", "at", "for", "by", "with", "from", "into", "onto", "as" };

    private static readonly HashSet<string> _contrasts = new(StringComparer.Ordinal) { "but", "rather", "instead", "except", "than", "versus", "vs", "less", "fewer", "lesser" };

    /// <summary>"the answer is glucose": a sentence around the answer, not a word describing it.</summary>
    private static readonly HashSet<string> _verbsOfBeing = new(StringComparer.Ordinal) { "is", "are", "was", "were", "be", "been", "being", "am" };

    /// <summary>Words that only point or belong ("raise its prices" is "raise prices").</summary>
    private static readonly HashSet<string> _functionWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "that", "these", "those", "it", "them", "own",
    };

    /// <summary>The particles of phrasal verbs ("turn the lights off" is "turn off the lights").</summary>
    private static readonly HashSet<string> _particles = new(StringComparer.Ordinal)
    {
        "up", "down", "off", "on", "out", "in", "back", "away", "over", "around", "through", "aside",
    };

    private enum Match
    {
        None,
        Capital,
        Typo,
        Ending,
        Qualified,
        Form,
        Exact,
    }

    private readonly record struct ItemMatch(Match Match, string Rule)
    {
        public static readonly ItemMatch None = new(Match.None, Rules.Wrong);
    }

    /// <summary>The names of the rules a verdict gives (<c>studybot deck grade --explain</c> prints them).</summary>
    public static class Rules
    {
        public const string Exact = "exact";
        public const string Empty = "empty";
        public const string Wrong = "wrong";
        public const string OtherWord = "other-word";
        public const string OtherName = "other-name";
        public const string Negation = "negation";
        public const string Alternatives = "alternatives";
        public const string MoreThanOne = "more-than-one";
        public const string Typo = "typo";
        public const string DroppedWord = "dropped-word";
        public const string Homophone = "homophone";
        public const string Referent = "referent";
        public const string Clipped = "clipped";
        public const string Acronym = "acronym";
        public const string Intensifier = "intensifier";
        public const string Ending = "word-ending";
        public const string Qualified = "qualified";
        public const string Unit = "unit";
        public const string Spelling = "spelling";
        public const string Plural = "plural";
        public const string Compound = "compound";
        public const string Article = "article";
        public const string Phrasal = "phrasal-verb";
        public const string Alias = "alias";
        public const string MoreThan = "more-than";
        public const string Capital = "capital";
        public const string Nationality = "nationality";
        public const string List = "list";
        public const string ListMissing = "list-missing";
        public const string Modifier = "modifier";
        public const string ByPhrase = "by-phrase";
        public const string NameOrder = "name-order";
        public const string Privative = "privative";
    }

    public static AnswerVerdict Grade(IReadOnlyList<string> accepted, string given) => Grade(accepted, given, null);

    /// <summary>
    /// Grades <paramref name="given"/>; <paramref name="cardText"/> is the card's own sentence (its prompt and
    /// explanation), which lets "more than 200" count where the card says "more than 200".
    /// </summary>
    public static AnswerVerdict Grade(IReadOnlyList<string> accepted, string given, string? cardText)
    {
        var verdict = WithoutSynonyms(accepted, given, cardText);
        // Issue 21 hook: one word put in a WordNet synonym of the card's word, where the rules found no other reason (Synonyms): Hard.
        return verdict.Rating == Rating.Again && verdict.Rule is Rules.Wrong or Rules.OtherWord
            ? Synonyms.Regrade(accepted, given, cardText, WithoutSynonyms) ?? verdict
            : verdict;
    }

    private static AnswerVerdict WithoutSynonyms(IReadOnlyList<string> accepted, string given, string? cardText)
    {
        // Issue 21 hook: the card's accepted answers as interchangeable parts (AnswerParts), a slip inside a name (NameSlips).
        var verdict = GradeByRules(accepted, given, cardText);
        return verdict.Rating == Rating.Good ? verdict : SecondLook(verdict, accepted, given, cardText);
    }

    private static AnswerVerdict SecondLook(AnswerVerdict verdict, IReadOnlyList<string> accepted, string given, string? cardText)
    {
        if (AnswerParts.Derive(accepted) is { Count: > 0 } derived)
        {
            var parts = GradeByRules([.. accepted, .. derived], given, cardText);
            if (parts.Rating > verdict.Rating)
            {
                verdict = parts.Rating == Rating.Good
                    ? parts with { Note = Accepted("parts of the card's accepted answers exchanged", accepted[0]), Rule = $"{AnswerParts.Rule}+{parts.Rule}" }
                    : parts with { Rule = $"{AnswerParts.Rule}+{parts.Rule}" };
            }
        }
        if (verdict.Rating == Rating.Again && verdict.Rule is Rules.Wrong or Rules.OtherWord or Rules.OtherName && NameSlips.IsSlip(accepted, given, cardText))
        {
            return new AnswerVerdict(Rating.Hard, $"Hard because of the spelling of a name: expected {accepted[0]}") { Rule = NameSlips.Rule };
        }
        // Never "missing X" when X is in the answer: the items were there, not told apart.
        if (verdict.Rule == Rules.ListMissing && MissingItem().Match(verdict.Note ?? "") is { Success: true } missing
            && $" {string.Join(' ', AnswerText.Read(given).Whole)} ".Contains($" {missing.Groups["item"].Value} ", StringComparison.Ordinal))
        {
            return verdict with { Note = $"the list's items are not told apart; expected: {accepted[0]}" };
        }
        return verdict;
    }

    private static AnswerVerdict GradeByRules(IReadOnlyList<string> accepted, string given, string? cardText)
    {
        if (accepted.Count == 0)
        {
            throw new ArgumentException("There are no accepted answers to compare a typed answer with.", nameof(accepted));
        }
        var shown = accepted[0];
        var variants = accepted.Select(a => (Text: a, Read: AnswerText.Read(a))).Where(v => !v.Read.IsEmpty).ToList();
        var verdict = GradeForms(variants, shown, given, cardText);
        // "non-armed" where the card accepts "unarmed": the card's own prefix of denial, another way: Hard.
        if (verdict.Rule == Rules.Negation && RestatedForms.Privative(given, accepted) is { } privative
            && GradeForms(variants, shown, privative, cardText) is { Rating: not Rating.Again } read)
        {
            return new AnswerVerdict(Rating.Hard, $"Hard: {RestatedForms.Describe(RestatedForms.PrivativeRule)}; expected {shown}") { Rule = $"{RestatedForms.PrivativeRule}+{read.Rule}" };
        }
        if (verdict.Rating == Rating.Good || verdict.Rule is Rules.Empty or Rules.Negation)
        {
            return verdict;
        }
        // "cut the North off" for "cut North Korea off": Good where the card itself calls it "the North", else Hard.
        foreach (var (swapped, referent, place) in ReferentForms(given, accepted))
        {
            var inner = GradeForms(variants, shown, swapped, cardText);
            if (inner.Rating == Rating.Again)
            {
                continue;
            }
            var cardSays = cardText is not null && Regex.IsMatch(cardText, $@"\b[Tt]he {Regex.Escape(referent)}\b");
            var candidate = inner.Rating == Rating.Good && cardSays
                ? new AnswerVerdict(Rating.Good, Accepted($"\"the {referent}\" for {place}, as the card says", shown)) { Rule = Rules.Referent }
                : new AnswerVerdict(Rating.Hard, $"Hard: \"the {referent}\" stands for {place} here, but the card's answer is {shown}") { Rule = Rules.Referent };
            if (candidate.Rating > verdict.Rating)
            {
                return candidate;
            }
        }
        if (verdict.Rating != Rating.Again)
        {
            return verdict;
        }
        // "Peking" for Beijing, "the Americans" for the United States, "rein in Kim" for "rein in Pyongyang": Hard at best.
        foreach (var (form, rule, said, meant) in StandIns.Of(given))
        {
            // Alone, only a stand-in for the answer itself: one on top of another ("Kim" for North Korea, North Korea for
            // its capital) is too far from a one-name answer; inside a phrase ("pressure Putin") the phrase carries it.
            var inner = GradeForms(variants, shown, form, cardText);
            var alone = string.Equals(given.Trim(), said, StringComparison.OrdinalIgnoreCase);
            if (inner.Rating == Rating.Good || (inner.Rating == Rating.Hard && !alone))
            {
                return new AnswerVerdict(Rating.Hard, $"Hard: \"{said}\" stands for {meant} here, but the card's answer is {shown}") { Rule = $"{rule}+{inner.Rule}" };
            }
        }
        // Inside a phrase, a word that sounds like the card's word ("reign in" for "rein in") is a spelling slip: Hard at best.
        foreach (var (swapped, written, meant) in HomophoneForms(given, accepted))
        {
            if (GradeForms(variants, shown, swapped, cardText).Rating != Rating.Again)
            {
                return new AnswerVerdict(Rating.Hard, $"Hard because of the spelling: \"{written}\" sounds like \"{meant}\" but is another word; expected {shown}") { Rule = Rules.Homophone };
            }
        }
        // "the Yangtze River", "remain in place", "rare earths from China": the answer with words that restate or narrow it: Hard.
        foreach (var (form, rule) in RestatedForms.Of(given, accepted, cardText))
        {
            if (GradeForms(variants, shown, form, cardText) is { Rating: not Rating.Again } restated)
            {
                return new AnswerVerdict(Rating.Hard, $"Hard: {RestatedForms.Describe(rule)}; expected {shown}") { Rule = $"{rule}+{restated.Rule}" };
            }
        }
        return verdict;
    }

    private static AnswerVerdict GradeForms(List<(string Text, AnswerText Read)> variants, string shown, string given, string? cardText)
    {
        var asTyped = GradeOne(variants, shown, given, given);
        // A negated answer stays negated whatever is read past around it ("not Chinese President Xi").
        if (asTyped.Rating == Rating.Good || asTyped.Rule == Rules.Negation || AnswerText.Read(given).IsEmpty)
        {
            return asTyped;
        }
        // The answer without words a teacher reads past: the best of these wins, the answer as typed a tie.
        var best = asTyped;
        foreach (var (form, rule) in Forms(given, variants, cardText))
        {
            var verdict = GradeOne(variants, shown, form, given);
            if (verdict.Rating > best.Rating)
            {
                var decided = verdict.Rule ?? Rules.Exact;
                best = verdict.Rating == Rating.Good
                    ? verdict with { Note = Accepted(RuleText(rule, decided), shown), Rule = decided == Rules.Exact ? rule : $"{rule}+{decided}" }
                    : verdict with { Rule = $"{rule}+{decided}" };
            }
        }
        return best;
    }

    /// <summary>The answer with filler, a title or "more than" taken away, each with the rule's name.</summary>
    private static IEnumerable<(string Form, string Rule)> Forms(string given, List<(string Text, AnswerText Read)> variants, string? cardText)
    {
        var unfilled = AnswerForms.WithoutFiller(given);
        if (unfilled is not null)
        {
            yield return (unfilled, AnswerForms.FillerRule);
        }
        var core = unfilled ?? given;
        // Issue 21 hook: contractions, a thousands point, brackets, a government for its country, the card's words, lists (FairForms).
        foreach (var fair in FairForms.Of(core, variants.Select(v => v.Text).ToList(), cardText))
        {
            yield return (fair.Form, unfilled is null ? fair.Rule : $"{AnswerForms.FillerRule}+{fair.Rule}");
        }
        // "Japanese President Xi" on a card about the Chinese leader: the people named before the title are other people.
        if (AnswerForms.WithoutTitle(core) is { } untitled
            && !(cardText is not null && AnswerText.Read(core[..^untitled.Length]).Whole is var titleWords
                && titleWords.Any(w => Capitals.IsForeignTo(w, AnswerText.Read(cardText).Whole.ToHashSet(StringComparer.Ordinal)))))
        {
            yield return (untitled, unfilled is null ? AnswerForms.TitleRule : $"{AnswerForms.FillerRule}+{AnswerForms.TitleRule}");
        }
        if (AnswerForms.WithoutTitles(core) is { } untitledInside)
        {
            yield return (untitledInside, AnswerForms.TitlesRule);
        }
        // "as fast as it possibly can": a word that only stresses the answer.
        if (AnswerForms.WithoutIntensifiers(core, variants.Select(v => v.Text)) is { } plain)
        {
            yield return (plain, unfilled is null ? Rules.Intensifier : $"{AnswerForms.FillerRule}+{Rules.Intensifier}");
        }
        // "NATO" for the North Atlantic Treaty Organization; never the other way: words with the initials of "ASAP" need not mean it.
        foreach (var (text, _) in variants)
        {
            if (AnswerForms.IsAcronymOf(core, text) || IsListInitialism(core, variants))
            {
                yield return (text, Rules.Acronym);
            }
        }
        // "unification led by Seoul" is "Seoul-led unification".
        if (ByPhrase().Match(core) is { Success: true } by)
        {
            yield return ($"{by.Groups["by"].Value}-{by.Groups["verb"].Value} {by.Groups["what"].Value}", Rules.ByPhrase);
        }
        if (cardText is not null && MoreThan().Match(core) is { Success: true } more)
        {
            var rest = core[more.Length..];
            var number = AnswerText.Read(rest).Whole;
            if (number.Count > 0 && NumberWords.IsNumber(number[0]) && CardSaysMoreThan(cardText, number[0], variants))
            {
                yield return (rest, Rules.MoreThan);
            }
        }
    }

    /// <summary>
    /// "CBN" or "BNC" for "nuclear, biological and chemical": initials in capitals, one for each item of a list the card
    /// accepts in any order, in any order themselves.
    /// </summary>
    private static bool IsListInitialism(string core, List<(string Text, AnswerText Read)> variants)
    {
        var letters = core.Trim().Replace(".", "", StringComparison.Ordinal);
        if (letters.Length is < 2 or > 6 || !letters.All(char.IsAsciiLetterUpper))
        {
            return false;
        }
        var given = letters.ToLowerInvariant().Order().ToArray();
        return variants.Any(v => v.Read.Items.Count == letters.Length
            && v.Read.Items.Select(item => item[0][0]).Order().SequenceEqual(given));
    }

    /// <summary>
    /// The answer of two words or more with one word put back as the card writes it, where the two sound the same
    /// ("reign" and "rein", from <see cref="Homophones"/>) and the card's word is a common word written in lower case
    /// in one of its answers, never part of a name ("the Grate Lakes" is not the Great Lakes) nor a number, unit,
    /// direction or prefix of another meaning.
    /// </summary>
    private static IEnumerable<(string Form, string Written, string Meant)> HomophoneForms(string given, IReadOnlyList<string> accepted)
    {
        var words = Word().Matches(given);
        if (words.Count < 2)
        {
            yield break;
        }
        var lowerCase = accepted.SelectMany(a => Word().Matches(a)).Select(m => m.Value)
            .Where(w => char.IsLower(w[0])).ToHashSet(StringComparer.Ordinal);
        foreach (System.Text.RegularExpressions.Match word in words)
        {
            var written = word.Value.ToLowerInvariant();
            foreach (var meant in lowerCase.Where(w => Homophones.Are(written, w) && !Contradict(written, w) && !AnswerText.Read(w).Whole.Any(NumberWords.IsNumber)))
            {
                yield return (string.Concat(given.AsSpan(0, word.Index), meant, given.AsSpan(word.Index + word.Length)), word.Value, meant);
            }
        }
    }

    /// <summary>
    /// The answer with "the North" (or South, East, West) put back as the place an accepted answer names with that
    /// compass word before a country ("North Korea", "South Sudan", "East Germany"), each with the word and the place.
    /// </summary>
    private static IEnumerable<(string Form, string Referent, string Place)> ReferentForms(string given, IReadOnlyList<string> accepted)
    {
        var places = accepted.SelectMany(a => CompassPlace().Matches(a))
            .Where(m => _countries.Contains(AnswerNormalizer.Normalize(m.Value))
                || (_countries.Contains(AnswerNormalizer.Normalize(m.Groups["name"].Value)) && !_continents.Contains(AnswerNormalizer.Normalize(m.Groups["name"].Value))))
            .Select(m => (Compass: m.Groups["compass"].Value, Place: m.Value))
            .Distinct()
            .ToList();
        foreach (System.Text.RegularExpressions.Match the in TheCompass().Matches(given))
        {
            var compass = the.Groups["compass"].Value;
            foreach (var (_, place) in places.Where(p => string.Equals(p.Compass, compass, StringComparison.OrdinalIgnoreCase)))
            {
                var referent = char.ToUpperInvariant(compass[0]) + compass[1..].ToLowerInvariant();
                yield return (string.Concat(given.AsSpan(0, the.Index), place, given.AsSpan(the.Index + the.Length)), referent, place);
            }
        }
    }

    /// <summary>The card's own sentence says "more than" (or "over") right before the blank or before this number.</summary>
    private static bool CardSaysMoreThan(string cardText, string number, List<(string Text, AnswerText Read)> variants)
    {
        if (!variants.Any(v => v.Read.Whole.Count > 0 && v.Read.Whole[0] == number))
        {
            return false;
        }
        foreach (System.Text.RegularExpressions.Match m in CardMoreThan().Matches(cardText))
        {
            var after = m.Groups["after"].Value;
            if (after.StartsWith('[') || after.StartsWith('_') || AnswerText.Read(after).Whole.FirstOrDefault() == number)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The answer graded as read; a unit, month or decade word that was read past its misspelling ("2 decads", "the
    /// seventys") makes a Good answer Hard: the slip still counts, after every other rule.
    /// </summary>
    private static AnswerVerdict GradeOne(List<(string Text, AnswerText Read)> variants, string shown, string given, string typed)
    {
        var verdict = GradeAsRead(variants, shown, given, typed);
        return verdict.Rating == Rating.Good && AnswerText.Read(given).Applied.Contains(ShortForms.SlipRule)
            ? new AnswerVerdict(Rating.Hard, HardNote(Rules.Typo, shown)) { Rule = verdict.Rule is null or Rules.Exact or Rules.Typo ? Rules.Typo : $"{verdict.Rule}+{Rules.Typo}" }
            : verdict;
    }

    private static AnswerVerdict GradeAsRead(List<(string Text, AnswerText Read)> variants, string shown, string given, string typed)
    {
        var answer = AnswerText.Read(given);
        if (answer.IsEmpty)
        {
            return new AnswerVerdict(Rating.Again, $"no answer given; expected: {shown}") { Rule = Rules.Empty };
        }
        if (variants.FirstOrDefault(v => v.Read.Whole.SequenceEqual(answer.Whole)) is { Text: not null } same)
        {
            var rule = answer.Applied.Except(same.Read.Applied).FirstOrDefault()
                ?? (AnswerNormalizer.Normalize(given) != AnswerNormalizer.Normalize(same.Text) ? answer.Applied.FirstOrDefault() : null);
            if (rule is null)
            {
                return new AnswerVerdict(Rating.Good, null) { Rule = AliasUsed(answer, given, same.Text) ? Rules.Alias : Rules.Exact };
            }
            return new AnswerVerdict(Rating.Good, Accepted(RuleText(rule, rule), shown)) { Rule = rule };
        }
        // "didnt", "can't", "won't" deny as "not" does: a denial is refused only where no accepted answer denies the same way.
        if (answer.Negations.FirstOrDefault(n => !variants.Any(v => v.Read.Negations.Any(e => AnswerText.SameDenial(e, n)))) is { } negation)
        {
            return new AnswerVerdict(Rating.Again, $"a negated answer (\"{negation}\") does not count: say what it is, not what it is not; expected: {shown}") { Rule = Rules.Negation };
        }
        if (answer.HasOr && !variants.Any(v => v.Read.HasOr))
        {
            return new AnswerVerdict(Rating.Again, $"one answer only: \"{typed.Trim()}\" offers alternatives; expected: {shown}") { Rule = Rules.Alternatives };
        }

        AnswerVerdict? best = null;
        AnswerVerdict? missing = null;
        var otherWord = false;
        var negated = answer.Negations.Any();
        foreach (var (text, expected) in variants)
        {
            // "not resents being blamed" is no slip of "does not like being blamed": a denial matches only a denial.
            if (negated != expected.Negations.Any())
            {
                continue;
            }
            var verdict = expected.Items.Count > 1 ? GradeList(shown, expected, answer) : GradeSingle(shown, expected, answer);
            if (verdict?.Rule is Rules.Qualified or Rules.Modifier && ContradictsAFullerAnswer(answer.Items[0], expected.Items[0], variants))
            {
                // "65 months" where "65" and "65 years" are accepted: the added words change the answer, they do not qualify it.
                verdict = null;
                otherWord = true;
            }
            if ((verdict?.Rule == Rules.Modifier && ReplacesAnotherAnswersWords(answer.Items[0], expected.Items[0], variants))
                || (verdict?.Rule == Rules.Qualified && ReplacesAWordInside(answer.Items[0], expected.Items[0], variants)))
            {
                // "the Chinese alliance" where "the U.S. alliance" is accepted: the added word takes another answer's place.
                verdict = null;
                otherWord = true;
            }
            if (verdict?.Rule == Rules.Modifier && AddsToAName(answer.Items[0], expected.Items[0], text, typed))
            {
                // "equatorial guinea" for "Guinea": written in lower case, a word put before a name may be part of another name.
                verdict = null;
            }
            missing ??= verdict?.Rule == Rules.ListMissing ? verdict : null;
            otherWord |= verdict?.Rule is Rules.OtherWord or Rules.OtherName;
            if (verdict is not null && verdict.Rating != Rating.Again
                && (best is null || verdict.Rating > best.Rating || (verdict.Rating == best.Rating && verdict.Note is null && best.Note is not null)))
            {
                best = verdict;
            }
        }
        // A slip found only against a variant whose words do not line up ("Kim Jong Ik" against "Kim Jongil") does
        // not stand when a variant that lines up shows another word or name ("Ik" for "Il").
        if (best is not null && !(otherWord && best.Rule == Rules.Typo))
        {
            return best;
        }
        if (answer.Items.Count > 1 && variants.All(v => v.Read.Items.Count == 1)
            && answer.Items.Any(item => variants.Any(v => MatchItem(item, v.Read.Items[0], answer.Capitalized).Match != Match.None)))
        {
            return new AnswerVerdict(Rating.Again, $"one answer only: \"{typed.Trim()}\" names more than one; expected: {shown}") { Rule = Rules.MoreThanOne };
        }
        if (missing is not null)
        {
            return missing;
        }
        return otherWord
            ? new AnswerVerdict(Rating.Again, $"another word, not a spelling slip; expected: {shown}") { Rule = Rules.OtherWord }
            : new AnswerVerdict(Rating.Again, $"expected: {shown}") { Rule = Rules.Wrong };
    }

    private static AnswerVerdict? GradeSingle(string shown, AnswerText expected, AnswerText answer)
    {
        if (answer.Items.Count != 1)
        {
            return null;
        }
        var match = MatchItem(answer.Items[0], expected.Items[0], answer.Capitalized);
        return match.Match switch
        {
            Match.Exact => new AnswerVerdict(Rating.Good, null) { Rule = match.Rule },
            Match.Form => new AnswerVerdict(Rating.Good, Accepted(RuleText(match.Rule, match.Rule), shown)) { Rule = match.Rule },
            Match.Qualified => new AnswerVerdict(Rating.Good, $"expected form: {shown}") { Rule = match.Rule },
            Match.Ending => new AnswerVerdict(Rating.Hard, HardNote(match.Rule, shown)) { Rule = match.Rule },
            Match.Typo => new AnswerVerdict(Rating.Hard, HardNote(match.Rule, shown)) { Rule = match.Rule },
            Match.Capital => new AnswerVerdict(Rating.Hard, $"Hard: a capital stands for its country's government, but the card's answer is {shown}") { Rule = match.Rule },
            _ => new AnswerVerdict(Rating.Again, $"expected: {shown}") { Rule = match.Rule },
        };
    }

    /// <summary>A list is right in any order; one item missing (and nothing wrong added) is Hard.</summary>
    private static AnswerVerdict? GradeList(string shown, AnswerText expected, AnswerText answer)
    {
        var unmatched = expected.Items.Select((item, index) => index).ToList();
        var slips = 0;
        string? slipRule = null;
        var extras = 0;
        foreach (var item in answer.Items)
        {
            var found = unmatched
                .Select(index => (Index: index, Item: MatchItem(item, expected.Items[index], answer.Capitalized)))
                .Where(m => m.Item.Match != Match.None)
                .OrderByDescending(m => m.Item.Match)
                .FirstOrDefault();
            if (found.Item.Match == Match.None)
            {
                extras++;
                continue;
            }
            if (found.Item.Match < Match.Qualified)
            {
                slips++;
                slipRule = found.Item.Rule;
            }
            unmatched.Remove(found.Index);
        }
        if (extras > 0 || unmatched.Count > 1 || unmatched.Count == expected.Items.Count)
        {
            return null;
        }
        if (unmatched.Count == 1)
        {
            // The card asks for every item: an answer missing one has not answered it.
            return new AnswerVerdict(Rating.Again, $"missing {string.Join(' ', expected.Items[unmatched[0]])}; expected: {shown}") { Rule = Rules.ListMissing };
        }
        return slips > 0
            ? new AnswerVerdict(Rating.Hard, HardNote(slipRule!, shown)) { Rule = slipRule }
            : new AnswerVerdict(Rating.Good, null) { Rule = Rules.List };
    }

    private static ItemMatch MatchItem(IReadOnlyList<string> given, IReadOnlyList<string> expected, IReadOnlySet<string> capitalized)
    {
        if (given.SequenceEqual(expected))
        {
            return new(Match.Exact, Rules.Exact);
        }
        if (IsQualified(given, expected, capitalized))
        {
            return new(Match.Qualified, Rules.Qualified);
        }
        if (IsUnitLeftOut(given, expected))
        {
            return new(Match.Qualified, Rules.Unit);
        }
        if (IsModified(given, expected, capitalized))
        {
            return new(Match.Qualified, Rules.Modifier);
        }
        if (SameWords(given, expected) is { } form)
        {
            return form;
        }
        // "raise its prices" for "raise prices": words that only point or belong, left out of both.
        var givenContent = given.Where(w => !_functionWords.Contains(w)).ToList();
        var expectedContent = expected.Where(w => !_functionWords.Contains(w)).ToList();
        if (givenContent.Count > 0 && (givenContent.Count != given.Count || expectedContent.Count != expected.Count))
        {
            if (givenContent.SequenceEqual(expectedContent))
            {
                return new(Match.Form, Rules.Article);
            }
            if (SameWords(givenContent, expectedContent) is { Match: Match.Form or Match.Ending or Match.Capital } inner)
            {
                return new(inner.Match, $"{Rules.Article}+{inner.Rule}");
            }
        }
        // "cut North Korea off" for "cut off North Korea": the same words, a particle moved.
        if (givenContent.Count == expectedContent.Count && givenContent.Any(_particles.Contains)
            && givenContent.Where(w => !_particles.Contains(w)).SequenceEqual(expectedContent.Where(w => !_particles.Contains(w)))
            && givenContent.Where(_particles.Contains).Order(StringComparer.Ordinal).SequenceEqual(expectedContent.Where(_particles.Contains).Order(StringComparer.Ordinal)))
        {
            return new(Match.Form, Rules.Phrasal);
        }
        if (Capitals.StandForEachOther(given, expected))
        {
            return new(Match.Capital, Rules.Capital);
        }
        if (IsNameReordered(given, expected))
        {
            return new(Match.Typo, Rules.NameOrder);
        }
        // "China's" for "Chinese" says the same; "China" for "Chinese" (or the other way) is close, but another word.
        switch (Capitals.CountryFormOf(given, expected))
        {
            case Capitals.CountryForm.Possessive:
                return new(Match.Form, Rules.Nationality);
            case Capitals.CountryForm.Other:
                return new(Match.Ending, Rules.Nationality);
        }
        return MatchTypo(given, expected, capitalized);
    }

    /// <summary>The same words in another spelling, number or ending, or written as one word or two.</summary>
    private static ItemMatch? SameWords(IReadOnlyList<string> given, IReadOnlyList<string> expected)
    {
        if (given.Count == expected.Count)
        {
            string? rule = null;
            var ending = false;
            var clipped = false;
            var capital = false;
            for (var i = 0; i < given.Count; i++)
            {
                var (g, e) = (given[i], expected[i]);
                if (g == e)
                {
                    continue;
                }
                // Inside a longer answer too: "the theory that Beijing is responsible" (the capital for its country) is Hard,
                // "the American-South Korean alliance" (the adjective for the country's name) Hard, "Sino-" for "Chinese" the same.
                if (Capitals.StandForEachOther([g], [e]))
                {
                    capital = true;
                    continue;
                }
                switch (Capitals.CountryFormOf([g], [e]))
                {
                    case Capitals.CountryForm.Possessive:
                        rule ??= Rules.Nationality;
                        continue;
                    case Capitals.CountryForm.Other:
                        ending = true;
                        continue;
                }
                if (IsExactWord(g) || IsExactWord(e))
                {
                    return null;
                }
                if (WordForms.AreSpellingVariants(g, e))
                {
                    rule ??= Rules.Spelling;
                }
                else if (WordForms.AreSingularPlural(g, e))
                {
                    rule ??= Rules.Plural;
                }
                else if (WordForms.AreOtherEndings(g, e) && WordForms.IsWordOrFormOfOne(g))
                {
                    ending = true;
                }
                else if (WordForms.IsClipped(g, e))
                {
                    clipped = true;
                }
                else
                {
                    return null;
                }
            }
            if (capital)
            {
                return new(Match.Capital, Rules.Capital);
            }
            if (ending || clipped)
            {
                return new(Match.Ending, clipped ? Rules.Clipped : Rules.Ending);
            }
            return rule is null ? null : new(Match.Form, rule);
        }
        // "rust belt", "rust-belt", "rustbelt"; "north east" and "northeast". A name run together ("Kimjong Il") is a slip.
        if (string.Concat(given) != string.Concat(expected))
        {
            return null;
        }
        // Only the words joined or split count: "north-east Asian" is "Northeast Asian"; "Kimjong" joins a name's parts.
        var same = 0;
        while (same < given.Count && same < expected.Count && given[same] == expected[same])
        {
            same++;
        }
        var sameEnd = 0;
        while (sameEnd < given.Count - same && sameEnd < expected.Count - same && given[^(sameEnd + 1)] == expected[^(sameEnd + 1)])
        {
            sameEnd++;
        }
        var givenSplit = given.Skip(same).Take(given.Count - same - sameEnd).ToList();
        var expectedSplit = expected.Skip(same).Take(expected.Count - same - sameEnd).ToList();
        // The side written apart must be common words; the side written as one need not be a word of the list.
        return (givenSplit.Count < 2 || givenSplit.All(EnglishWords.IsCommon)) && (expectedSplit.Count < 2 || expectedSplit.All(EnglishWords.IsCommon))
            ? new(Match.Form, Rules.Compound)
            : new(Match.Typo, Rules.Typo);
    }

    private static ItemMatch MatchTypo(IReadOnlyList<string> given, IReadOnlyList<string> expected, IReadOnlySet<string> capitalized)
    {
        var inName = false;
        // A different number (or country) is a different answer, never a typo; a slip inside a country's name ("United
        // Sates") is read against the name spelled out, where the answer names no other country or place.
        if (!given.Where(IsExactWord).SequenceEqual(expected.Where(IsExactWord)))
        {
            var spelled = Aliases.SpellOut(expected);
            if (given.Any(w => Aliases.IsCanonical(w) || _places.Contains(w)) || !given.Where(IsExactWord).SequenceEqual(spelled.Where(IsExactWord)))
            {
                return ItemMatch.None;
            }
            expected = spelled;
            inName = true;
        }
        if (IsSmallWordLeftOut(given, expected))
        {
            return new(Match.Typo, Rules.DroppedWord);
        }
        var a = string.Join(' ', given);
        var b = string.Join(' ', expected);
        if (DamerauLevenshtein.Distance(a, b) > TypoTolerance.AllowedEdits(b.Length))
        {
            return ItemMatch.None;
        }
        // "north-western" for "northeastern": another direction however the words are joined.
        if (WordForms.NameOtherCompassPoints(string.Concat(given), string.Concat(expected)))
        {
            return new(Match.None, Rules.OtherWord);
        }
        if (given.Count == expected.Count)
        {
            // Word by word: a slip in a long word is a typo; a real word for another real word ("illegal" for
            // "legal", "western" for "eastern") is another answer; so is a changed short word ("Un" for "Il").
            foreach (var (g, e) in given.Zip(expected))
            {
                if (g == e)
                {
                    continue;
                }
                if (IsAnotherWord(g, e) && !IsSlipInPhrase(g, e, given, expected, inName || capitalized.Contains(g))
                    && !IsSlipInLongPhrase(g, e, given, expected, inName))
                {
                    return new(Match.None, Rules.OtherWord);
                }
                if (!IsWordSlip(g, e))
                {
                    return new(Match.None, EnglishWords.IsCommon(e) ? Rules.OtherWord : Rules.OtherName);
                }
            }
            return new(Match.Typo, Rules.Typo);
        }
        // Words run together or split apart with a slip: no real word of the answer may stand in for another.
        if (IsAnotherWord(string.Concat(given), string.Concat(expected))
            || given.Any(g => !expected.Contains(g) && EnglishWords.IsCommon(g) && expected.Any(e => EnglishWords.IsCommon(e) && DamerauLevenshtein.Distance(g, e) <= 2)))
        {
            return new(Match.None, Rules.OtherWord);
        }
        return new(Match.Typo, Rules.Typo);
    }

    /// <summary>
    /// "most to loose" for "most to lose", "United Sates", "cut of" for "cut off": in a phrase whose other words are the
    /// card's, one word with a letter added or dropped (not its first) that spells another English word is a slip, not
    /// another answer, unless the two are told apart by meaning the rules know: a prefix, a negation, a number, a unit,
    /// a direction, a name or a place.
    /// </summary>
    private static bool IsSlipInPhrase(string g, string e, IReadOnlyList<string> given, IReadOnlyList<string> expected, bool inName)
    {
        if (given.Count < 2 || given.Count != expected.Count || given.Zip(expected).Count(p => p.First != p.Second) != 1
            || Math.Abs(g.Length - e.Length) != 1 || Math.Min(g.Length, e.Length) < 2 || e.Length < 3 || g[0] != e[0]
            || DamerauLevenshtein.Distance(g, e) != 1 || WordForms.HaveOtherPrefixes(g, e)
            // A letter doubled or undoubled ("loose", "of" for "off"), or any letter inside a name ("United Sates"):
            // another letter dropped from a common word may make another answer ("county" for "country").
            || !(inName || IsDoubledOrUndoubled(g, e)))
        {
            return false;
        }
        return new[] { g, e }.All(w => !AnswerText.IsNegation(w) && !NumberWords.IsNumber(w) && !WordForms.IsDirection(w)
            && !WordForms.UnitWords.Contains(w) && !_places.Contains(w) && !Aliases.IsCanonical(w)
            && !_contrasts.Contains(w) && !Capitals.IsDemonym(w))
            && !(EnglishWords.IsProperName(e) && !EnglishWords.IsCommon(e));
    }

    /// <summary>
    /// "the most to loss" for "the most to lose", "a country of there own", "the Unites States": in a phrase of three words
    /// or more (articles not counted), or inside a country's name, one word within its spelling allowance that happens to
    /// spell another English word is a slip, Hard, unless the two words differ in a way that changes the meaning
    /// (<see cref="ChangesMeaning"/>): a prefix, a negation, a number, a unit, a direction, a place, country or person,
    /// a word of contrast, a particle for another, or a pair WordNet calls antonyms.
    /// </summary>
    private static bool IsSlipInLongPhrase(string g, string e, IReadOnlyList<string> given, IReadOnlyList<string> expected, bool inCountryName)
    {
        if (given.Count != expected.Count || given.Zip(expected).Count(p => p.First != p.Second) != 1
            || !(inCountryName || given.Count(w => !_articles.Contains(w)) >= 3))
        {
            return false;
        }
        // A short word only with a letter added or dropped ("too" for "to"), a longer one within its allowance.
        var slip = e.Length < 4 ? DamerauLevenshtein.Distance(g, e) == 1 && g.Length != e.Length && g.Length >= 2 : IsWordSlip(g, e);
        // A word that sounds like the card's is the homophone rule's to name; two letters swapped in a name, the name rule's.
        return slip && !ChangesMeaning(g, e) && !Homophones.Are(g, e)
            && !(inCountryName && g.Length == e.Length && g.Order().SequenceEqual(e.Order()));
    }

    /// <summary>Two words that say different things however close their letters: see <see cref="IsSlipInLongPhrase"/>.</summary>
    internal static bool ChangesMeaning(string g, string e)
        // Another first letter makes another word ("evasion" for "invasion", "gold" for "cold"); a slip keeps the start.
        => g[0] != e[0] || WordForms.HaveOtherPrefixes(g, e) || Contradict(g, e)
            || new[] { g, e }.Any(w => AnswerText.IsNegation(w) || NumberWords.IsNumber(w) || WordForms.IsDirection(w)
                || WordForms.UnitWords.Contains(w) || _places.Contains(w) || Aliases.IsCanonical(w) || _contrasts.Contains(w)
                || Capitals.IsDemonym(w) || (EnglishWords.IsProperName(w) && !EnglishWords.IsCommon(w)))
            || (_particles.Contains(g) && _particles.Contains(e)) || (_linkingWords.Contains(g) && _linkingWords.Contains(e))
            || Synonyms.AreAntonyms(g, e);

    private static readonly HashSet<string> _articles = new(StringComparer.Ordinal) { "the", "a", "an" };

    /// <summary>The longer word is the shorter with one of its letters written twice ("loose"/"lose", "forrest"/"forest").</summary>
    private static bool IsDoubledOrUndoubled(string a, string b)
    {
        var (shorter, longer) = a.Length < b.Length ? (a, b) : (b, a);
        for (var i = 1; i < longer.Length; i++)
        {
            if (longer[i] == longer[i - 1] && string.Concat(longer.AsSpan(0, i), longer.AsSpan(i + 1)) == shorter)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// "Jinping Xi" for "Xi Jinping", "Jong Un Kim": a person's name of two or three parts in another order (family name
    /// first or last), Hard. Only names: no part is a common English word, a place, a country, a number or a direction.
    /// </summary>
    private static bool IsNameReordered(IReadOnlyList<string> given, IReadOnlyList<string> expected)
        => expected.Count is 2 or 3 && given.Count == expected.Count && !given.SequenceEqual(expected)
            && given.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal), StringComparer.Ordinal)
            && expected.Any(w => w.Length > 2)
            && expected.All(w => w.Length > 1 && (w.Length <= 2 || !EnglishWords.IsCommon(w)) && !_places.Contains(w) && !Aliases.IsCanonical(w)
                && !NumberWords.IsNumber(w) && !WordForms.IsDirection(w) && !Capitals.IsDemonym(w));

    /// <summary>"skin the game" for "skin in the game": a phrase with one small linking word (a preposition) left out.</summary>
    private static bool IsSmallWordLeftOut(IReadOnlyList<string> given, IReadOnlyList<string> expected)
        => given.Count >= 2 && expected.Count == given.Count + 1
            && Enumerable.Range(0, expected.Count).Any(i => _linkingWords.Contains(expected[i])
                && expected.Take(i).Concat(expected.Skip(i + 1)).SequenceEqual(given));

    /// <summary>
    /// Both are English words, and not one word in two spellings: "illegal" is not a slip of "legal", "Iraq" not
    /// of "Iran". A name misspelled into a common word ("Marshal Plan", "the Nil") or with a letter doubled or
    /// undoubled ("Currie" for "Curie") is still a slip of the name.
    /// </summary>
    private static bool IsAnotherWord(string given, string expected)
        => given != expected && (WordForms.HaveOtherPrefixes(given, expected) || IsListedPair(given, expected));

    private static bool IsListedPair(string given, string expected)
        => EnglishWords.Contains(given) && EnglishWords.Contains(expected)
            && !WordForms.AreSpellingVariants(given, expected) && !WordForms.AreSingularPlural(given, expected)
            && !(EnglishWords.IsProperName(expected) && (EnglishWords.IsCommon(given) || IsLetterAddedOrDropped(given, expected)));

    /// <summary>One word is the other with one letter more: "currie"/"curie", "bismark"/"bismarck" (not "iraq"/"iran").</summary>
    private static bool IsLetterAddedOrDropped(string a, string b)
        => Math.Abs(a.Length - b.Length) == 1 && Math.Min(a.Length, b.Length) >= 4 && DamerauLevenshtein.Distance(a, b) == 1;

    /// <summary>A word within its typo budget, or a short word with one letter added or dropped ("Ill" for "Il", not "Un").</summary>
    private static bool IsWordSlip(string given, string expected)
    {
        var distance = DamerauLevenshtein.Distance(given, expected);
        return distance <= TypoTolerance.AllowedEdits(expected.Length) || (distance == 1 && given.Length != expected.Length);
    }

    /// <summary>
    /// "28,500 troops" for "28,500", "September 2017" for "September": the answer, then a few words that only
    /// qualify it: common English words written in lower case, never a name ("Lincoln Chafee" is not "Lincoln"), a place or a number.
    /// </summary>
    private static bool IsQualified(IReadOnlyList<string> given, IReadOnlyList<string> expected, IReadOnlySet<string> capitalized)
    {
        if (given.Count <= expected.Count || given.Count - expected.Count > MaxQualifierWords || !StartsWith(given, expected))
        {
            return false;
        }
        var extra = given.Skip(expected.Count).ToList();
        var expectedHasNumber = expected.Any(NumberWords.IsNumber);
        return !extra.Any(w => _contrasts.Contains(w) || AnswerText.IsNegation(w) || Aliases.IsCanonical(w) || _places.Contains(w)
            || (expectedHasNumber && NumberWords.IsNumber(w))
            || (!NumberWords.IsNumber(w) && !EnglishWords.IsCommon(w)) || RomanNumeral().IsMatch(w)
            // A capitalised word after a name is part of another name: "Singapore Sling", "Washington Irving".
            || capitalized.Contains(w));
    }

    /// <summary>
    /// The words added to <paramref name="expected"/> put another word where a fuller accepted answer with the same
    /// words has its own: another unit ("65 months" against "65 years", "decay for 30 minutes" against "decay for 30
    /// years"), another number ("decay for 40 years"), another direction ("retrench westward" against "retrench
    /// eastward") or the word with another prefix ("legal" against "illegal"). Every accepted answer that holds the
    /// matched answer's words in order counts, wherever the added words stand.
    /// </summary>
    private static bool ContradictsAFullerAnswer(IReadOnlyList<string> given, IReadOnlyList<string> expected, List<(string Text, AnswerText Read)> variants)
    {
        var added = Added(given, expected);
        if (added is null || added.Count == 0)
        {
            return false;
        }
        foreach (var fuller in variants.SelectMany(v => v.Read.Items).Where(item => item.Count > expected.Count))
        {
            if (Added(fuller, expected) is not { Count: > 0 } own)
            {
                continue;
            }
            var givenOnly = added.Where(w => !own.Contains(w)).ToList();
            var fullerOnly = own.Where(w => !added.Contains(w)).ToList();
            if (givenOnly.Any(a => fullerOnly.Any(f => Contradict(a, f))))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Two words that cannot both be right in one place: other numbers, units, directions, prefixes of one stem.</summary>
    private static bool Contradict(string a, string b)
        => a != b && ((NumberWords.IsNumber(a) && NumberWords.IsNumber(b))
            || WordForms.AreOtherUnits(a, b) || WordForms.AreOtherDirections(a, b) || WordForms.HaveOtherPrefixes(a, b));

    /// <summary>The words of <paramref name="words"/> left when <paramref name="part"/>'s words are matched in order; null when they are not all there.</summary>
    private static List<string>? Added(IReadOnlyList<string> words, IReadOnlyList<string> part)
    {
        var added = new List<string>();
        var j = 0;
        foreach (var word in words)
        {
            if (j < part.Count && word == part[j])
            {
                j++;
            }
            else
            {
                added.Add(word);
            }
        }
        return j == part.Count ? added : null;
    }

    /// <summary>
    /// "international arms smugglers" for "arms smugglers", "the Korean peninsula" for "the peninsula": the answer's words
    /// in order with one or two words describing them put in before its last word, which stays last. An added word is a
    /// common word (a capitalised one only before a lower-case word, as "Korean" in "Korean peninsula", never inside a
    /// name), never a number, a place, a country's name or a word of contrast.
    /// </summary>
    private static bool IsModified(IReadOnlyList<string> given, IReadOnlyList<string> expected, IReadOnlySet<string> capitalized)
    {
        var added = given.Count - expected.Count;
        if (added is < 1 or > 2 || expected.Count == 0 || given[^1] != expected[^1] || NumberWords.IsNumber(expected[^1]))
        {
            return false;
        }
        var extra = new List<int>();
        var j = 0;
        for (var i = 0; i < given.Count; i++)
        {
            if (j < expected.Count && given[i] == expected[j])
            {
                j++;
            }
            else
            {
                extra.Add(i);
            }
        }
        if (j != expected.Count || extra.Count != added)
        {
            return false;
        }
        return extra.All(i =>
        {
            var w = given[i];
            var common = EnglishWords.IsCommon(w) || Capitals.IsDemonym(w);
            return common && !_contrasts.Contains(w) && !AnswerText.IsNegation(w) && !WordForms.IsDirection(w) && !_verbsOfBeing.Contains(w) && !_functionWords.Contains(w) && !NumberWords.IsNumber(w) && !Aliases.IsCanonical(w) && !_places.Contains(w)
                && !RomanNumeral().IsMatch(w)
                && (!capitalized.Contains(w) || (i + 1 < given.Count && !capitalized.Contains(given[i + 1]) && EnglishWords.IsCommon(given[i + 1])));
        });
    }

    /// <summary>
    /// "equatorial guinea" for "Guinea", "new south wales" for "South Wales": an answer written without any capital puts a
    /// word before a word the accepted answer writes as a name. Whether the word describes the place ("Imperial Japan" is
    /// written so) or makes another name of it cannot be told, and another name is another answer.
    /// </summary>
    private static bool AddsToAName(IReadOnlyList<string> given, IReadOnlyList<string> expected, string acceptedText, string typed)
    {
        if (typed.Any(char.IsUpper))
        {
            return false;
        }
        // A capital on the first word of a phrase in lower case ("Arms smugglers") is the writer's habit, not a name.
        var words = acceptedText.Split([' ', '\t', ',', ';', '-', '/'], StringSplitOptions.RemoveEmptyEntries);
        var names = words
            .Where((w, i) => char.IsUpper(w[0]) && (i > 0 || words.Length == 1 || char.IsUpper(words[1][0])))
            .Select(AnswerNormalizer.Normalize)
            .ToHashSet(StringComparer.Ordinal);
        for (int i = 0, j = 0; i < given.Count; i++)
        {
            if (j < expected.Count && given[i] == expected[j])
            {
                j++;
            }
            else if (j < expected.Count && names.Contains(expected[j]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// An accepted answer as long as <paramref name="given"/> differs from it only where words were added to
    /// <paramref name="expected"/>: "too little power" against "too much power", "northern-led" against "Seoul-led".
    /// </summary>
    private static bool ReplacesAnotherAnswersWords(IReadOnlyList<string> given, IReadOnlyList<string> expected, List<(string Text, AnswerText Read)> variants)
    {
        var added = new HashSet<int>();
        for (int i = 0, j = 0; i < given.Count; i++)
        {
            if (j < expected.Count && given[i] == expected[j])
            {
                j++;
            }
            else
            {
                added.Add(i);
            }
        }
        return variants.SelectMany(v => v.Read.Items).Any(item => item.Count == given.Count
            && Enumerable.Range(0, given.Count).Where(i => item[i] != given[i]).ToList() is { Count: > 0 } differ
            && differ.All(added.Contains));
    }

    /// <summary>
    /// An accepted answer as long as <paramref name="given"/> that holds <paramref name="expected"/> and differs from it
    /// only at added words, one of them a particle for another particle ("will remain off the peninsula" against "will
    /// remain on the peninsula", "moved down the river" against "moved up the river"). Another word in that place that
    /// contradicts nothing the rules know stays a qualifier ("resents getting blamed" against "resents being blamed").
    /// </summary>
    private static bool ReplacesAWordInside(IReadOnlyList<string> given, IReadOnlyList<string> expected, List<(string Text, AnswerText Read)> variants)
    {
        if (Added(given, expected) is null)
        {
            return false;
        }
        return variants.SelectMany(v => v.Read.Items).Any(item => item.Count == given.Count && Added(item, expected) is not null
            && Enumerable.Range(0, given.Count).Where(i => item[i] != given[i]).ToList() is { Count: > 0 } differ
            && differ.All(i => i >= expected.Count || item[i] != expected[i])
            && differ.Any(i => _particles.Contains(given[i]) && _particles.Contains(item[i])));
    }

    /// <summary>"5,000" for "5,000 miles", "20" for "two decades": the number without its unit.</summary>
    private static bool IsUnitLeftOut(IReadOnlyList<string> given, IReadOnlyList<string> expected)
    {
        if (given.Count >= expected.Count || expected.Count - given.Count > MaxUnitWords || !StartsWith(expected, given)
            || !NumberWords.IsNumber(given[^1]))
        {
            return false;
        }
        // "nine" is not "nine tenths": a fraction's denominator is part of the number, not its unit.
        return !expected.Skip(given.Count).Any(w => NumberWords.IsNumber(w) || IsFractionWord(w));
    }

    private static bool IsFractionWord(string word)
        => word is "half" or "halves" or "third" or "thirds" or "quarter" or "quarters"
            || (word.Length > 4 && (word.EndsWith("th", StringComparison.Ordinal) || word.EndsWith("ths", StringComparison.Ordinal)));

    private static bool IsExactWord(string word) => NumberWords.IsNumber(word) || Aliases.IsCanonical(word);

    /// <summary>The answer named a country by another of its names ("the U.S." for "the United States").</summary>
    private static bool AliasUsed(AnswerText answer, string given, string matched)
        => answer.Whole.Any(Aliases.IsCanonical) && AnswerNormalizer.Normalize(given) != AnswerNormalizer.Normalize(matched);

    /// <summary>What a Hard says, by the rule that found the slip.</summary>
    private static string HardNote(string rule, string shown) => rule switch
    {
        Rules.Clipped => $"Hard, a shortened word: expected {shown}",
        Rules.DroppedWord => $"Hard, a small word left out: expected {shown}",
        Rules.NameOrder => $"Hard, the name's parts in another order: expected {shown}",
        Rules.Capital => $"Hard: a capital stands for its country's government, but the card's answer is {shown}",
        _ when rule.Contains(Rules.Ending, StringComparison.Ordinal) || rule.Contains(Rules.Nationality, StringComparison.Ordinal) => $"Hard, another form of the word: expected {shown}",
        _ => $"Hard because of the spelling: expected {shown}",
    };

    private static string Accepted(string why, string shown) => $"accepted ({why}); the card's answer: {shown}";

    private static string RuleText(string rule, string detail) => rule switch
    {
        AnswerForms.FillerRule => detail == Rules.Exact ? "words around the answer left aside" : $"words around the answer left aside, {RuleText(detail, detail)}",
        AnswerForms.TitleRule or $"{AnswerForms.FillerRule}+{AnswerForms.TitleRule}" => "a title before the name",
        Rules.MoreThan => "\"more than\", as the card says",
        Rules.Spelling => "British/American spelling",
        Rules.Plural => "singular/plural",
        Rules.Compound => "written as one word, two or hyphenated",
        Rules.Phrasal => "the verb's particle in another place",
        Rules.Nationality => "the country's name for its adjective",
        ShortForms.AbbreviationRule => "a short form",
        ShortForms.DirectionRule => "a short form of a direction",
        ShortForms.DecadeRule => "the decade written another way",
        ShortForms.NumberRule => "the number written another way",
        Rules.Qualified or Rules.Unit => "the answer in another form",
        Rules.Modifier => "a word describing it added",
        Rules.ByPhrase => "\"led by X\" for \"X-led\"",
        Rules.Intensifier or $"{AnswerForms.FillerRule}+{Rules.Intensifier}" => "a word that only stresses it left aside",
        Rules.Acronym => "the initials for the name",
        AnswerText.AsPossibleRule => "\"as ... as it can\" for \"as ... as possible\"",
        AnswerForms.TitlesRule => "a title before the name",
        _ when rule.StartsWith(Rules.Article, StringComparison.Ordinal) => "an article or possessive added or left out",
        _ when FairForms.Describe(rule) is { } fair => fair, // Issue 21 hook
        _ => rule,
    };

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

    /// <summary>"Napoleon III", "Henry VIII": a numeral after a name makes another person.</summary>
    [GeneratedRegex(@"^[ivxl]+$")]
    private static partial Regex RomanNumeral();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\b(?<compass>North|South|East|West)\s+(?<name>[A-Z][\p{L}]+)")]
    private static partial Regex CompassPlace();

    [GeneratedRegex(@"\bthe\s+(?<compass>north|south|east|west)\b(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TheCompass();

    [GeneratedRegex(@"^missing (?<item>.+?); expected: ")]
    private static partial Regex MissingItem();

    [GeneratedRegex(@"^\s*(?<what>\S.*?)\s+(?<verb>led|backed|based|run|controlled|dominated|funded|sponsored|driven|owned|brokered|imposed)\s+by\s+(?<by>\S.*?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByPhrase();

    [GeneratedRegex(@"^\s*(?:more\s+than|over|above|upwards\s+of|in\s+excess\s+of|greater\s+than|>)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoreThan();

    [GeneratedRegex(@"(?:more\s+than|over|above|upwards\s+of|in\s+excess\s+of)\s+(?<after>\S+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CardMoreThan();
}
