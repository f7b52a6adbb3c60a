using System.Globalization;

namespace StudyBot.Core.Answers;

/// <summary>
/// Reads numbers in the words of a normalised answer: digits ("28500", "2 point 5"), number words
/// ("ninety", "twenty eight thousand five hundred", "1 point 2 million") and decades ("two decades"
/// is "20 years"), so that every way of writing one number compares equal.
/// </summary>
public static class NumberWords
{
    private static readonly Dictionary<string, int> _small = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19, ["dozen"] = 12,
    };

    private static readonly Dictionary<string, int> _tens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60,
        ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly Dictionary<string, decimal> _scales = new(StringComparer.Ordinal)
    {
        ["thousand"] = 1_000m, ["million"] = 1_000_000m, ["billion"] = 1_000_000_000m,
    };

    /// <summary>True for a token that <see cref="Read"/> turned into a number.</summary>
    public static bool IsNumber(string token) => token.Length > 0 && (char.IsAsciiDigit(token[0]) || (token[0] == '-' && token.Length > 1));

    /// <summary>Replaces every run of number words and digits with one token in digits.</summary>
    public static List<string> Read(IReadOnlyList<string> tokens)
    {
        var result = new List<string>(tokens.Count);
        var i = 0;
        while (i < tokens.Count)
        {
            if (Quantity(tokens, i) is { } said)
            {
                // "half a dozen", "a quarter": a quantity said in words, as one number.
                result.Add(Format(said.Value));
                i += said.Used;
                continue;
            }
            if (TryReadNumber(tokens, i, out var value, out var used))
            {
                i += used;
                // "one and a half", "three quarters": a fraction spelled out after the number.
                if (i + 2 < tokens.Count && tokens[i] == "and" && tokens[i + 1] is "a" or "one" && tokens[i + 2] is "half" or "quarter")
                {
                    value += tokens[i + 2] == "half" ? 0.5m : 0.25m;
                    i += 3;
                }
                else if (i < tokens.Count && _fractions.TryGetValue(tokens[i], out var part) && value < 10)
                {
                    value *= part;
                    i++;
                }
                else if (i < tokens.Count && _percentParts.TryGetValue(tokens[i], out var percent) && value * percent <= 100)
                {
                    // "nine tenths" is 90 percent, as "9/10" is.
                    result.Add(Format(value * percent));
                    result.Add("percent");
                    i++;
                    continue;
                }
                // "two decades" is 20 years; "a decade" too.
                if (i < tokens.Count && tokens[i] is "decade" or "decades")
                {
                    result.Add(Format(value * 10));
                    result.Add("years");
                    i++;
                    continue;
                }
                result.Add(Format(value));
                continue;
            }
            // "a decade" (the article may already be gone) is 10 years.
            if (tokens[i] == "decade" && (result.Count == 0 || result[^1] is "a" or "one"))
            {
                if (result.Count > 0)
                {
                    result.RemoveAt(result.Count - 1);
                }
                result.Add("10");
                result.Add("years");
                i++;
                continue;
            }
            result.Add(tokens[i]);
            i++;
        }
        return result;
    }

    /// <summary>"nine tenths", "four fifths": parts read as the percent they make.</summary>
    private static readonly Dictionary<string, decimal> _percentParts = new(StringComparer.Ordinal)
    {
        ["tenth"] = 10, ["tenths"] = 10, ["fifth"] = 20, ["fifths"] = 20, ["hundredth"] = 1, ["hundredths"] = 1,
    };

    /// <summary>"three quarters", "one half": the number before the word counts parts of this size.</summary>
    private static readonly Dictionary<string, decimal> _fractions = new(StringComparer.Ordinal)
    {
        ["half"] = 0.5m, ["halves"] = 0.5m, ["quarter"] = 0.25m, ["quarters"] = 0.25m,
    };

    /// <summary>
    /// A quantity said in words without a number word first: "half a dozen" (6), "a half" (0.5), "a quarter" (0.25);
    /// null where none starts at <paramref name="start"/>.
    /// </summary>
    private static (decimal Value, int Used)? Quantity(IReadOnlyList<string> tokens, int start)
    {
        string At(int i) => start + i < tokens.Count ? tokens[start + i] : "";
        if (At(0) == "half" && At(1) == "a" && At(2) == "dozen")
        {
            return (6, 3);
        }
        // "a couple of years" is two ("a" may already be gone); "a few" and "several" are no number at all.
        if (At(0) == "a" && At(1) == "couple" && At(2) == "of")
        {
            return (2, 3);
        }
        if (At(0) == "couple" && At(1) == "of" && (start == 0 || tokens[start - 1] is not ("the" or "this" or "that")))
        {
            return (2, 2);
        }
        if (At(0) == "a" && At(1) is "half" or "quarter" && At(2) != "of" && At(2) != "century")
        {
            return (At(1) == "half" ? 0.5m : 0.25m, 2);
        }
        return null;
    }

    private static bool TryReadNumber(IReadOnlyList<string> tokens, int start, out decimal value, out int used)
    {
        decimal total = 0;
        decimal current = 0;
        var any = false;
        var lastWasSmall = false;
        var i = start;
        for (; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (IsDigits(token) && !any)
            {
                current = decimal.Parse(token, CultureInfo.InvariantCulture);
                // "2 point 5": the decimal point was spelled out when the answer was split into words.
                if (i + 2 < tokens.Count && tokens[i + 1] == "point" && IsDigits(tokens[i + 2]))
                {
                    current = decimal.Parse($"{token}.{tokens[i + 2]}", CultureInfo.InvariantCulture);
                    i += 2;
                }
                any = true;
                lastWasSmall = true;
            }
            else if (_tens.TryGetValue(token, out var tens) && (!any || (current % 100 == 0 && !lastWasSmall)))
            {
                current += tens;
                any = true;
                lastWasSmall = false;
            }
            else if (_small.TryGetValue(token, out var small) && (!any || (!lastWasSmall && (current % 10 == 0))))
            {
                current += small;
                any = true;
                lastWasSmall = true;
            }
            else if (token == "hundred" && any)
            {
                current = (current == 0 ? 1 : current) * 100;
                any = true;
                lastWasSmall = false;
            }
            else if (_scales.TryGetValue(token, out var scale) && any)
            {
                total += (current == 0 ? 1 : current) * scale;
                current = 0;
                lastWasSmall = false;
            }
            else
            {
                break;
            }
        }
        value = total + current;
        used = i - start;
        return any;
    }

    private static bool IsDigits(string token) => token.Length > 0 && token.All(char.IsAsciiDigit) && token.Length <= 20;

    private static string Format(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);
}
