using System.Globalization;

namespace StudyBot.Features.Quiz;

/// <summary>
/// Custom ids of quiz components: choice buttons (<c>qz:{quizId}:{choiceIndex}</c>), the "Type your
/// answer" button (<c>qt:{quizId}</c>) and its modal (<c>qm:{quizId}</c>), and the key answers are saved under.
/// </summary>
public static class QuizIds
{
    public const string Answer = "qz:";
    public const string Type = "qt:";
    public const string Modal = "qm:";
    public const string AnswerField = "answer";

    public static string AnswerOf(long quizId, int choiceIndex) => string.Create(CultureInfo.InvariantCulture, $"{Answer}{quizId}:{choiceIndex}");

    public static string TypeOf(long quizId) => string.Create(CultureInfo.InvariantCulture, $"{Type}{quizId}");

    public static string ModalOf(long quizId) => string.Create(CultureInfo.InvariantCulture, $"{Modal}{quizId}");

    /// <summary>One key per student per question: the review log and the quiz answers are unique on it, so a student is graded once.</summary>
    public static string AnswerKey(long quizId, ulong userId) => string.Create(CultureInfo.InvariantCulture, $"quiz:{quizId}:{userId}");

    public static bool TryParse(string argument, out long quizId, out int choiceIndex)
    {
        choiceIndex = 0;
        var parts = argument.Split(':');
        quizId = 0;
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out quizId)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out choiceIndex);
    }

    public static bool TryParse(string argument, out long quizId)
        => long.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out quizId);
}
