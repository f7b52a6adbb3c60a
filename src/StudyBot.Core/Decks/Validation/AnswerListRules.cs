using StudyBot.Core.Answers;
using StudyBot.Core.Decks.Formats;

namespace StudyBot.Core.Decks.Validation;

/// <summary>
/// Warnings about a typed card's accepted answers that grade unfairly: a YAML flow list that split one
/// answer at its commas (<c>answers: [evaporation, condensation and precipitation]</c> is two answers),
/// and an answer that is the bare first word of another (<c>[global, global smugglers]</c>: "global"
/// accepts anything that starts with it).
/// </summary>
internal static class AnswerListRules
{
    /// <summary>Place names, some of them also common words ("china", "turkey"): "northeast China" names a place.</summary>
    private static readonly HashSet<string> _places = Generation.Gazetteer.Countries.Concat(Generation.Gazetteer.Cities)
        .SelectMany(name => AnswerNormalizer.Normalize(name).Split(' '))
        .ToHashSet(StringComparer.Ordinal);

    public static void Check(DeckCard card, NoteDraft note, DiagnosticBag diagnostics)
    {
        if (card.Kind != CardKind.Typed || card.Answers.Count < 2)
        {
            return;
        }
        var at = note.PositionOf("answers");
        var words = card.Answers.Select(ContentWords).ToList();
        // A list split at its commas ends with its "... and ..." piece; the answers before it with no word in
        // common with it are not other ways to say it, but its first items.
        var i = card.Answers.Count - 1;
        if (IsJoinedList(card.Answers[i]))
        {
            var pieces = Enumerable.Range(0, i)
                .Where(j => words[j].Count > 0 && !words[j].Overlaps(words[i]) && !IsJoinedList(card.Answers[j]))
                .Select(j => card.Answers[j])
                .ToList();
            if (pieces.Count > 0)
            {
                var joined = string.Join(", ", pieces.Append(card.Answers[i]));
                diagnostics.Warning(at, card.Id,
                    $"the answers {string.Join(" and ", pieces.Append(card.Answers[i]).Select(a => $"'{a}'"))} look like one answer split at its commas by the YAML list [...]: "
                    + $"if it is one answer, quote it: answers: [\"{joined}\"]; if they are alternatives, write each as a whole answer.");
                return;
            }
        }
        foreach (var shortAnswer in card.Answers)
        {
            var normal = AnswerNormalizer.Normalize(shortAnswer);
            if (normal.Contains(' ', StringComparison.Ordinal) || !EnglishWords.IsCommon(normal))
            {
                continue;
            }
            // A common word before more common words ("global smugglers"); not a name's first part ("Xi Jinping").
            var longer = card.Answers.FirstOrDefault(a => AnswerNormalizer.Normalize(a) is var other
                && other.StartsWith(normal + " ", StringComparison.Ordinal)
                && other[(normal.Length + 1)..].Split(' ').All(w => EnglishWords.IsCommon(w) && !_places.Contains(w)));
            if (longer is not null)
            {
                diagnostics.Warning(at, card.Id,
                    $"the answer '{shortAnswer}' is the bare first word of '{longer}': it alone accepts any answer that starts with it ('{shortAnswer} ...' of another meaning); "
                    + $"drop it, or keep only the words that name the answer alone.");
                return;
            }
        }
    }

    /// <summary>"condensation and precipitation", "salt &amp; pepper": items joined as a list.</summary>
    private static bool IsJoinedList(string answer)
    {
        var normal = $" {AnswerNormalizer.Normalize(answer.Replace("&", " and ", StringComparison.Ordinal))} ";
        return normal.Contains(" and ", StringComparison.Ordinal);
    }

    private static HashSet<string> ContentWords(string answer)
        => AnswerNormalizer.Normalize(answer).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("and" or "or" or "the" or "a" or "an" or "of"))
            .ToHashSet(StringComparer.Ordinal);
}
