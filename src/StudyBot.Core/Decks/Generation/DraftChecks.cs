using System.Text.RegularExpressions;
using StudyBot.Core.Decks.Formats;

namespace StudyBot.Core.Decks.Generation;

/// <summary>
/// The last filter over a draft, card by card against the cards already kept: a card is left out
/// when its answer is shown elsewhere in its own prompt (in any number: "lacuna" beside "lacunae"),
/// when a blank starts or ends with a function word, when its answer (singular or plural) is
/// already asked by another card, when its question is word for word another card's question
/// with another answer (a prompt with several right answers), or when what it shows points back
/// ("it", "this process", "do so") to a sentence it does not show. Each rule is one a reader can
/// check without judging what matters.
/// </summary>
public static partial class DraftChecks
{
    [GeneratedRegex(@"\{\{c\d+::(?<answer>[^:}]+)(?:::[^}]*)?\}\}")]
    private static partial Regex Cloze();

    [GeneratedRegex(@"^(?:(?:However|But|And|So|Yet|Moreover|Also|Still|Thus|Therefore|Indeed|In addition|For example|For instance)\s*,?\s+)+")]
    private static partial Regex LeadIn();

    /// <summary>The answers a card asks for: the deletions of a cloze, the right choice of an mcq, the answer of a basic card.</summary>
    public static IReadOnlyList<string> Answers(NoteDraft note) =>
        note.Kind == CardKind.Cloze ? [.. Cloze().Matches(note.Prompt ?? "").Select(m => m.Groups["answer"].Value.Split('|')[0].Trim())]
        : note.Kind == CardKind.Mcq ? [.. note.Choices.Where(c => c.Correct).Select(c => c.Text)]
        : [.. note.Answers];

    /// <summary>What the student sees: the prompt with each blank as "_____".</summary>
    public static string Shown(NoteDraft note) => Cloze().Replace(note.Prompt ?? "", Candidates.Blank);

    /// <summary>Why <paramref name="note"/> may not join a draft that already holds <paramref name="kept"/>, or null.</summary>
    public static string? Problem(NoteDraft note, IEnumerable<NoteDraft> kept)
    {
        var answers = Answers(note);
        var key = string.Join("|", answers.Select(Key));
        var question = Question(note);
        foreach (var other in kept)
        {
            if (answers.Count > 0 && Answers(other).Select(Key).Any(k => answers.Select(Key).Contains(k)))
            {
                return $"its answer '{answers[0]}' is already asked by another card";
            }
            if (question is not null && question == Question(other) && key != string.Join("|", Answers(other).Select(Key)))
            {
                return $"its question '{question}' is another card's question with another answer";
            }
        }
        return OwnProblem(note);
    }

