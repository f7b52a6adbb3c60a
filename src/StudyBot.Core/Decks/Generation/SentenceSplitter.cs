namespace StudyBot.Core.Decks.Generation;

/// <summary>
/// Splits prose into sentences at '.', '!' or '?' followed by a space and a capital, digit, quote
/// or bracket, except after abbreviations (U.S., pro-U.S., r., c., e.g., Dr., St.), initials
/// ("George C. Marshall") and inside brackets or quotes that are still open.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> _abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Sgt", "Capt", "Sen", "Rep", "Gov", "Pres", "St", "Jr", "Sr",
        "vs", "etc", "cf", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Inc", "Ltd", "Co", "Corp", "approx", "est", "Mt", "Ft", "r", "c", "ca", "fl", "b", "d", "al", "vol", "pp", "p",
        "ch", "fig", "figs", "Ave", "Rev", "Hon", "Adm", "Gens",
    };

    private const string Closers = "\"'\u201D\u2019)]";

    public static IEnumerable<string> Split(string paragraph)
    {
        var start = 0;
        var brackets = 0;
        var quoted = false;
        for (var i = 0; i < paragraph.Length; i++)
        {
            var c = paragraph[i];
            switch (c)
            {
                case '(' or '[':
                    brackets++;
                    continue;
                case ')' or ']':
                    brackets = Math.Max(0, brackets - 1);
                    continue;
                case '\u201C':
                    quoted = true;
                    continue;
                case '\u201D':
                    quoted = false;
                    continue;
                case '"':
                    quoted = !quoted;
                    continue;
            }
            if (c is not ('.' or '!' or '?'))
            {
                continue;
            }
            var end = i + 1;
            var (depth, inQuote) = (brackets, quoted);
            while (end < paragraph.Length && Closers.Contains(paragraph[end]))
            {
                switch (paragraph[end])
                {
                    case ')' or ']':
                        depth = Math.Max(0, depth - 1);
                        break;
                    case '"' or '\u201D':
                        inQuote = false;
                        break;
                }
                end++;
            }
            if (end >= paragraph.Length || paragraph[end] != ' ' || depth > 0 || inQuote)
            {
                continue;
            }
            var next = end + 1 < paragraph.Length ? paragraph[end + 1] : '\0';
            if (!(char.IsUpper(next) || char.IsDigit(next) || next is '"' or '\u201C' or '\'' or '(' or '['))
            {
                continue;
            }
            if (c == '.' && IsAbbreviation(paragraph, start, i, next))
            {
                continue;
            }
            (brackets, quoted) = (depth, inQuote);
            yield return paragraph[start..end].Trim();
            start = end + 1;
            i = end;
        }
        if (start < paragraph.Length && paragraph[start..].Trim().Length > 0)
        {
            yield return paragraph[start..].Trim();
        }
    }

    private static bool IsAbbreviation(string text, int sentenceStart, int dot, char next)
    {
        var wordStart = dot;
        while (wordStart > sentenceStart && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] is not ('(' or '[' or '"' or '\u201C'))
        {
            wordStart--;
        }
        var word = text[wordStart..dot];
        // "pro-U.S." and "anti-U.N.": the part after the last hyphen decides.
        var hyphen = word.LastIndexOf('-');
        if (hyphen >= 0 && hyphen < word.Length - 1)
        {
            word = word[(hyphen + 1)..];
        }
        if (word.Length == 0)
        {
            return false;
        }
        // A single capital is an initial ("George C. Marshall"); dotted forms like "U.S" and "e.g" are abbreviations.
        if ((word.Length == 1 && char.IsUpper(word[0])) || (word.Contains('.') && word.All(ch => char.IsLetter(ch) || ch == '.')))
        {
            return true;
        }
        // "No. 5", but "said no. Then" ends a sentence.
        if (word.Equals("No", StringComparison.OrdinalIgnoreCase))
        {
            return char.IsDigit(next);
        }
        return _abbreviations.Contains(word);
    }
}
