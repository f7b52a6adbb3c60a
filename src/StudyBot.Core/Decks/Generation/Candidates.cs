using System.Text.RegularExpressions;
using StudyBot.Core.Decks.Formats;

namespace StudyBot.Core.Decks.Generation;

/// <summary>What a card asks: the generator prefers definitions and the argument's claims to names and numbers.</summary>
public enum CandidateKind
{
    Definition,
    Recommendation,
    Cause,
    KeyTerm,
    Claim,
    Person,
    Place,
    Number,
}

/// <summary>A card the generator could make from one sentence, with its score and the fact it asks.</summary>
internal sealed record Candidate(int Sentence, CandidateKind Kind, double Score, string Fact, NoteDraft Note);

/// <summary>
/// Makes the candidate cards of one sentence. Definitions ("is called", "known as", "refers to",
/// "which was a ...") become cloze cards on the term; recommendations ("should", "must", "needs
/// to") and causes and effects ("because", "so", "as a result", "leads to", "could create",
/// "allowing", a colon's explanation, "should X happen, Y") become basic cards whose answer is the
/// text's own span; key terms, people, places and the numbers that matter become cloze or mcq
/// cards, each blank checked by <see cref="Giveaways"/>.
/// </summary>
internal sealed partial class Candidates(TextModel model, Giveaways giveaways, IReadOnlyList<string> sentences)
{
    public const string Blank = "_____";

    [GeneratedRegex(@"\b(?:is|are|was|were)?\s*(?:called|known as|termed|named|referred to as)\s+(?!(?:for|on|upon|off|out|up|in|into|to|back|it|them|him|her|this|that|these|those|him|his|their|its|after)\b)(?:an?\s+|the\s+)?[""\u201C]?(?<term>[A-Za-z][\w-]*(?:\s[A-Za-z][\w-]*){0,3}?)[""\u201D]?(?=\s*(?:[,.;:()""\u201D]|\s(?:or|and|in|that|which|for|to|is|are|was|were|by)\b|$))")]
    private static partial Regex CalledTerm();

    [GeneratedRegex(@"\bdubbed\s+(?:\w+\s+){0,3}?(?:the\s+)?[""\u201C](?<term>[^""\u201D.,]{3,40})[.,]?[""\u201D]")]
    private static partial Regex DubbedTerm();

    [GeneratedRegex(@"^(?:An?\s+|The\s+)?(?<term>[A-Za-z][\w-]*(?:\s[a-z][\w-]*){0,2}?)(?:\s+\([^)]*\))?\s+(?:is|are)\s+(?:an?|the)\s+(?:[a-z-]+\s+){0,3}(?:cell|cells|layer|layers|process|structure|type|kind|form|group|term|protein|molecule|organ|tissue|set|system|study|theory|idea|belief|view|method|practice|state|condition|region|body|part|unit|measure|force|principle|period|branch|school|doctrine|policy|concept|pigment|membrane|compound|substance|organism|instrument|line|point|angle|path|quantity|name|word|activity|institution|relationship|right|power|ability|field|discipline|approach|argument|claim|position|tradition|text|collection|series)\b(?:\s+(?:that|which|who|of|in|with|used|responsible|located|found|where|by|for|between|made|composed|consisting))")]
    private static partial Regex CopularDefinition();

    [GeneratedRegex(@"\b(?:is|was|are|were)\s+(?<term>[a-z][\w-]*(?:\s[a-z][\w-]*){0,2})\s*[\u2014\u2013]\s*(?:an?|the)\s+[a-z]+")]
    private static partial Regex DashDefinition();
    /// <summary>"A plasma is a gaseous state of matter that ...", "The diaphysis is the tubular shaft that ...", "An atom is the smallest particle of an element": a generic subject defined by what follows, whatever its head noun.</summary>
    [GeneratedRegex(@"^(?:(?:An?|The)\s+(?<term>[a-z][\w-]*(?:\s[a-z][\w-]*){0,2}?)|(?<term>[A-Z][a-z-]+(?:\s[a-z][\w-]*){0,2}?))\s+(?:is|are)\s+(?:(?:an?|the)\s+(?!(?:example|instance|case|one|member|result|part|source|sign|reason|way)\b)(?:[\w-]+,?\s+){0,5}?(?:that|which|who|whose|of|in|with|used|where|by|for|made|composed|consisting|containing|between|within|found|located|formed|responsible|produced|surrounding|covering|lining)\b|(?:defined as|composed of|made up of|made of|described as)\s)")]
    private static partial Regex GenericDefinition();

    /// <summary>"The mass of an object is a measure of ...": the term is what the measure or property is of a kind of thing.</summary>
    [GeneratedRegex(@"^The\s+(?<term>[a-z][\w-]*(?:\s[a-z][\w-]*)?)\s+of\s+(?:an?|any)\s+[a-z]+\s+(?:is|are)\s+(?:an?|the)\s+[a-z]")]
    private static partial Regex PropertyDefinition();

    /// <summary>"The law of conservation of matter ... states that ...": a named law, principle or theory and what it states.</summary>
    [GeneratedRegex(@"^(?:The\s+|Dalton[\u2019']s\s+)?(?<term>(?:[a-z]+\s+){0,2}(?:law|principle|theory|rule|hypothesis|postulate)\s+of\s+[a-z][\w-]*(?:\s(?:of\s)?[a-z][\w-]*){0,2}?)\s+(?:\([^)]*\)\s+)?(?:[\w,]+\s+){0,8}?(?:states|says|holds|proposes|predicts|explains)\s+(?:that|how|why)\b")]
    private static partial Regex NamedLaw();

    /// <summary>A generic subject the sentence describes: "A solid is rigid ...", "Pure substances consist of ...", "A gas takes the shape of its container".</summary>
    [GeneratedRegex(@"^(?:(?:An?|The)\s+(?<term>[a-z][\w-]*(?:\s[a-z][\w-]*)?)|(?<term>[A-Z][a-z-]+(?:\s[a-z][a-z-]+)?))\s+(?:is|are|has|have|can|cannot|may|consists?\s+of|contains?|takes|forms|flows|occurs|exhibits|possesses|produces|includes|provides|allows|holds|lies|runs|covers|stores|makes|connects|protects|supports|consists|differs?|varies|vary|absorbs?|releases?|requires?|depends?\s+on|appears?)\s+(?!(?:also|not|often|usually|called|known|named|termed|found|shown|seen|used)\b)[a-z]")]
    private static partial Regex SubjectOfSentence();


    /// <summary>"the paterfamilias, the male head of the household": a lower-case term after an article, defined by the noun phrase that follows it.</summary>
    [GeneratedRegex(@"\b(?:the|an?)\s+(?<term>[a-z][a-z-]{4,}(?:\s[a-z][a-z-]{3,}){0,2}),\s+(?<def>(?:an?|the)\s+[a-z][^,;:()\u2014\u2013]{6,100}?)(?=\s*(?:[,.;:(\u2014\u2013]|$))")]
    private static partial Regex AppositiveDefinition();

    /// <summary>"Roger Sherman from Connecticut offered a compromise ...": a named actor opening the sentence and what they did.</summary>
    [GeneratedRegex(@"^(?:(?:In|By|During|After|At|From|Before|As|On)\s[^,]{2,40},\s+)?(?:[Tt]he\s+)?(?<name>[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,4})(?:\s+(?:from|of)\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)?\s+(?:(?:also|then|later|soon|quickly|finally|eventually)\s+)?(?<verb>[a-z]{3,}ed|led|wrote|won|gave|made|took|became|began|built|founded|sent|brought|chose|drew|fought|met|rose|sold|spoke|told|went|put|set|struck|broke|left|lost|held|kept|paid|ruled|sought|signed)\s+(?<rest>[a-z\d].{10,})$")]
    private static partial Regex NamedActor();

    [GeneratedRegex(@"^(?<effect>[A-Z][^,]{6,60}?)\s+(?<aux>is|are|was|were)\s+(?:mainly\s+|largely\s+|primarily\s+|partly\s+|mostly\s+)?(?:caused by|due to|the result of|a result of|the consequence of)\s+(?<cause>.{8,})$")]
    private static partial Regex CausedBy();

