using StudyBot.Core.Answers;
using StudyBot.Core.Scheduling;

namespace StudyBot.Core.Tests.Answers;

/// <summary>
/// The synonym rule (<see cref="Synonyms"/>): one word of an accepted answer put in a WordNet synonym is Hard with a note
/// naming both words; wrong answers of the same shape stay refused. Answers/SynonymCases.tsv holds the table.
/// </summary>
public class SynonymTests
{
    /// <summary>The table's rows: where each stands, its subject, the card's accepted answers, the student's answer, the teacher's rating.</summary>
    public static TheoryData<string, string, string, string, Rating> Table()
    {
        var rows = new TheoryData<string, string, string, string, Rating>();
        var path = Path.Combine(AppContext.BaseDirectory, "Answers", "SynonymCases.tsv");
        foreach (var (line, number) in File.ReadLines(path).Select((line, i) => (line, i + 1)).Where(l => l.line.Length > 0 && l.line[0] != '#'))
        {
            var cells = line.Split('\t');
            if (cells is not [var subject, var accepted, "-", var answer, var rating] || !Enum.TryParse<Rating>(rating, out var teacher))
            {
                throw new InvalidDataException($"{path} line {number}: expected subject, accepted answers, '-', the answer and a rating, tab-separated; got '{line}'.");
            }
            rows.Add($"SynonymCases.tsv line {number}", subject, accepted, answer, teacher);
        }
        return rows;
    }

    [Fact]
    public void Table_AtLeast60Rows_BothWays_InEachSubject()
    {
        var rows = Table().Select(r => (Subject: (string)r[1], Rating: (Rating)r[4])).ToList();

        Assert.True(rows.Count >= 60, $"{rows.Count} rows");
        Assert.All(new[] { "geography", "history", "science" }, subject =>
        {
            Assert.Contains((subject, Rating.Hard), rows);
            Assert.Contains((subject, Rating.Again), rows);
        });
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Grade_TableRow_AsTheTeacherRatedIt(string where, string subject, string accepted, string answer, Rating teacher)
    {
        var verdict = TypedGrader.Grade(accepted.Split(" | ", StringSplitOptions.TrimEntries), answer);

        Assert.True(verdict.Rating == teacher && (teacher != Rating.Hard || verdict.Rule == Synonyms.Rule),
            $"{where} ({subject}): '{answer}' for [{accepted}] is {verdict.Rating} (rule={verdict.Rule}, {verdict.Note}), expected {teacher}");
    }

    [Fact]
    public void Grade_Synonym_IsHard_NamingBothWords_AndTheCardsAnswer()
    {
        var verdict = TypedGrader.Grade(["nuclear weapons", "nukes"], "atomic weapons");

        Assert.Equal(Rating.Hard, verdict.Rating);
        Assert.Equal(Synonyms.Rule, verdict.Rule);
        Assert.Equal("Hard: 'atomic' read as a synonym of 'nuclear'; expected nuclear weapons", verdict.Note);
    }

    [Fact]
    public void Grade_Collocation_ReadAsOneWord()
    {
        var verdict = TypedGrader.Grade(["the larynx"], "the voice box");

        Assert.Equal(Rating.Hard, verdict.Rating);
        Assert.Contains("'voice box' read as a synonym of 'larynx'", verdict.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Grade_TwoWordsChanged_IsNotOneSynonym()
    {
        // "atomic" is a synonym of "nuclear", "arms" is not "energy": only one word may be put in another.
        Assert.Equal(Rating.Again, TypedGrader.Grade(["nuclear energy"], "atomic arms").Rating);
        Assert.Equal(Rating.Again, TypedGrader.Grade(["peace treaty signed"], "peace pact broken").Rating);
    }

    [Theory]
    [InlineData("Bush", "shrub")] // a name is never a synonym's word, though "bush" is a word too
    [InlineData("Treaty of Versailles", "Pact of Versailles")]
    [InlineData("the Great War", "the Great Warfare")]
    public void Grade_Names_NeverGoThroughTheSynonymRule(string accepted, string given)
        => Assert.Equal(Rating.Again, TypedGrader.Grade([accepted], given).Rating);

    [Fact]
    public void Grade_CardAnswerInSentenceCase_IsNoName()
        => Assert.Equal((Rating.Hard, Synonyms.Rule), (TypedGrader.Grade(["Nuclear weapons"], "atomic weapons") is var v ? (v.Rating, v.Rule) : default));

    [Fact]
    public void Grade_ExactOrFairForm_NeverGoesThroughTheSynonymRule()
    {
        Assert.Equal(Rating.Good, TypedGrader.Grade(["nuclear weapons"], "Nuclear weapons").Rating);
        Assert.Equal(Rating.Good, TypedGrader.Grade(["the neighbourhood"], "the neighborhood").Rating);
    }

    [Theory]
    [InlineData("atomic", "nuclear")]
    [InlineData("pact", "treaty")]
    [InlineData("uprising", "rebellion")]
    [InlineData("vicinity", "neighbourhood")]
    [InlineData("nations", "countries")]
    [InlineData("voice box", "larynx")]
    [InlineData("cease-fire", "truce")]
    [InlineData("shrub", "bush")] // the word behind the name "Bush" (Grade_Names_NeverGoThroughTheSynonymRule)
    public void AreSynonyms_FairPairs(string given, string expected) => Assert.True(Synonyms.AreSynonyms(given, expected));

    [Theory]
    [InlineData("conventional", "nuclear")] // another kind of the same thing
    [InlineData("animal", "dog")] // a wider word
    [InlineData("molecule", "atom")] // "atom" as "a tiny piece": a sense WordNet's tagged texts never use
    [InlineData("illegal", "legal")] // an opposite
    [InlineData("unlawful", "lawful")] // a WordNet antonym
    [InlineData("region", "regions")] // one word in two forms: the other rules decide
    [InlineData("western", "eastern")]
    [InlineData("may", "march")] // months are dates, never synonyms
    [InlineData("france", "germany")]
    [InlineData("the", "a")]
    public void AreSynonyms_WrongPairs(string given, string expected) => Assert.False(Synonyms.AreSynonyms(given, expected));

    [Fact]
    public void Lexicon_ReadsAllOfItsFile_WithRanksAndAntonyms()
    {
        var lexicon = Synonyms.Lexicon;

        Assert.InRange(lexicon.SynsetCount, 20_000, 40_000);
        Assert.InRange(lexicon.LemmaCount, 40_000, 80_000);
        Assert.Contains(lexicon.SensesOf("nuclear").ToArray(), s => s.Rank == 1 && s.Tagged);
        Assert.True(lexicon.AreAntonyms(["legal"], ["illegal"]));
        Assert.False(lexicon.AreAntonyms(["legal"], ["lawful"]));
        Assert.True(lexicon.SensesOf("france").IsEmpty);
    }

    [Fact]
    public async Task Grade_FromManyThreadsAtOnce_GivesOneVerdict()
    {
        var verdicts = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => TypedGrader.Grade(["a peace treaty"], "a peace pact"))));

        Assert.All(verdicts, v => Assert.Equal((Rating.Hard, Synonyms.Rule), (v.Rating, v.Rule)));
    }
}
