using System.Text;

namespace StudyBot.Core.Decks.Formats;

/// <summary>
/// One <c>{{cN::answer::hint}}</c> deletion in a cloze note. <see cref="Answer"/> is what the text
/// shows; <see cref="Alternatives"/> are the other answers accepted when the blank is typed
/// (<c>{{c1::the United States|US|America}}</c>).
/// </summary>
public sealed record ClozeDeletion(int Number, string Answer, string? Hint, int Start, int Length)
{
    public IReadOnlyList<string> Alternatives { get; init; } = [];
}

/// <summary>
/// Anki's cloze syntax: <c>{{c1::answer}}</c> or <c>{{c1::answer::hint}}</c>. Each number is one
/// card; a number used twice blanks both places on the same card. StudyBot adds accepted
/// alternatives after '|': <c>{{c1::the United States|US::which country?}}</c> shows "the United
/// States" and accepts "US" too.
/// </summary>
public static class Cloze
{
    /// <summary>What a blank looks like when it has no hint.</summary>
    public const string Blank = "[...]";

    public static bool HasDeletions(string text) => text.Contains("{{c", StringComparison.Ordinal) && Parse(text).Deletions.Count > 0;

    /// <summary>
    /// Finds the deletions and the problems in their syntax (an unclosed, empty or unnumberable
    /// deletion, a third '::' part, stray braces), each naming the character where it is.
    /// </summary>
    public static (IReadOnlyList<ClozeDeletion> Deletions, IReadOnlyList<string> Problems) Parse(string text)
    {
        var deletions = new List<ClozeDeletion>();
        var problems = new List<string>();
        var i = 0;
        var outside = 0;
        while ((i = text.IndexOf("{{c", i, StringComparison.Ordinal)) >= 0)
        {
            var j = i + 3;
            while (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                j++;
            }
            if (j == i + 3 || !text.AsSpan(j).StartsWith("::"))
            {
                i = j;
                continue;
            }
            if (!int.TryParse(text.AsSpan(i + 3, j - i - 3), out var number))
            {
                problems.Add($"the deletion number 'c{text[(i + 3)..j]}' {Where(i)} is too large: number deletions c1, c2, c3, ...");
                var end = text.IndexOf("}}", j, StringComparison.Ordinal);
                StrayBraces(text, outside, i, problems);
                i = outside = end < 0 ? j : end + 2;
                continue;
            }
            var bodyStart = j + 2;
            var close = text.IndexOf("}}", bodyStart, StringComparison.Ordinal);
            var nextOpen = text.IndexOf("{{c", bodyStart, StringComparison.Ordinal);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close))
            {
                problems.Add($"the deletion '{Shorten(text[i..])}' {Where(i)} is not closed: end it with '}}}}'.");
                StrayBraces(text, outside, i, problems);
                i = outside = bodyStart;
                continue;
            }
            var body = text[bodyStart..close];
            var hintAt = body.IndexOf("::", StringComparison.Ordinal);
            var thirdAt = hintAt < 0 ? -1 : body.IndexOf("::", hintAt + 2, StringComparison.Ordinal);
            StrayBraces(text, outside, i, problems);
            outside = close + 2;
            if (thirdAt >= 0)
            {
                problems.Add($"the deletion c{number} {Where(i)} has a third '::' part ('{Shorten(body[(thirdAt + 2)..])}'): a deletion is {{{{c{number}::answer}}}} or {{{{c{number}::answer::hint}}}}.");
                i = close + 2;
                continue;
            }
            var variants = (hintAt < 0 ? body : body[..hintAt]).Split('|', StringSplitOptions.TrimEntries);
            var answer = variants[0];
            var hint = hintAt < 0 ? null : body[(hintAt + 2)..].Trim();
            if (number == 0)
            {
                problems.Add($"'{{{{c0::' {Where(i)} is not a deletion number: numbers start at c1.");
            }
            else if (answer.Length == 0)
            {
                problems.Add($"the deletion c{number} {Where(i)} is empty: put the hidden words between '{{{{c{number}::' and '}}}}'.");
            }
            else if (variants.Any(v => v.Length == 0))
            {
                problems.Add($"the deletion c{number} {Where(i)} has an empty alternative: write '{{{{c{number}::answer|other answer}}}}' with text on both sides of each '|'.");
            }
            else
            {
                deletions.Add(new ClozeDeletion(number, answer, string.IsNullOrEmpty(hint) ? null : hint, i, close + 2 - i) { Alternatives = variants[1..] });
            }
            i = close + 2;
        }
        StrayBraces(text, outside, text.Length, problems);
        return (deletions, problems);
    }

    /// <summary>
    /// The note's text with <paramref name="alternative"/> accepted in every deletion numbered <paramref name="number"/>
    /// (<c>{{c1::answer}}</c> becomes <c>{{c1::answer|alternative}}</c>, a hint kept after it); null when the
    /// alternative cannot be written inside a deletion (it holds '|', '::', '{{' or '}}').
    /// </summary>
    public static string? WithAlternative(string text, int number, string alternative)
    {
        if (alternative.Length == 0 || alternative.Contains('|') || alternative.Contains("::", StringComparison.Ordinal)
            || alternative.Contains("{{", StringComparison.Ordinal) || alternative.Contains("}}", StringComparison.Ordinal))
        {
            return null;
        }
        var result = new StringBuilder(text.Length + alternative.Length + 1);
        var at = 0;
        foreach (var d in Parse(text).Deletions.Where(d => d.Number == number))
        {
            var close = d.Start + d.Length - 2;
            var hintAt = text.IndexOf("::", text.IndexOf("::", d.Start, StringComparison.Ordinal) + 2, StringComparison.Ordinal);
            var end = hintAt >= 0 && hintAt < close ? hintAt : close;
            result.Append(text, at, end - at).Append('|').Append(alternative);
            at = end;
        }
        return result.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>The text as shown for card <paramref name="number"/>: its deletions blanked, the others shown.</summary>
    public static string Render(string text, IReadOnlyList<ClozeDeletion> deletions, int number)
    {
        var result = new StringBuilder(text.Length);
        var at = 0;
        foreach (var d in deletions)
        {
            result.Append(text, at, d.Start - at);
            result.Append(d.Number == number ? (d.Hint is null ? Blank : $"[{d.Hint}]") : d.Answer);
            at = d.Start + d.Length;
        }
        result.Append(text, at, text.Length - at);
        return result.ToString();
    }

    /// <summary>The text with every deletion shown: the full sentence, as on the back of the card.</summary>
    public static string Reveal(string text) => Render(text, Parse(text).Deletions, -1);

    /// <summary>'{{' or '}}' outside every deletion: a typo that would show braces on the card.</summary>
    private static void StrayBraces(string text, int from, int to, List<string> problems)
    {
        foreach (var braces in new[] { "{{", "}}" })
        {
            var at = from <= to ? text.IndexOf(braces, from, to - from, StringComparison.Ordinal) : -1;
            if (at >= 0)
            {
                problems.Add($"stray '{braces}' {Where(at)}, outside any deletion: remove it, or write the deletion as {{{{c1::words}}}}.");
            }
        }
    }

    private static string Where(int index) => $"at character {index + 1} of the text";

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..27] + "...";
}