    [GeneratedRegex(@"^(?<effect>[A-Z][^,]{6,60}?)\s+(?:(?<aux>results|stems|arises)|(?<past>resulted|stemmed|arose))\s+(?:mainly\s+|largely\s+|primarily\s+|partly\s+)?from\s+(?<cause>.{8,})$")]
    private static partial Regex ResultsFrom();

    [GeneratedRegex(@"(?<term>\b(?:the\s)?[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,3}),\s+which\s+(?:was|is|were|are)\s+(?:an?|the)\s+")]
    private static partial Regex WhichWasTerm();

    [GeneratedRegex(@"\b(?:is|are)\s+(?:an?\s+|the\s+)?(?<term>[A-Za-z][a-z-]{4,}(?:\s[a-z][a-z-]{2,})?),\s+(?:an?\s+[a-z]+\s+(?:\(|that\b|which\b|who\b|responsible\b|used\b)|which\b|who\b)")]
    private static partial Regex AppositiveTerm();

    [GeneratedRegex(@"(?:^|[,;:]\s+|\bthe term\s+|\bthe word\s+)(?:the\s+)?[""\u201C]?(?<term>[A-Za-z][\w-]*(?:\s[A-Za-z][\w-]*){0,2}?)[""\u201D]?\s+(?:(?:usually|often|also|generally|commonly|simply|thus)\s+)?(?:refers to|is defined as|means)\s+(?!(?:different|many|much|something|nothing|that|this|it|more|less|little)\b)")]
    private static partial Regex RefersTo();

