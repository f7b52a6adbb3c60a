using StudyBot.Core.Answers;
using StudyBot.Core.Scheduling;

namespace StudyBot.Core.Tests.Answers;

/// <summary>
/// The grading rules on cards of other subjects than the essay (history, science, geography), read from
/// Answers/GradingCases.tsv: each line is a card's accepted answers, its own sentence, a student's answer and
/// the rating a teacher gives it. Every line is graded, and every disagreement listed at once.
/// </summary>
public class GradingCasesTests
{
    private sealed record Case(string Line, string Subject, string[] Accepted, string? CardText, string Answer, Rating Rating);

    private static readonly Lazy<IReadOnlyList<Case>> _cases = new(Read);

    [Fact]
    public void Cases_AtLeast200_AcrossThreeSubjects()
    {
        Assert.True(_cases.Value.Count >= 200, $"{_cases.Value.Count} cases");
        Assert.Equal(["geography", "history", "science"], _cases.Value.Select(c => c.Subject).Distinct().Order(StringComparer.Ordinal));
        foreach (var subject in new[] { "geography", "history", "science" })
        {
            var cases = _cases.Value.Where(c => c.Subject == subject).ToList();
            Assert.Contains(cases, c => c.Rating == Rating.Good);
            Assert.Contains(cases, c => c.Rating == Rating.Again);
        }
    }

    [Theory]
    [InlineData("geography")]
    [InlineData("history")]
    [InlineData("science")]
    public void Grade_EveryCase_AsTheTeacherRatedIt(string subject)
    {
        var wrong = _cases.Value
            .Where(c => c.Subject == subject)
            .Select(c => (Case: c, Verdict: TypedGrader.Grade(c.Accepted, c.Answer, c.CardText)))
            .Where(r => r.Verdict.Rating != r.Case.Rating)
            .Select(r => $"{r.Case.Line}: [{string.Join(" | ", r.Case.Accepted)}] '{r.Case.Answer}' is {r.Verdict.Rating} (rule={r.Verdict.Rule}, {r.Verdict.Note}), expected {r.Case.Rating}")
            .ToList();

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static List<Case> Read()
    {
        var cases = new List<Case>();
        // GradingCases.tsv and the tables beside it (GradingCases.*.tsv), in the same columns.
        foreach (var path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Answers"), "GradingCases*.tsv").Order(StringComparer.Ordinal))
        {
            Read(path, cases);
        }
        return cases;
    }

    private static void Read(string path, List<Case> cases)
    {
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || lines[i].StartsWith('#'))
            {
                continue;
            }
            var cells = lines[i].Split('\t');
            if (cells.Length != 5 || !Enum.TryParse<Rating>(cells[4], out var rating))
            {
                throw new InvalidDataException($"{path} line {i + 1}: expected 5 tab-separated cells (subject, accepted, card sentence, answer, rating), got '{lines[i]}'.");
            }
            var accepted = cells[1].Split(" | ", StringSplitOptions.TrimEntries);
            cases.Add(new Case($"{Path.GetFileName(path)} line {i + 1}", cells[0], accepted, cells[2] == "-" ? null : cells[2], cells[3], rating));
        }
    }
}
