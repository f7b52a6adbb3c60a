namespace StudyBot.Core.Decks.Generation;

/// <summary>
/// Splits prose into sentences at '.', '!' or '?' followed by a space and a capital, digit or
/// quote, except after abbreviations, initials and the like.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Sgt", "Capt", "Sen", "Rep", "Gov", "Pres", "St", "Jr", "Sr",
        "vs", "etc", "e.g", "i.e", "No", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "U.S", "U.K", "U.N", "Inc", "Ltd", "Co", "Corp", "approx", "est", "Mt", "Ft",
    };

    public static IEnumerable<string> Split(string paragraph)
    {
        var start = 0;
        for (var i = 0; i < paragraph.Length; i++)
        {
            var c = paragraph[i];
            if (c is not ('.' or '!' or '?'))
            {
                continue;
            }
            var end = i + 1;
            while (end < paragraph.Length && paragraph[end] is '"' or '\'' or '\u201D' or '\u2019' or ')')
            {
                end++;
            }
            if (end >= paragraph.Length || paragraph[end] != ' ')
            {
                continue;
            }
            var next = end + 1 < paragraph.Length ? paragraph[end + 1] : '\0';
            if (!(char.IsUpper(next) || char.IsDigit(next) || next is '"' or '\u201C' or '\''))
            {
                continue;
            }
            if (c == '.' && IsAbbreviation(paragraph, start, i))
            {
                continue;
            }
            yield return paragraph[start..end].Trim();
            start = end + 1;
        }
        if (start < paragraph.Length && paragraph[start..].Trim().Length > 0)
        {
            yield return paragraph[start..].Trim();
        }
    }

    private static bool IsAbbreviation(string text, int sentenceStart, int dot)
    {
        var wordStart = dot;
        while (wordStart > sentenceStart && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] != '(')
        {
            wordStart--;
        }
        var word = text[wordStart..dot];
        // A single capital is an initial ("John F. Kennedy"); dotted forms like "U.S" are abbreviations.
        return (word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.Contains(word);
    }
}