    [GeneratedRegex(@"^(?:(?:And|But|So|Yet|Moreover|Also|Similarly|Finally|Indeed|In addition|Crucially|And crucially|For one|For example|Notably|Still|Thus|Therefore|Even so|In short|In other words)\s*,?\s+)+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadIn();

    [GeneratedRegex(@"\b(?<modal>should|must|needs to|need to|ought to|could)\s+(?<adverb>(?:also|still|now|instead|first|then|privately|publicly|quickly)\s+)?(?<verb>[a-z]+)\b")]
    private static partial Regex Modal();

    [GeneratedRegex(@"(?:,\s+(?=(?:as|while|which|but|particularly|especially|although|though|since|because|even|when|if|whose|who|not|so|thereby|potentially)\b)|\s*[\u2014;:]|\s+\u2013\s+|\s+-\s+)")]
    private static partial Regex ClauseEnd();

    [GeneratedRegex(@"^(?<effect>.{20,}?),?\s+(?:in part |partly |largely |mainly )?because\s+(?<cause>(?!of\b).{12,})$")]
    private static partial Regex EffectBecause();

    [GeneratedRegex(@"^Because\s+(?<cause>[^,]{12,}),\s+(?<effect>.{20,})$")]
    private static partial Regex BecauseEffect();

    [GeneratedRegex(@"^(?<cause>.{25,}?)(?:,\s+so\s+(?!that\b|much\b|far\b|long\b|many\b|too\b)|[,;]\s+(?:and\s+)?as a result,?\s+|,\s+(?:and\s+)?(?:therefore|thus|hence)\s+)(?<effect>.{12,})$")]
    private static partial Regex CauseSoEffect();

    [GeneratedRegex(@"^(?<cause>.{8,}?)\s+(?<verb>leads to|led to|lead to|results in|resulted in|could create|would create|could foster|would foster|could trigger|triggered|caused|causes|could cause|would cause)\s+(?<effect>.{10,})$")]
    private static partial Regex CauseVerbEffect();

    [GeneratedRegex(@"^(?<cause>.{25,}?),\s+(?:potentially\s+|thereby\s+)?allowing\s+(?<effect>.{10,})$")]
    private static partial Regex Allowing();

    [GeneratedRegex(@"^(?<cause>.{20,}?),?\s+which\s+(?:is|was|explains)\s+(?:the\s+reason\s+(?:that\s+|why\s+)?|why\s+)(?<effect>.{10,})$")]
    private static partial Regex WhichIsTheReason();

    [GeneratedRegex(@"^(?<purpose>.{20,}?)\s+so that\s+(?<goal>.{10,})$")]
    private static partial Regex SoThat();

    [GeneratedRegex(@"^(?<claim>[^:]{25,}):\s+(?<reason>[a-z].{15,})$")]
    private static partial Regex ColonReason();

    [GeneratedRegex(@"^(?:And\s+)?(?:[Ss]hould|If)\s+(?<condition>[^,]{15,}),\s+(?<effect>.{15,})$")]
    private static partial Regex Conditional();

    [GeneratedRegex(@"(?<![\w$.,-])(?:(?<era>AD|A\.D\.)\s?)?(?<num>\d{1,4})(?<decade>s)?(?:\s?(?<era>BC|BCE|AD|CE|B\.C\.|A\.D\.))?(?:\s?(?:\u2013|-|to|and|through)\s?(?<num2>\d{1,4})(?<decade2>s)?(?:\s?(?<era2>BC|BCE|AD|CE))?)?(?![\w%-]|,\d)")]
    private static partial Regex Year();

    [GeneratedRegex(@"(?<![\w.,-])(?:US)?\$?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:\s?(?:percent|per cent|%|million|billion|trillion))?(?![\w-])|(?<![\w.,$-])\$\d+(?:\.\d+)?(?:\s?(?:million|billion|trillion))?(?![\w-])|(?<![\w.,$-])\d+(?:\.\d+)?\s?(?:percent|per cent|%|million|billion|trillion)(?![\w-])|(?<![\w.,$-])\d{2,}(?=\s(?:troops|soldiers|workers|people|refugees|years|miles|kilometres|kilometers|km|feet|metres|meters|acres|hectares|members|nations|countries|states|ships|aircraft|tons|tonnes|days|locks|species|emperors)\b)")]
    private static partial Regex Quantity();

    [GeneratedRegex(@"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s*$")]
    private static partial Regex MonthBefore();

    [GeneratedRegex(@"^\s*(?:January|February|March|April|May|June|July|August|September|October|November|December)\b")]
    private static partial Regex MonthAfter();

    [GeneratedRegex(@"\b(?:Figure|Fig\.|Table|Chapter|Section|page|p\.|pp\.|No\.)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ReferenceBefore();

    [GeneratedRegex(@"\b(?:far |much )?(?:more|less|rather) than\b")]
    private static partial Regex Contrast();

    [GeneratedRegex(@"\b(?:tweet|tweeted|tweeting|posted)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Tweet();

    [GeneratedRegex(@"\b(?:this|these|that|those|such)\s+(?!is\b|was\b|are\b|were\b)[a-z]+", RegexOptions.IgnoreCase)]
    private static partial Regex PointsBack();

    private static readonly HashSet<string> _notVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "you", "his", "her", "its",
        "their", "our", "any", "some", "not", "there",
    };

    /// <summary>Words that open a subject but name no term ("The first is a Merkel cell").</summary>
    private static readonly HashSet<string> _notTerms = new(StringComparer.OrdinalIgnoreCase)
    {
        "first", "second", "third", "last", "other", "another", "one", "two", "three", "result", "reason", "goal", "main", "most",
        "many", "each", "every", "all", "both", "part", "rest", "same", "following", "former", "latter", "for", "on", "upon", "off",
        "out", "up", "in", "into", "to", "back", "after", "this", "him", "her", "them", "its", "his", "their", "entire", "whole",
        "just", "simply", "only", "merely", "exactly", "precisely", "so", "what", "something", "anything",
    };

    /// <summary>"an important technological innovation, the birth of ...": a lower-case evaluative adjective opens a description, not a term ("Great Dry" stays a name).</summary>
    private static readonly HashSet<string> _describing = new(StringComparer.Ordinal)
    {
        "important", "major", "significant", "key", "great", "crucial", "famous", "notable", "particular", "special", "similar",
        "different", "certain", "various", "new",
    };

    private static readonly HashSet<string> _badSubjects = new(StringComparer.OrdinalIgnoreCase)
    {
        "it", "he", "she", "they", "this", "that", "these", "those", "which", "who", "there", "one", "such", "what", "we", "you", "i",
    };

    /// <summary>The subject a recommendation in the previous sentence was about, for "It should ..." in the next one.</summary>
    public string? PreviousSubject { get; set; }

    /// <summary>Second names the sentences gave their terms ("a homogeneous mixture, also called a solution"), accepted in a blank on the first.</summary>
    public IReadOnlyDictionary<string, string> OtherNames { get; init; } = new Dictionary<string, string>();

    /// <summary>The reading's title: a term it names whole is the topic, too obvious to blank as a sentence's subject.</summary>
    public string? Topic { get; init; }

    /// <summary>The sentence before, shown in the card when this sentence points back to it ("This process is called ...").</summary>
    public string? Context { get; set; }

    /// <summary>Why a blank gives itself away or is no phrase of its own, the card's context included; null when it is a fair blank.</summary>
    private string? GivenAway(string sentence, int start, int length, EntityKind? kind, bool sameTitleChoices = false, bool isDefinition = false)
    {
        var full = Context is null ? sentence : Context + " " + sentence;
        var shift = full.Length - sentence.Length;
        return giveaways.Check(full, start + shift, length, kind, sameTitleChoices) ?? Spans.Problem(sentence, start, length, Context, isDefinition);
    }

    /// <summary>A side word blanked while a term the text defines stays visible is a trivial card.</summary>
    private double DefinedTermShown(string sentence, int start, int length) =>
        model.Find(sentence).Any(f => f.Entity.Kind == EntityKind.Term && model.IsDefinedByText(f.Entity.Name) && (f.Start + f.Length <= start || f.Start >= start + length)
            && GivenAway(sentence, f.Start, f.Length, EntityKind.Term, isDefinition: true) is null) ? -1.5 : 0;

    public List<Candidate> For(int index, string? resolvedSubject)
    {
        var list = Drafts(index, resolvedSubject);
        if (Context is null)
        {
            return list;
        }
        // With the sentence before in the card: a basic card shows it above its quote; one without a quote is not made.
        var kept = new List<Candidate>();
        foreach (var c in list)
        {
            if (c.Note.Kind == CardKind.Basic)
            {
                var quote = c.Note.Prompt!.IndexOf("\n> ", StringComparison.Ordinal);
                if (quote < 0)
                {
                    continue;
                }
                c.Note.Prompt = c.Note.Prompt[..(quote + 3)] + Context + " " + c.Note.Prompt[(quote + 3)..];
            }
            kept.Add(c);
        }
        return kept;
    }

    private List<Candidate> Drafts(int index, string? resolvedSubject)
    {
        var sentence = sentences[index];
        var list = new List<Candidate>();
        list.AddRange(Definitions(index, sentence));
        if (Recommendation(index, sentence, resolvedSubject) is { } recommendation)
        {
            list.Add(recommendation);
        }
        if (Cause(index, sentence) is { } cause)
        {
            list.Add(cause);
        }
        if (list.Count == 0 && ActorClaim(index, sentence) is { } argued)
        {
            list.Add(argued);
        }
        if (list.Count == 0 && Actor(index, sentence) is { } actor)
        {
            list.Add(actor);
        }
        if (list.Count == 0 && TermClaim(index, sentence) is { } claim)
        {
            list.Add(claim);
        }
        if (list.Count == 0 && SubjectTerm(index, sentence) is { } described)
        {
            list.Add(described);
        }
        list.AddRange(Names(index, sentence));
        list.AddRange(Numbers(index, sentence));
        return list;
    }

    /// <summary>The terms the text defines, before the model is built (defined terms are key terms).</summary>
    public static IEnumerable<string> DefinedTerms(string sentence)
    {
        foreach (var regex in new[] { CalledTerm(), DubbedTerm(), WhichWasTerm(), AppositiveTerm(), RefersTo(), DashDefinition(), CopularDefinition(), AppositiveDefinition(), GenericDefinition(), PropertyDefinition(), NamedLaw() })
        {
            foreach (Match m in regex.Matches(sentence))
            {
                var term = CleanTerm(m.Groups["term"].Value);
                if (term is not null && !PointsBackAsSubject(regex, sentence, term) && !(regex == CalledTerm() && ActiveVerb(sentence, m)) && !(regex == AppositiveDefinition() && !IsAppositive(sentence, m)))
                {
                    yield return term;
                }
            }
        }
    }

    /// <summary>
    /// "in the domus, a traditional house that ...": a noun phrase that renames the term. Not an introductory phrase
    /// ("In the morning, the men ..."), not an item of a list ("the bread, the milk, and the eggs"), not a clause
    /// ("the war, the army was ...").
    /// </summary>
    private static bool IsAppositive(string sentence, Match m)
    {
        var before = sentence[..m.Index];
        var after = sentence[(m.Index + m.Length)..];
        var definition = m.Groups["def"].Value;
        var clauseStart = before.LastIndexOf(',') + 1;
        var intro = Regex.IsMatch(before[clauseStart..].TrimStart(), @"^(?i:as|when|while|although|though|because|if|once|until|since|whereas|unless|after|before)\b")
            || !before.Contains(',') && Regex.IsMatch(before, @"^(?:In|On|At|By|For|During|After|Before|Since|Under|With|From|Through|Throughout|Among|Within|Without|Despite|Unlike|Like|As|When|While|Although|Though|Because|If|Once|Until|To|Of|Over|Beyond|Across|Along|Around|Near|Inside|Outside)\b");
        var list = Regex.IsMatch(after, @"^\s*,\s*(?:and|or)\b|^\s*,\s*(?:an?|the)\s+[^,]{1,60},\s*(?:and|or)\b") || before.TrimEnd().EndsWith(',');
        var clause = Regex.IsMatch(definition, @"\b(?:is|are|was|were|had|has|have|will|would|could|can|did|does|do|may|might|must|should)\b")
            || Regex.IsMatch(definition, @"^(?:an?|the)\s+(?:same|other|latter|former|first|second|following|next|last|only|one|two|three|rest|end|result|reason|way)\b");
        return !intro && !list && !clause;
    }

    /// <summary>
    /// "Emperors named an heir", "Augustus named Tiberius", "they called a meeting": the verb is used actively
    /// (someone names or calls someone or something), not as "a process called X"; what follows is no term.
    /// </summary>
    private static bool ActiveVerb(string sentence, Match m)
    {
        var lead = m.Value.Length - m.Value.TrimStart().Length;
        var verb = Regex.Match(m.Value.TrimStart(), @"^(?:(?<aux>is|are|was|were)\s+)?(?<verb>called|named|termed)\b");
        if (!verb.Success || verb.Groups["aux"].Success)
        {
            return false;
        }
        var after = sentence[(m.Index + lead + verb.Length)..];
        var before = sentence[..(m.Index + lead)].TrimEnd();
        var previous = before.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        return (verb.Groups["verb"].Value == "named" && Regex.IsMatch(after, @"^\s+(?:an?|his|her|their|its|several|many|two|three|some)\s"))
            || previous is "he" or "she" or "they" or "we" or "I" or "who" or "He" or "She" or "They" or "We"
            || (previous.Length > 1 && char.IsUpper(previous[0]) && before.Length > previous.Length && !before.EndsWith(','));
    }

    /// <summary>"The text is a collection of ...": a common noun after "The" points back to what the text is about; it defines nothing.</summary>
    private static bool PointsBackAsSubject(Regex regex, string sentence, string term) =>
        (regex == CopularDefinition() && sentence.StartsWith("The ", StringComparison.Ordinal) && !term.Contains(' ') && char.IsLower(term[0]))
        || ((regex == GenericDefinition() || regex == PropertyDefinition()) && (_vagueSubjects.Contains(term.Split(' ')[0]) || Referents.IsOpener(term.Split(' ')[0])));

    /// <summary>Subjects that name the text, a part of it or a step of an argument, not a term ("The text is a collection of ...").</summary>
    private static readonly HashSet<string> _vagueSubjects = new(StringComparer.OrdinalIgnoreCase)
    {
        "text", "book", "chapter", "section", "article", "author", "result", "reason", "answer", "problem", "question", "idea", "goal",
        "point", "key", "difference", "problem", "issue", "way", "thing", "case", "example", "fact", "truth", "aim", "purpose", "effect",
        "outcome", "situation", "picture", "story", "lesson", "trick", "secret", "rest", "majority", "minority", "number", "amount",
        "people", "person", "scientists", "scientist", "historians", "historian", "researchers", "students", "student", "men", "women",
        "children", "humans", "archaeologists", "philosophers", "others", "experts", "authors", "readers", "writers", "individuals",
    };

    private static string? CleanTerm(string term)
    {
        term = Regex.Replace(term.Trim(), @"^(?:the|a|an)\s+", "", RegexOptions.IgnoreCase).Trim();
        term = Regex.Replace(term, @"^(?:term|word|name|concept|phrase)\s+", "", RegexOptions.IgnoreCase);
        // "the Z-scheme shown in ...": a participle or adverb ends the term.
        term = Regex.Replace(term, @"\s+(?:shown|seen|given|used|found|made|described|illustrated|depicted|below|above|here|there|today|now|usually|also|often)\b.*$", "");
        // "New France had ceased": a verb ends the term.
        term = Regex.Replace(term, @"\s+(?:had|has|have|is|are|was|were|would|will|could|can|did|does|do|became|remained|may|might|must|should)\b.*$", "");
        // "quantity demanded" is a term; "heir soon after" is not: an -ed or -ly word inside the span ends it.
        term = Regex.Replace(term, @"\s+(?:[a-z]+ed|[a-z]+ly)\s.*$", "");
        var words = term.Split(' ');
        return (words.Length is >= 1 and <= 4 || (words.Length <= 6 && Regex.IsMatch(term, @"\b(?:law|principle|theory|rule|hypothesis|postulate) of\b"))) && term.Length >= 4 && !_badSubjects.Contains(words[0]) && !_notVerbs.Contains(words[0]) && !_notTerms.Contains(words[0]) && !_describing.Contains(words[0])
            && !Spans.IsFunctionWord(words[0]) && !Spans.IsFunctionWord(words[^1]) ? term : null;
    }

    private IEnumerable<Candidate> Definitions(int index, string sentence)
    {
        var spans = new List<(int Start, int Length)>();
        foreach (var regex in new[] { CalledTerm(), DubbedTerm(), WhichWasTerm(), AppositiveTerm(), RefersTo(), DashDefinition(), CopularDefinition(), AppositiveDefinition(), GenericDefinition(), PropertyDefinition(), NamedLaw() })
        {
            foreach (Match m in regex.Matches(sentence))
            {
                var group = m.Groups["term"];
                var term = CleanTerm(group.Value);
                if (term is null || PointsBackAsSubject(regex, sentence, term) || (regex == CalledTerm() && ActiveVerb(sentence, m)) || (regex == AppositiveDefinition() && !IsAppositive(sentence, m)))
                {
                    continue;
                }
                var start = sentence.IndexOf(term, group.Index, StringComparison.Ordinal);
                if (start >= 0 && !spans.Any(s => start < s.Start + s.Length && s.Start < start + term.Length) && GivenAway(sentence, start, term.Length, EntityKind.Term, isDefinition: true) is null)
                {
                    spans.Add((start, term.Length));
                }
            }
        }
        if (spans.Count == 0)
        {
            yield break;
        }
        var note = ClozeNote(sentence, [.. spans.OrderBy(s => s.Start).Select(s => (s.Start, s.Length, (string?)null))], "definition");
        yield return new Candidate(index, CandidateKind.Definition, 6 + Penalty(sentence, spans.Count), "term:" + string.Join("|", spans.Select(s => sentence.Substring(s.Start, s.Length).ToLowerInvariant())), note);
    }

    /// <summary>"The periosteum contains blood vessels ...": a key term's verb and what it governs, asked as a question on the term.</summary>
    [GeneratedRegex(@"^(?:(?<article>The|An?)\s+)?(?<subject>[A-Za-z][a-z-]+(?:\s[a-z][a-z-]+){0,2}?)\s+(?<verb>(?:is|are)\s+(?:composed|made(?:\s+up)?|formed|filled|covered|lined|surrounded|found|located|produced|used|caused|converted|divided|separated|replaced|attached|connected)\s+(?:of|with|in|at|by|for|into|to|from|on)|contains?|covers?|consists?\s+of|provides?|produces?|protects?|connects?|stores?|includes?|requires?|surrounds?|absorbs?|releases?|develops?\s+into|differentiates?\s+into|originates?\s+from|transports?|carries|carry|regulates?|controls?|converts?|supports?|allows?|prevents?|reduces?|increases?|determines?|measures?)\s+(?<object>[a-z0-9].{6,})$")]
    private static partial Regex TermVerbObject();

    /// <summary>
    /// "The periosteum contains blood vessels, nerves, and lymphatic vessels that nourish compact bone" becomes "What
    /// does the periosteum contain, according to the text?" when the subject is a key term of the text (named in two
    /// sentences or more); the answer is what the verb governs, up to the clause's end.
    /// </summary>
    private Candidate? TermClaim(int index, string sentence)
    {
        var body = sentence.TrimEnd('.', ' ');
        var m = TermVerbObject().Match(body);
        if (!m.Success || Reader().IsMatch(sentence))
        {
            return null;
        }
        var subject = m.Groups["subject"].Value;
        var words = subject.Split(' ');
        if (_vagueSubjects.Contains(words[0]) || _notTerms.Contains(words[0]) || _badSubjects.Contains(words[0]) || _notVerbs.Contains(words[0]) || Referents.IsOpener(words[0]) || words.Any(Spans.IsFunctionWord))
        {
            return null;
        }
        // The subject is shown, not asked: the text's topic makes a fair question too.
        if (NamingCount(subject) < 2)
        {
            return null;
        }
        var answer = m.Groups["object"].Value;
        var end = ClauseEnd().Match(answer);
        if (end.Success && end.Index >= 8)
        {
            answer = answer[..end.Index];
        }
        answer = answer.TrimEnd('.', ',', ';', ' ');
        var count = answer.Split(' ').Length;
        if (count < 2 || count > 20 || !Balanced(answer))
        {
            return null;
        }
        var verb = Regex.Replace(m.Groups["verb"].Value, @"\s+", " ");
        var plural = !m.Groups["article"].Success && Regex.IsMatch(words[^1], @"[^s]s$") || m.Groups["article"].Value == "The" && Regex.IsMatch(words[^1], @"[^s]s$");
        var named = (m.Groups["article"].Success ? "the " : "") + (char.IsUpper(subject[0]) && model.Find(subject).Count == 0 ? char.ToLowerInvariant(subject[0]) + subject[1..] : subject);
        string question;
        var passive = Regex.Match(verb, @"^(?<be>is|are) (?<participle>.+) (?<prep>\w+)$");
        if (passive.Success)
        {
            var where = passive.Groups["prep"].Value is "in" or "at" or "on" && passive.Groups["participle"].Value is "found" or "located" or "produced" or "used";
            question = where
                ? $"Where {passive.Groups["be"].Value} {named} {passive.Groups["participle"].Value}, according to the text?"
                : $"What {passive.Groups["be"].Value} {named} {passive.Groups["participle"].Value} {passive.Groups["prep"].Value}, according to the text?";
        }
        else
        {
            var parts = verb.Split(' ');
            var head = parts[0];
            var singular = !plural;
            var baseForm = !singular ? head : head.EndsWith("ies", StringComparison.Ordinal) ? head[..^3] + "y" : Regex.IsMatch(head, @"(?:ss|x|ch|sh)es$") ? head[..^2] : head.EndsWith('s') ? head[..^1] : head;
            question = $"What {(singular ? "does" : "do")} {named} {string.Join(' ', parts.Skip(1).Prepend(baseForm))}, according to the text?";
        }
        var note = BasicNote(question, Capitalise(answer) + ".", sentence, "claim");
        return new Candidate(index, CandidateKind.Claim, 4.4 + Penalty(sentence, 1), $"claim:{index}", note);
    }

    /// <summary>"The Anti-Federalists argued that ...", "Functionalists believe that ...": a named actor and the claim they made.</summary>
    [GeneratedRegex(@"^(?:(?:In|By|During|After|At|From|Before)\s[^,]{2,40},\s+)?(?<actor>(?:[Tt]he\s+)?[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,3})\s+(?:(?:also|further|firmly|strongly|often|repeatedly|long)\s+)?(?<verb>(?<stem>argu|believ|claim|maintain|insist|fear|propos|assert|contend|warn|hop|suggest|conclud|predict|promis|declar|announc)(?:ed|es|e|s)?|held|thought|think|thinks|hold|holds)\s+that\s+(?<claim>[^;:]{12,})$")]
    private static partial Regex ActorClaimed();

    private static readonly Dictionary<string, string> _claimVerbs = new(StringComparer.Ordinal)
    {
        ["argu"] = "argue", ["believ"] = "believe", ["propos"] = "propose", ["hop"] = "hope", ["conclud"] = "conclude",
        ["promis"] = "promise", ["declar"] = "declare", ["announc"] = "announce",
    };

    /// <summary>
    /// "In the debate, the Anti-Federalists argued that wealthy aristocrats would run the new government" becomes "What did the
    /// Anti-Federalists argue, according to the text?" with the claim, up to its clause's end, as the answer: in a history
    /// or civics text the actors' positions are its main ideas.
    /// </summary>
    private Candidate? ActorClaim(int index, string sentence)
    {
        var m = ActorClaimed().Match(sentence.TrimEnd('.', ' '));
        if (!m.Success || Reader().IsMatch(sentence))
        {
            return null;
        }
        var actor = m.Groups["actor"].Value;
        var first = Regex.Replace(actor, @"^[Tt]he\s+", "").Split(' ')[0];
        if (Referents.IsOpener(first) || Spans.IsFunctionWord(first) || _vagueSubjects.Contains(first) || _badSubjects.Contains(first) || first is "It" or "This" or "These" or "Some" or "Many" or "Most" or "Others" or "Scientists" or "Researchers" or "People")
        {
            return null;
        }
        var answer = m.Groups["claim"].Value;
        var end = ClauseEnd().Match(answer);
        if (end.Success && end.Index >= 12)
        {
            answer = answer[..end.Index];
        }
        answer = Regex.Replace(answer.TrimEnd('.', ',', ' '), @",?\s+and\s+that\s+.*$", "");
        var count = answer.Split(' ').Length;
        if (count < 3 || count > 25 || !Balanced(answer) || Referents.PointsBack(Capitalise(answer)) is not null && !Regex.IsMatch(answer, @"^(?:they|it|he|she)\b"))
        {
            return null;
        }
        var verb = m.Groups["verb"].Value;
        var stem = m.Groups["stem"].Success ? m.Groups["stem"].Value : "";
        var baseForm = verb switch
        {
            "held" or "holds" => "hold",
            "thought" or "thinks" => "think",
            "hold" or "think" => verb,
            _ => _claimVerbs.GetValueOrDefault(stem, stem),
        };
        var aux = verb is "held" or "thought" || verb.EndsWith("ed", StringComparison.Ordinal) ? "did" : verb == baseForm ? "do" : "does";
        var named = actor.StartsWith("The ", StringComparison.Ordinal) ? "the " + actor[4..] : actor;
        var note = BasicNote($"What {aux} {named} {baseForm}, according to the text?", Capitalise(answer) + ".", sentence, "claim");
        return new Candidate(index, CandidateKind.Claim, 4.6 + Penalty(sentence, 1), $"argued:{index}", note);
    }

    /// <summary>
    /// "Roger Sherman from Connecticut offered a compromise to break the deadlock": in a history or civics text a named
    /// actor's deed is a fact to ask, the name blanked. Not a name the sentence gives away, a place or a plain word
    /// opening the sentence ("Most Americans ..."), nor a deed whose object points back ("did so", "this plan").
    /// </summary>
    private static readonly HashSet<string> _titles = new(StringComparer.Ordinal)
    {
        "President", "King", "Queen", "Emperor", "Empress", "General", "Senator", "Governor", "Prime", "Minister", "Pope", "Chief",
        "Justice", "Judge", "Dr", "Sir", "Lord", "Lady", "Prince", "Princess", "Secretary", "Chancellor", "Premier", "Admiral", "Colonel",
    };

    private Candidate? Actor(int index, string sentence)
    {
        var m = NamedActor().Match(sentence.TrimEnd('.', ' '));
        if (!m.Success || Reader().IsMatch(sentence) || Referents.PointsBack(m.Groups["rest"].Value) is not null)
        {
            return null;
        }
        var group = m.Groups["name"];
        var name = group.Value.TrimEnd('.');
        var words = name.Split(' ');
        if (words.Any(w => Referents.IsOpener(w) || Spans.IsFunctionWord(w) || _vagueSubjects.Contains(w) || _badSubjects.Contains(w) || _titles.Contains(w.TrimEnd('.'))) || words.Length > 5 || (words.Length == 1 && model.Person(name) is null)
            || model.Find(name).Any(f => f.Entity.Kind == EntityKind.Place) || (Topic is not null && Topic.Contains(name, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        if (GivenAway(sentence, group.Index, name.Length, EntityKind.Person) is not null || Spans.Problem(sentence, group.Index, name.Length, Context) is not null)
        {
            return null;
        }
        var note = ClozeNote(sentence, [(group.Index, name.Length, null)], "actor");
        return new Candidate(index, CandidateKind.Person, 3.2 + Penalty(sentence, 1), "name:" + name, note);
    }

    /// <summary>
    /// "A solid is rigid and possesses a definite shape": a sentence about a generic subject that is one of the
    /// text's key terms (named in at least three sentences, not the text's topic) asks for the subject.
    /// </summary>
    private Candidate? SubjectTerm(int index, string sentence)
    {
        var m = SubjectOfSentence().Match(sentence);
        if (!m.Success || Reader().IsMatch(sentence))
        {
            return null;
        }
        var group = m.Groups["term"];
        var term = CleanTerm(group.Value);
        if (term is null || term != group.Value.Trim() || _vagueSubjects.Contains(term.Split(' ')[0]) || Referents.IsOpener(term.Split(' ')[0]) || (char.IsUpper(term[0]) && model.Find(term).Count > 0))
        {
            return null;
        }
        var start = sentence.IndexOf(term, group.Index, StringComparison.Ordinal);
        var naming = NamingCount(term);
        if (Topic is not null && DraftChecks.InEitherNumber(term).IsMatch(Topic))
        {
            return null;
        }
        if (start < 0 || naming < 3 || naming * 6 > sentences.Count || GivenAway(sentence, start, term.Length, EntityKind.Term, isDefinition: true) is not null)
        {
            return null;
        }
        var note = ClozeNote(sentence, [(start, term.Length, null)], "key-term");
        return new Candidate(index, CandidateKind.KeyTerm, 4.2 + Penalty(sentence, 1), "term:" + DraftChecks.Key(term), note);
    }

    private readonly Dictionary<string, int> _naming = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many sentences name the term, in either number.</summary>
    private int NamingCount(string term)
    {
        var key = DraftChecks.Key(term);
        if (!_naming.TryGetValue(key, out var count))
        {
            var pattern = DraftChecks.InEitherNumber(term);
            // Only the sentences holding the last word's first letters are read (a long text has thousands).
            var head = key.Split(' ')[^1];
            var prefix = head[..Math.Min(head.Length, Math.Max(3, head.Length - 1))];
            count = sentences.Count(s => s.Contains(prefix, StringComparison.OrdinalIgnoreCase) && pattern.IsMatch(s));
            _naming[key] = count;
        }
        return count;
    }

    /// <summary>A sentence that speaks to the reader ("If you shine a flashlight ...", "we can see") is an illustration or an aside, not a claim of the text to ask.</summary>
    [GeneratedRegex(@"\b(?:[Yy]ou|[Yy]our|[Yy]ourself|[Ww]e|[Oo]ur|us|[Ll]et's)\b")]
    private static partial Regex Reader();

    private Candidate? Recommendation(int index, string sentence, string? resolvedSubject)
    {
        if (Reader().IsMatch(sentence))
        {
            return null;
        }
        foreach (Match m in Modal().Matches(sentence))
        {
            if (InsideQuote(sentence, m.Index) || _notVerbs.Contains(m.Groups["verb"].Value))
            {
                continue;
            }
            var modal = m.Groups["modal"].Value;
            var before = sentence[..m.Index].TrimEnd();
            var subject = SubjectBefore(before, out var subjectStart);
            if (subject is null || subject.Contains(','))
            {
                continue;
            }
            var resolved = subject;
            if (_badSubjects.Contains(subject))
            {
                if (subject is "it" or "It" or "he" or "He" or "she" or "She" && resolvedSubject is not null && subjectStart == LeadInLength(sentence))
                {
                    resolved = resolvedSubject;
                }
                else
                {
                    continue;
                }
            }
            // "could" is a suggestion only when an actor the text names makes it ("Washington could ..."), not "Such flagrancy could be called out".
            if (modal == "could" && (model.Find(resolved).Count == 0 || m.Groups["verb"].Value is "be" or "have" or "not"))
            {
                continue;
            }
            var answerStart = m.Groups["verb"].Index;
            var tail = sentence[answerStart..];
            var cut = ClauseEnd().Match(tail);
            var answer = (cut.Success ? tail[..cut.Index] : tail).TrimEnd('.', '!', '?', ' ', '"', '\u201D');
            var words = answer.Split(' ').Length;
            if (words < 3 || words > 35)
            {
                continue;
            }
            PreviousSubject = resolved;
            var rest = sentence[(answerStart + answer.Length)..];
            // What follows a dash is an aside that reads wrongly after the blank.
            rest = rest.TrimStart().StartsWith('\u2014') ? " \u2026" : rest;
            var shown = sentence[..subjectStart] + resolved + sentence[(subjectStart + subject.Length)..answerStart] + Blank + rest;
            var doWhat = m.Groups["verb"].Value == "be" ? "be" : "do";
            answer = m.Groups["verb"].Value == "be" ? answer[3..] : answer;
            var question = $"What does the text say {Lower(resolved)} {modal} {doWhat}?";
            var quoted = shown.Trim();
            var prompt = quoted.Equals($"{resolved} {modal} {m.Groups["adverb"].Value}{Blank}.", StringComparison.Ordinal) ? question : $"{question}\n> {quoted}";
            var note = BasicNote(prompt, Capitalise(answer) + ".", sentence, "recommendation");
            return new Candidate(index, CandidateKind.Recommendation, 5.5 + (words > 25 ? -1 : 0), $"claim:{index}", note);
        }
        return null;
    }

    private Candidate? Cause(int index, string sentence)
    {
        if (Reader().IsMatch(sentence))
        {
            return null;
        }
        var body = sentence.TrimEnd('.', ' ');
        var lead = LeadIn().Match(body);
        var core = lead.Success ? body[lead.Length..] : body;
        core = Capitalise(core);
        if (CauseVerbEffect().Match(core) is { Success: true } cv && cv.Groups["cause"].Value.Split(' ').Length <= 8 && !Regex.IsMatch(cv.Groups["effect"].Value, @"^by\b") && !Regex.IsMatch(cv.Groups["cause"].Value, @"\b(?:can|could|may|might|will|would|eventually|also|often|usually|is|are|was|were|be|been|being|actually)$|,") && !_badSubjects.Contains(cv.Groups["cause"].Value.Split(' ')[0]))
        {
            return CauseVerbCard(index, sentence, cv);
        }
        var passive = CausedBy().Match(core);
        passive = passive.Success ? passive : ResultsFrom().Match(core);
        if (passive.Success && !Regex.IsMatch(passive.Groups["effect"].Value, @"\b(?:that|which|who|believed|thought|said|argued|claimed)\b") && !_badSubjects.Contains(passive.Groups["effect"].Value.Split(' ')[0]))
        {
            var past = passive.Groups["past"].Success || passive.Groups["aux"].Value is "was" or "were";
            return CauseCard(index, sentence, $"What {(past ? "caused" : "causes")} {Lower(passive.Groups["effect"].Value)}, according to the text?", null, passive.Groups["cause"].Value);
        }
        if (WhichIsTheReason().Match(core) is { Success: true } wr)
        {
            return CauseCard(index, sentence, "What reason does the text give for this?", Capitalise(wr.Groups["effect"].Value), wr.Groups["cause"].Value, cut: false);
        }
        if (BecauseEffect().Match(core) is { Success: true } be)
        {
            return CauseCard(index, sentence, "What reason does the text give for this?", be.Groups["effect"].Value, be.Groups["cause"].Value);
        }
        if (EffectBecause().Match(core) is { Success: true } eb && !eb.Groups["effect"].Value.Contains('\u2014') && !Regex.IsMatch(eb.Groups["effect"].Value, @",\s+(?:who|which)\b"))
        {
            return CauseCard(index, sentence, "What reason does the text give for this?", eb.Groups["effect"].Value, eb.Groups["cause"].Value);
        }
        if (Conditional().Match(body) is { Success: true } cond)
        {
            return CauseCard(index, sentence, "What does the text say would follow?", body[..(cond.Groups["effect"].Index)].TrimEnd() + " \u2026", cond.Groups["effect"].Value);
        }
        if (Allowing().Match(core) is { Success: true } al)
        {
            return CauseCard(index, sentence, "What would this allow, according to the text?", al.Groups["cause"].Value, al.Groups["effect"].Value);
        }
        if (CauseSoEffect().Match(core) is { Success: true } cs && !Regex.IsMatch(cs.Groups["effect"].Value, @"^(?:the|its|their)\s+name\b"))
        {
            return CauseCard(index, sentence, "What follows from this, according to the text?", cs.Groups["cause"].Value, cs.Groups["effect"].Value);
        }
        if (SoThat().Match(core) is { Success: true } st)
        {
            return CauseCard(index, sentence, "For what purpose, according to the text?", st.Groups["purpose"].Value, st.Groups["goal"].Value);
        }
        if (ColonReason().Match(core) is { Success: true } cr)
        {
            // "... in two sequential stages: the light-dependent ..." lists what the claim counts.
            var counted = Regex.IsMatch(cr.Groups["claim"].Value, @"\b(?:two|three|four|five|six|several|a few)\s+(?:[a-z-]+\s+){0,2}[a-z-]+s$");
            return CauseCard(index, sentence, counted ? "Which are they, according to the text?" : "How does the text explain or spell this out?", cr.Groups["claim"].Value, cr.Groups["reason"].Value, cut: false);
        }
        return null;
    }

    private Candidate? CauseVerbCard(int index, string sentence, Match cv)
    {
        var subject = cv.Groups["cause"].Value;
        var verb = cv.Groups["verb"].Value;
        var question = verb switch
        {
            "leads to" or "lead to" => $"What does {Lower(subject)} lead to, according to the text?",
            "led to" => $"What did {Lower(subject)} lead to, according to the text?",
            "results in" => $"What does {Lower(subject)} result in, according to the text?",
            "resulted in" => $"What did {Lower(subject)} result in, according to the text?",
            "triggered" or "caused" => $"What did {Lower(subject)} {(verb == "caused" ? "cause" : "trigger")}, according to the text?",
            "causes" => $"What does {Lower(subject)} cause, according to the text?",
            _ => $"What {verb.Split(' ')[0]} {Lower(subject)} {verb.Split(' ')[1]}, according to the text?",
        };
        return CauseCard(index, sentence, question, null, cv.Groups["effect"].Value);
    }

    private Candidate? CauseCard(int index, string sentence, string question, string? shown, string answer, bool cut = true)
    {
        var end = ClauseEnd().Match(answer);
        if (cut && end.Success && end.Index > 15)
        {
            answer = answer[..end.Index];
        }
        // "If the price falls, then demand rises": the answer is what follows "then".
        answer = Regex.Replace(answer.Trim(), @"^(?:then|so|thus|therefore)\s+", "", RegexOptions.IgnoreCase).TrimEnd('.', ',', ';');
        var words = answer.Split(' ').Length;
        // "hence their concentrations in ...": an answer opening with a possessive names something the card does not.
        if (Regex.IsMatch(answer, @"^(?i:their|its|his|her)\b"))
        {
            return null;
        }
        if (words < 3 || words > 35 || (shown is not null && shown.Split(' ').Length < 4) || !Balanced(answer) || (shown is not null && !Balanced(shown)))
        {
            return null;
        }
        var prompt = shown is null ? question : $"{question}\n> {Capitalise(shown.Trim())}";
        var note = BasicNote(prompt, Capitalise(answer) + ".", sentence, "cause");
        return new Candidate(index, CandidateKind.Cause, 5 + (words > 25 ? -1 : 0), $"claim:{index}", note);
    }

    private IEnumerable<Candidate> Names(int index, string sentence)
    {
        foreach (var (entity, start, length) in model.Find(sentence))
        {
            var name = sentence.Substring(start, length);
            var mentions = model.SentencesNaming(name);
            // The text's main subject ("North Korea" in an essay on North Korea) makes a trivial question.
            var topic = mentions * 6 > sentences.Count && mentions >= 3;
            if (topic && entity.Kind != EntityKind.Place)
            {
                continue;
            }
            switch (entity.Kind)
            {
                case EntityKind.Term:
                    if (GivenAway(sentence, start, length, EntityKind.Term) is null && !PartOfLongerName(sentence, start, length) && !InListOfNames(sentence, start, length))
                    {
                        var score = (model.IsDefinedByText(name) ? 5 : mentions >= 2 ? 4.5 : NamesAnInstitution(name) ? 3.5 : 2.2) + Penalty(sentence, 1) + DefinedTermShown(sentence, start, length)
                            + (Regex.IsMatch(sentence[(start + length)..], @"^\s+and\s+[A-Z][a-z]+\s+[a-z]") ? -3 : 0);
                        yield return new Candidate(index, CandidateKind.KeyTerm, score, "term:" + name.ToLowerInvariant(), ClozeNote(sentence, [(start, length, null)], "key-term"));
                    }
                    break;
                case EntityKind.Person:
                    var person = model.Person(name)!;
                    var choices = PeopleLike(person, sentence);
                    if (choices.Count >= 2 && GivenAway(sentence, start, length, EntityKind.Person, sameTitleChoices: true) is null)
                    {
                        yield return new Candidate(index, CandidateKind.Person, 3.5 + Penalty(sentence, 1) + DefinedTermShown(sentence, start, length), "name:" + person.Name, Mcq(sentence, start, length, "Who fills the blank?", choices, "person"));
                    }
                    else if (GivenAway(sentence, start, length, EntityKind.Person) is null)
                    {
                        yield return new Candidate(index, CandidateKind.Person, 3 + Penalty(sentence, 1) + DefinedTermShown(sentence, start, length), "name:" + person.Name, ClozeNote(sentence, [(start, length, "person")], "person"));
                    }
                    break;
                case EntityKind.Place:
                    if (GivenAway(sentence, start, length, EntityKind.Place) is null)
                    {
                        // "Beijing fears a collapse far more than Washington does": which of two actors is the point of the sentence.
                        var contrast = Contrast().IsMatch(sentence[(start + length)..]) && model.Find(sentence[(start + length)..]).Any(f => f.Entity.Kind == EntityKind.Place);
                        // A place in a list ("the United States, Japan, and South Korea") is guessed from its neighbours.
                        var inList = Regex.IsMatch(sentence[..start], @"[A-Z][\w.]*,\s*(?:and\s+)?(?:the\s+)?$") || Regex.IsMatch(sentence[(start + length)..], @"^(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?[A-Z]");
                        var score = (contrast ? 4.5 : topic ? 1 : inList ? 1.5 : 2.2) + Penalty(sentence, 1) + DefinedTermShown(sentence, start, length);
                        yield return new Candidate(index, CandidateKind.Place, score, "name:" + name + (contrast ? ":" + index : ""), ClozeNote(sentence, [(start, length, contrast ? null : "place")], "place"));
                    }
                    break;
            }
        }
    }

    /// <summary>"the French and _____ War", "the Bank of _____": the blank is one half of a longer name, which the other half gives away.</summary>
    private static bool PartOfLongerName(string sentence, int start, int length) =>
        char.IsUpper(sentence[start]) && (Regex.IsMatch(sentence[..start], @"\b[A-Z][\w'\u2019-]*\s+(?:and|of|&|de|von|van)\s+$") || Regex.IsMatch(sentence[(start + length)..], @"^\s+(?:and|of|&)\s+[A-Z][\w-]*\s+[A-Z]"));

    /// <summary>"the Canary, _____, and Azores Islands": one name of a list is guessed from, or no more important than, its neighbours.</summary>
    private static bool InListOfNames(string sentence, int start, int length)
    {
        if (!char.IsUpper(sentence[start]))
        {
            return false;
        }
        var before = sentence[..start];
        var after = sentence[(start + length)..];
        var itemBefore = Regex.IsMatch(before, @"[A-Z][\w.'\u2019-]*,\s*$");
        var joinedBefore = Regex.IsMatch(before, @"[A-Z][\w.'\u2019-]*,?\s+(?:and|or)\s+(?:the\s+)?$");
        var itemAfter = Regex.IsMatch(after, @"^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?[A-Z]");
        return joinedBefore || (itemBefore && itemAfter);
    }

    /// <summary>A capitalised phrase that names an event, an agreement, a body or a period (the kinds of names a teacher asks for).</summary>
    private static bool NamesAnInstitution(string name) =>
        Regex.IsMatch(name, @"\b(?:Act|Acts|Plan|Doctrine|Treaty|Pact|Conference|Program|Programme|Agreement|Accords?|Convention|Declaration|Charter|Constitution|Council|Congress|Court|Assembly|Party|League|Alliance|Union|Nations|Organization|Organisation|Revolution|War|Wars|Battle|Crisis|Period|Age|Era|Dynasty|Empire|Republic|Movement|Reform|Reformation|Persecution|Blockade|Airlift|Telegram|Speech|Law|Laws|Theory|Principle|Effect|Cycle|System|Bloc|Curtain|Deal|Code|Decree|Edict|Rebellion|Revolt|Massacre|Depression)$");

    /// <summary>People of the same title from the text, none of whom the text makes the right answer too.</summary>
    private List<string> PeopleLike(Entity person, string sentence)
    {
        if (person.Title is null)
        {
            return [];
        }
        return [.. model.People
            .Where(p => p.Name != person.Name && p.Title == person.Title)
            .Select(p => ShortForm(p.Name, person.Name))
            .Where(p => !sentence.Contains(p, StringComparison.Ordinal) && !MadeTrue(p, sentence, person.Name))
            .Distinct()
            .Take(3)];
    }

    /// <summary>When the answer is written as a surname, so are the wrong choices.</summary>
    private static string ShortForm(string full, string answerAsWritten) =>
        answerAsWritten.Contains(' ') ? full : full.Split(' ')[^1];

    /// <summary>A wrong choice the text makes true: another sentence says the same about it.</summary>
    private bool MadeTrue(string choice, string sentence, string answer)
    {
        var context = ContentWords(sentence.Replace(answer, " ", StringComparison.Ordinal));
        return sentences.Where(s => s != sentence && s.Contains(choice, StringComparison.Ordinal))
            .Any(s => ContentWords(s).Intersect(context).Count() >= 3);
    }

    private static HashSet<string> ContentWords(string text) =>
        Regex.Matches(text.ToLowerInvariant(), @"[a-z]{5,}").Select(m => m.Value).ToHashSet();

    private IEnumerable<Candidate> Numbers(int index, string sentence)
    {
        var spans = new List<(int Start, int Length, string Hint, string Key)>();
        foreach (Match m in Quantity().Matches(sentence))
        {
            if (NumberMatters(sentence, m.Index, m.Length, isYear: false))
            {
                spans.Add((m.Index, m.Length, "number", m.Value.Replace(",", "").ToLowerInvariant()));
            }
        }
        foreach (Match m in Year().Matches(sentence))
        {
            var value = int.Parse(m.Groups["num"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var hasEra = m.Groups["era"].Success || m.Groups["era2"].Success;
            var isYear = hasEra || (value is >= 1000 and <= 2100);
            if (!isYear || spans.Any(s => m.Index < s.Start + s.Length && s.Start < m.Index + m.Length) || !NumberMatters(sentence, m.Index, m.Length, isYear: true))
            {
                continue;
            }
            spans.Add((m.Index, m.Length, "year", m.Value.ToLowerInvariant()));
        }
        foreach (var span in spans.OrderBy(s => s.Start).Take(2).Where(s => Spans.Problem(sentence, s.Start, s.Length, Context) is null))
        {
            var score = (span.Hint == "number" ? 3 : 2.8) + Penalty(sentence, 1) + DefinedTermShown(sentence, span.Start, span.Length);
            yield return new Candidate(index, CandidateKind.Number, score, "number:" + span.Key, ClozeNote(sentence, [(span.Start, span.Length, span.Hint)], "number"));
        }
    }

    /// <summary>Never figure numbers, days of a month, conversions in brackets, small counts or the dates of tweets.</summary>
    private static bool NumberMatters(string sentence, int start, int length, bool isYear)
    {
        var before = sentence[..start];
        var after = sentence[(start + length)..];
        if (ReferenceBefore().IsMatch(before) || MonthAfter().IsMatch(after))
        {
            return false;
        }
        if (!isYear && MonthBefore().IsMatch(before))
        {
            return false;
        }
        if (isYear && MonthBefore().IsMatch(before) && Tweet().IsMatch(sentence))
        {
            return false;
        }
        // "the 1764 Sugar Act", "Columbus's 1493 letter": a year that qualifies a name or a noun is a side detail of it.
        if (isYear && Regex.IsMatch(before, @"(?:\b(?:the|a|an|his|her|their|its|this|that)|['\u2019]s?)\s$", RegexOptions.IgnoreCase) && Regex.IsMatch(after, @"^\s[A-Za-z]") && !Regex.IsMatch(sentence.Substring(start, length), @"\d0s\b"))
        {
            return false;
        }
        // "(1.93 million square miles)" after another figure is a conversion.
        var open = before.LastIndexOf('(');
        if (open >= 0 && before.LastIndexOf(')') < open && Regex.IsMatch(before[..open], @"\d[^.]{0,40}$"))
        {
            return false;
        }
        return true;
    }

    /// <summary>"Therefore", "However", "As a result": a connective whose reason or contrast the card does not show.</summary>
    [GeneratedRegex(@"^(?:Therefore|Thus|Hence|Consequently|As a result|For this reason|In addition|Additionally|Moreover|Furthermore|Also|However|Indeed|Similarly|Likewise|In turn|In fact|Instead|In other words|In contrast|By contrast|On the other hand),?\s+(?=[\p{L}\d])")]
    private static partial Regex Connective();

    private NoteDraft ClozeNote(string sentence, IReadOnlyList<(int Start, int Length, string? Hint)> spans, string tag)
    {
        // A cloze stands alone: an opening connective whose reason is not in the card is dropped ("Therefore the demand for labor is called ...").
        if (Context is null && Connective().Match(sentence) is { Success: true } connective && spans.All(s => s.Start > connective.Length))
        {
            var cut = connective.Length;
            var rest = sentence[cut..];
            sentence = char.ToUpperInvariant(rest[0]) + rest[1..];
            spans = [.. spans.Select(s => (s.Start - cut, s.Length, s.Hint))];
        }
        var text = sentence;
        var number = spans.Count;
        foreach (var (start, length, hint) in spans.OrderByDescending(s => s.Start))
        {
            var suffix = hint is null ? "" : "::" + hint;
            var answer = text.Substring(start, length);
            var other = OtherNames.TryGetValue(answer, out var name) && !name.Contains('|') && !name.Contains(':') ? "|" + name : "";
            text = $"{text[..start]}{{{{c{number}::{answer}{other}{suffix}}}}}{text[(start + length)..]}";
            number--;
        }
        var note = new NoteDraft { Kind = CardKind.Cloze, Prompt = Context is null ? text : Context + " " + text, Explanation = Quote(sentence) };
        note.Tags.AddRange(["generated", tag]);
        return note;
    }

    private NoteDraft BasicNote(string prompt, string answer, string sentence, string tag)
    {
        var note = new NoteDraft { Kind = CardKind.Basic, Prompt = prompt, Explanation = Quote(sentence) };
        note.Answers.Add(answer);
        note.Tags.AddRange(["generated", tag]);
        return note;
    }

    private NoteDraft Mcq(string sentence, int start, int length, string question, IReadOnlyList<string> wrong, string tag)
    {
        var answer = sentence.Substring(start, length);
        var note = new NoteDraft
        {
            Kind = CardKind.Mcq,
            Prompt = $"{question}\n> {(Context is null ? "" : Context + " ")}{sentence[..start]}{Blank}{sentence[(start + length)..]}",
            Explanation = Quote(sentence),
        };
        note.Choices.AddRange(wrong.Append(answer).Order(StringComparer.Ordinal).Select(c => new McqChoice(c, c == answer)));
        note.Tags.AddRange(["generated", tag]);
        return note;
    }

    /// <summary>Long sentences and sentences that point back ("this statement") make weaker cards.</summary>
    private static double Penalty(string sentence, int blanks)
    {
        var words = sentence.Split(' ').Length;
        return (words > 40 ? -1.5 : words > 30 ? -0.5 : 0) + (PointsBack().IsMatch(sentence) ? -1 : 0) + (blanks > 1 ? -0.25 : 0);
    }

    private static string? SubjectBefore(string before, out int start)
    {
        // "it is Beijing that must": the cleft's focus is the subject.
        var cleft = Regex.Match(before, @"\bit is (?<s>[A-Z][\w\s.-]{1,40}?) that$");
        if (cleft.Success)
        {
            start = cleft.Groups["s"].Index;
            return cleft.Groups["s"].Value;
        }
        var comma = before.LastIndexOf(", ", StringComparison.Ordinal);
        var dash = before.LastIndexOf('\u2014');
        var colon = before.LastIndexOf(": ", StringComparison.Ordinal);
        var that = before.LastIndexOf(" that ", StringComparison.Ordinal);
        start = new[] { comma < 0 ? 0 : comma + 2, dash < 0 ? 0 : dash + 1, colon < 0 ? 0 : colon + 2, that < 0 ? 0 : that + 6 }.Max();
        start = Math.Min(start, before.Length);
        while (start < before.Length && before[start] == ' ')
        {
            start++;
        }
        var subject = before[start..];
        // "Trump in Singapore" is Trump; a subject is a short noun phrase.
        var prep = Regex.Match(subject, @"^(?<s>[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)*)\s(?:in|at|on)\s[A-Z]");
        if (prep.Success)
        {
            subject = prep.Groups["s"].Value;
        }
        var words = subject.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 6 || Regex.IsMatch(subject, @"^the (?:more|less|better|worse)\b", RegexOptions.IgnoreCase) || subject.Contains('"') || subject.Contains('\u201C') || subject.Contains('\u201D'))
        {
            return null;
        }
        if (words.Length > 1 && !char.IsUpper(words[0][0]) && words[0] is not ("the" or "top"))
        {
            return null;
        }
        return subject;
    }

    private static int LeadInLength(string sentence) => LeadIn().Match(sentence) is { Success: true } m ? m.Length : 0;

    private static bool InsideQuote(string sentence, int at)
    {
        var before = sentence[..at];
        return before.Count(c => c == '"') % 2 == 1 || before.LastIndexOf('\u201C') > before.LastIndexOf('\u201D');
    }

    /// <summary>A subject inside a question: "The long-term goal" becomes "the long-term goal"; names keep their capital.</summary>
    private string Lower(string subject) =>
        Regex.IsMatch(subject, @"^(?:A|An|The|This|These|That|Those|Its|Their)\s") ? char.ToLowerInvariant(subject[0]) + subject[1..]
        : subject.Length > 1 && char.IsUpper(subject[0]) && (subject.StartsWith("The ", StringComparison.Ordinal) || (model.Find(subject).Count == 0 && !Gazetteer.TryGroup(subject, out _) && subject.Split(' ')[0].Skip(1).All(char.IsLower)))
            ? char.ToLowerInvariant(subject[0]) + subject[1..]
            : subject;

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private string Quote(string sentence) => Context is null ? $"\"{sentence}\"" : $"\"{Context} {sentence}\"";

    private static bool Balanced(string text) => text.Count(c => c == '(') == text.Count(c => c == ')') && text.Count(c => c == '[') == text.Count(c => c == ']');
}
