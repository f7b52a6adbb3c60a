using System.Globalization;

namespace StudyBot.Features.Quiz;

/// <summary>Custom ids of quiz buttons (<c>qz:{quizId}:{choiceIndex}</c>) and the keys answers are saved under.</summary>
public static class QuizIds
{
    public const string Answer = "qz:";

    public static string AnswerOf(long quizId, int choiceIndex) => string.Create(CultureInfo.InvariantCulture, $"{Answer}{quizId}:{choiceIndex}");

    /// <summary>One key per student per quiz: the review log and the quiz answers are unique on it, so a student is graded once.</summary>
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
}