    /// <summary>Why the card is faulty on its own (an answer shown beside itself, a blank at a function word, an opening that points back), or null.</summary>
    public static string? OwnProblem(NoteDraft note)
    {
        var shown = Shown(note);
        var answers = Answers(note);
        foreach (var answer in answers)
        {
            var words = answer.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                return "an empty blank";
            }
            if (note.Kind != CardKind.Basic)
            {
                if (Spans.IsFunctionWord(words[0]) || Spans.IsFunctionWord(words[^1].TrimEnd('.', ',')))
                {
                    return $"the blank '{answer}' starts or ends with a function word";
                }
                if (Mentions(shown, answer))
                {
                    return $"the blank '{answer}' is answered elsewhere in its own prompt";
                }
                if (Echo(shown, words) is { } echo)
                {
                    return $"the blank '{answer}' is given away by '{echo}' beside it";
                }
                // "Silver chloride ... into its elements, silver and chlorine": every word of a longer answer shown beside it.
                var content = words.Select(w => w.Trim(',', '.', '\'', '"')).Where(w => w.Length >= 4 && !Spans.IsFunctionWord(w)).ToList();
                if (content.Count >= 2 && content.All(w => Regex.IsMatch(shown, $@"(?<![\w-]){Regex.Escape(w[..Math.Min(5, w.Length)])}", RegexOptions.IgnoreCase)))
                {
                    return $"every word of the blank '{answer}' is shown beside it";
                }
            }
            else if (words.Length <= 6 && Mentions(shown.Replace("\n", " "), answer.TrimEnd('.')))
            {
                return $"the answer '{answer}' is shown in its own prompt";
            }
            else if (GarbledQuestion().Match(shown) is { Success: true } garbled)
            {
                return $"the question is cut inside a phrase ('{garbled.Value.Trim()}')";
            }
        }
        // The first sentence shown must stand on its own (a sentence after it may point back to it).
        var opening = SentenceSplitter.Split(Opening(note, shown)).FirstOrDefault() ?? "";
        if (Referents.PointsBack(LeadIn().Replace(opening, "")) is { } pointer)
        {
            return $"'{pointer}' points back to a sentence the card does not show";
        }
        return null;
    }

    /// <summary>A basic card's question with its quote: two such cards with one wording have several right answers.</summary>
    public static string? Question(NoteDraft note) =>
        note.Kind == CardKind.Basic && note.Prompt is { } prompt ? prompt.Trim() : null;

    /// <summary>"What causes whether it ...", a quote ending "does not change just": a question or quote cut inside a phrase.</summary>
    [GeneratedRegex(@"^What\s+(?:causes|caused|leads\s+to|led\s+to)\s+(?:whether|if|that|which|it|this|these|they|them|there)\b|\b(?:just|only|simply|partly|mainly|largely|primarily|even|not|and|or|of|the|an?)\s*(?:\u2026|\.\.\.)?\s*$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex GarbledQuestion();

    private static readonly string[] _pairPrefixes = ["anti", "non", "un", "in", "im", "il", "ir", "dis", "hetero", "homo", "hyper", "hypo", "endo", "exo", "intra", "inter", "extra", "sub", "super", "pre", "post"];

    private static readonly string[] _compass = ["north", "south", "east", "west"];

    /// <summary>
    /// A word beside the blank that gives one of its words away: a derivation ("stratum basale" beside "basal cells",
    /// "democracy" beside "democratic"), the other half of a pair ("Anti-Federalists" beside "Federalists",
    /// "heterogeneous" beside "homogeneous", "Southern Hemisphere" beside "the north"); null when none does.
    /// </summary>
    private static string? Echo(string shown, IReadOnlyList<string> words)
    {
        var beside = Regex.Matches(shown, @"[\p{L}][\p{L}'-]*").Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length >= 4).Distinct().ToList();
        foreach (var raw in words)
        {
            var a = raw.Trim(',', '.', '\'', '"', '(', ')').ToLowerInvariant();
            if (a.Length < 5 || Spans.IsFunctionWord(a))
            {
                continue;
            }
            foreach (var b in beside)
            {
                if (Singular(a) == Singular(b))
                {
                    continue;
                }
                var shared = 0;
                while (shared < Math.Min(a.Length, b.Length) && a[shared] == b[shared])
                {
                    shared++;
                }
                if (b.Length >= 5 && shared >= Math.Max(5, Math.Min(a.Length, b.Length) - 2))
                {
                    return b;
                }
                if (Root(a) is { Length: >= 5 } ra && ra == Root(b) && a != b)
                {
                    return b;
                }
                // A direction of two words at most against another direction standing alone ("the north"), not a name ("North Atlantic ...").
                if (words.Count <= 2 && _compass.FirstOrDefault(c => a.StartsWith(c, StringComparison.Ordinal)) is { } ca && _compass.FirstOrDefault(c => b == c || b == c + "ern") is { } cb && ca != cb)
                {
                    return b;
                }
            }
        }
        return null;
    }

    /// <summary>A word without a prefix that makes its opposite or its pair ("anti-federalists" and "federalists" share "federalists").</summary>
    private static string Root(string word)
    {
        var w = Singular(word.Replace("-", ""));
        foreach (var prefix in _pairPrefixes)
        {
            if (w.StartsWith(prefix, StringComparison.Ordinal) && w.Length - prefix.Length >= 5)
            {
                return w[prefix.Length..];
            }
        }
        return w;
    }

    /// <summary>The sentence a card shows first: the quote of a basic or mcq card, else the cloze text.</summary>
    private static string Opening(NoteDraft note, string shown)
    {
        var quote = shown.IndexOf("\n> ", StringComparison.Ordinal);
        return quote >= 0 ? shown[(quote + 3)..] : note.Kind == CardKind.Basic ? "" : shown;
    }

    /// <summary>One answer in any number and case: "The lacunae" and "lacuna", "electrons" and "Electron" are one.</summary>
    public static string Key(string answer)
    {
        var words = Regex.Replace(answer.ToLowerInvariant().Trim().TrimEnd('.'), @"^(?:the|an?)\s+", "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return "";
        }
        words[^1] = Singular(words[^1]);
        return string.Join(' ', words);
    }

    private static string Singular(string word) =>
        word.Length <= 3 ? word
        : word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
        : word.EndsWith("ae", StringComparison.Ordinal) ? word[..^1]
        : Regex.IsMatch(word, @"(?:ss|x|ch|sh|z)es$") ? word[..^2]
        : word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal) ? word[..^1]
        : word;

    /// <summary>The answer, or its other number, as words of the text.</summary>
    private static bool Mentions(string text, string answer) => Key(answer).Length > 0 && InEitherNumber(answer, withArticle: true).IsMatch(text);

    /// <summary>A pattern for the phrase with its last word in either number ("lacuna" and "lacunae", "colony" and "colonies").</summary>
    internal static Regex InEitherNumber(string phrase, bool withArticle = false)
    {
        var words = Key(phrase).Split(' ');
        var stem = words[^1];
        var last = $"(?:{Regex.Escape(stem)}(?:s|es|e)?{(stem.EndsWith('y') ? "|" + Regex.Escape(stem[..^1]) + "ies" : "")})";
        var pattern = string.Join(@"\s+", words[..^1].Select(Regex.Escape).Append(last));
        return new Regex($@"(?<![\w-]){(withArticle ? @"(?:the\s+|an?\s+)?" : "")}{pattern}(?![\w-])", RegexOptions.IgnoreCase);
    }
}
