using StudyBot.Core.Scheduling;

namespace StudyBot.Core.Answers;

/// <summary>What a student gave in reply to a card.</summary>
public abstract record StudentAnswer
{
    /// <summary>The answer as it goes into the review log (null for a self-grade).</summary>
    public abstract string? LogText { get; }
}

/// <summary>Text typed into a modal (typed and cloze cards).</summary>
public sealed record TypedAnswer(string Text) : StudentAnswer
{
    public override string? LogText => Text;
}

/// <summary>
/// "I was right": the student's typed answer, graded wrong, which the student counts as right.
/// Logged with the answer text so that instructors see which wording the card's answers miss.
/// </summary>
public sealed record OverrideAnswer(string Text) : StudentAnswer
{
    public const string Note = "counted as right at the student's word";

    /// <summary>
    /// Only an answer with a letter or a digit in it can be counted as right: nothing, spaces,
    /// punctuation or emoji alone answer nothing, so there is nothing to have been right about.
    /// </summary>
    public static bool CanOverride(string? text) => text is not null && text.Any(char.IsLetterOrDigit);

    public override string? LogText => Text;
}

/// <summary>The index (in file order) of the multiple-choice option picked.</summary>
public sealed record ChoiceAnswer(int Index) : StudentAnswer
{
    private const string LogPrefix = "choice ";

    public override string? LogText => LogPrefix + Index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads back the choice index that <see cref="LogText"/> wrote into the review log.</summary>
    public static bool TryParseLogText(string? logText, out int index)
    {
        index = -1;
        return logText is not null
            && logText.StartsWith(LogPrefix, StringComparison.Ordinal)
            && int.TryParse(logText.AsSpan(LogPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out index);
    }
}

/// <summary>The student's own grade after seeing the answer (basic and cloze cards).</summary>
public sealed record SelfGrade(Rating Rating) : StudentAnswer
{
    public override string? LogText => null;
}

/// <summary>
/// The rating an answer earns, and what to tell the student about it; <see cref="Rule"/> names the grading
/// rule that decided ("typo", "spelling", "number" ...), for instructors (<c>studybot deck grade --explain</c>).
/// </summary>
public sealed record AnswerVerdict(Rating Rating, string? Note)
{
    public string? Rule { get; init; }
}
