using System.Globalization;
using StudyBot.Discord.Interactions;
using static StudyBot.Discord.Interactions.CustomIdField;

namespace StudyBot.Features.Quiz;

/// <summary>A choice button of a quiz question: the question (quiz id) and the index of the choice.</summary>
public sealed record QuizChoiceId(long QuizId, int ChoiceIndex);

/// <summary>The "Type your answer" button of a quiz question, or its modal: the question (quiz id).</summary>
public sealed record QuizQuestionId(long QuizId);

/// <summary>An instructor's "accept" of one wrong wording of a closed typed question: the question and one of that wording's answers.</summary>
public sealed record QuizWordingId(long QuizId, long AnswerId);

/// <summary>
/// Every custom_id of quiz questions, and what each number in it means. These layouts are on
/// questions already posted in Discord, so they never change.
/// </summary>
public static class QuizIds
{
    public const string AnswerField = "answer";

    /// <summary>A choice button: <c>qz:{quizId}:{choice}</c>.</summary>
    public static readonly CustomIdKind<QuizChoiceId> Answer = new(
        "qz:", [Long("quizId"), Int("choice")],
        c => [c.QuizId, c.ChoiceIndex],
        n => new QuizChoiceId(n[0], (int)n[1]));

    /// <summary>The "Type your answer" button: <c>qt:{quizId}</c>.</summary>
    public static readonly CustomIdKind<QuizQuestionId> Type = Question("qt:");

    /// <summary>The answer modal: <c>qm:{quizId}</c>.</summary>
    public static readonly CustomIdKind<QuizQuestionId> Modal = Question("qm:");

    /// <summary>"Wrong answers" under a closed typed question (instructors): <c>qw:{quizId}</c>.</summary>
    public static readonly CustomIdKind<QuizQuestionId> WrongAnswers = Question("qw:");

    /// <summary>Accepting one wrong wording of a closed typed question for everyone: <c>qa:{quizId}:{quizAnswerId}</c>.</summary>
    public static readonly CustomIdKind<QuizWordingId> AcceptWording = new(
        "qa:", [Long("quizId"), Long("quizAnswerId")],
        w => [w.QuizId, w.AnswerId],
        n => new QuizWordingId(n[0], n[1]));

    /// <summary>One key per student per question: the review log and the quiz answers are unique on it, so a student is graded once.</summary>
    public static string AnswerKey(long quizId, ulong userId) => string.Create(CultureInfo.InvariantCulture, $"quiz:{quizId}:{userId}");

    private static CustomIdKind<QuizQuestionId> Question(string prefix) => new(
        prefix, [Long("quizId")],
        q => [q.QuizId],
        n => new QuizQuestionId(n[0]));
}
