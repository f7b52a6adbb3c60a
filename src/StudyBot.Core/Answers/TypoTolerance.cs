namespace StudyBot.Core.Answers;

/// <summary>
/// How many edits a typed answer may be off and still count as a near miss, scaled by the expected
/// answer's length: none for short words (where one letter changes the word: "cat"/"car"), one up
/// to 7 letters, then one more per 6 letters.
/// </summary>
public static class TypoTolerance
{
    public static int AllowedEdits(int expectedLength) => expectedLength switch
    {
        < 4 => 0,
        <= 7 => 1,
        _ => 1 + (expectedLength - 2) / 6,
    };
}
