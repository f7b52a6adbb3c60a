using System.Data.Common;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Study;
using StudyBot.Data.Configurations;
using StudyBot.Data.Entities;

namespace StudyBot.Data.Review;

/// <summary>The settings an answer is scheduled with: the student's retention and adopted fit (its weights as JSON).</summary>
internal sealed record AnswerSettings(double DesiredRetention, long? FsrsFitId, string? FsrsWeights, double? ExamTarget = null)
{
    public static readonly AnswerSettings Defaults = new(new UserSettings().DesiredRetention, null, null);
}

/// <summary>What an answer needs of its quiz question: which, when it opened and closes, and the choices stored with it.</summary>
internal sealed record AnswerQuiz(long Id, DateTime OpenedUtc, DateTime ClosesUtc, DateTime? ClosedUtc, string? Choices);

/// <summary>The student's earlier answer to the quiz question.</summary>
internal sealed record PreviousQuizAnswer(string AnswerText, Rating Rating);

/// <summary>
/// Everything one answer reads, in one statement: the card's version (its content is cached), the
/// student's state and settings, an answer already saved under the interaction id, how many log
/// entries the card has (a review prompt's nonce), the deck (for the screen), for a quiz, the
/// question and the student's earlier answer to it, and the deck's next exam after now.
/// </summary>
internal sealed record AnswerRead(
    int CardId,
    int ChangedInVersion,
    UserCardState? State,
    AnswerSettings? Settings,
    AnswerResult? Saved,
    int Entries,
    string DeckKey,
    string DeckTitle,
    ulong DeckGuildId,
    string? GuildName,
    AnswerQuiz? Quiz,
    PreviousQuizAnswer? Previous,
    DateTime? NextExamUtc = null)
{
    public AnswerDeck Deck => new(DeckKey, DeckTitle, DeckGuildId, GuildName);
}

/// <summary>
/// The answer's one read as hand-written SQL on a lane's kept command (portable: quoted names,
/// @parameters; <c>HandWrittenSqlTests</c> checks its names against both providers' models). A
/// review answer reads by card; a quiz answer by quiz, whose card it answers.
/// </summary>
internal static class AnswerReader
{
    private static readonly string _columns =
        $"""
        SELECT c."Id", c."ChangedInVersion", d."Key", d."Title", d."GuildId", g."Name",
        s."Id", s."Version", {CardMemoryColumns.List("", "s")},
        u."UserId", u."DesiredRetention", u."FsrsFitId", u."FsrsWeights",
        (SELECT COUNT(*) FROM "ReviewLog" AS e WHERE e."UserId" = @u AND e."CardId" = c."Id"),
        v."Id", v."Rating", v."Note", {CardMemoryColumns.List("Before", "v")}, {CardMemoryColumns.List("After", "v")}
        """;

    /// <summary>The card's deck's next exam after the answer's time, and the student's exam target.</summary>
    private const string NextExam =
        """
        (SELECT MIN(x."AtUtc") FROM "ExamDates" AS x WHERE x."DeckId" = c."DeckId" AND x."GuildId" = d."GuildId" AND x."AtUtc" > @n), u."ExamTarget"
        """;

    private const string Joins =
        """
        INNER JOIN "Decks" AS d ON d."Id" = c."DeckId"
        LEFT JOIN "Guilds" AS g ON g."Id" = d."GuildId"
        LEFT JOIN "CardStates" AS s ON s."UserId" = @u AND s."CardId" = c."Id"
        LEFT JOIN "UserSettings" AS u ON u."UserId" = @u
        LEFT JOIN "ReviewLog" AS v ON v."InteractionId" = @i
        """;

    /// <summary>A review answer: by card.</summary>
    private static readonly string _byCard =
        $"""
        {_columns}, NULL, NULL, NULL, NULL, NULL, NULL, NULL, {NextExam}
        FROM "Cards" AS c
        {Joins}
        WHERE c."Id" = @c
        LIMIT 1
        """;

    /// <summary>A quiz answer: by quiz, with the student's earlier answer to it.</summary>
    private static readonly string _byQuiz =
        $"""
        {_columns}, q."Id", q."OpenedUtc", q."ClosesUtc", q."ClosedUtc", q."Choices", p."AnswerText", p."Rating", {NextExam}
        FROM "Quizzes" AS q
        INNER JOIN "Cards" AS c ON c."Id" = q."CardId"
        {Joins}
        LEFT JOIN "QuizAnswers" AS p ON p."QuizId" = q."Id" AND p."UserId" = @u
        WHERE q."Id" = @q
        LIMIT 1
        """;

    /// <summary>The SQL the read sends (for tests that check its names).</summary>
    internal static IReadOnlyList<string> Statements => [_byCard, _byQuiz];

    /// <summary>Reads what <paramref name="request"/> needs; null when its card (or quiz) does not exist.</summary>
    public static async Task<AnswerRead?> ReadAsync(AnswerLane lane, AnswerRequest request)
    {
        var byQuiz = request.QuizId is not null;
        var command = lane.Command(byQuiz ? _byQuiz : _byCard);
        var values = new KeptParameters(command);
        values.Add("@u", (long)request.UserId);
        values.Add("@i", request.InteractionId);
        values.Add("@n", request.NowUtc);
        if (byQuiz)
        {
            values.Add("@q", request.QuizId!.Value);
        }
        else
        {
            values.Add("@c", request.CardId);
        }

        await using var reader = await lane.ExecuteReaderAsync(command);
        return await reader.ReadAsync() ? Map(reader, request.UserId) : null;
    }

    private static AnswerRead Map(DbDataReader r, ulong userId)
    {
        var cardId = r.GetInt32(0);
        // Column positions follow the SELECT list: a card memory takes one column per name.
        var memory = CardMemoryColumns.Names.Length;
        const int state = 6;
        var settings = state + 2 + memory;
        var entries = settings + 4;
        var saved = entries + 1;
        var quiz = saved + 3 + (2 * memory);
        var exam = quiz + 7;
        var stored = r.IsDBNull(state) ? null : new UserCardState
        {
            Id = r.GetInt64(state),
            UserId = userId,
            CardId = cardId,
            Version = r.GetInt32(state + 1),
            Memory = Memory(r, state + 2),
        };
        var previousRating = r.IsDBNull(quiz + 6) ? (Rating?)null : (Rating)r.GetInt32(quiz + 6);
        return new AnswerRead(
            cardId,
            r.GetInt32(1),
            stored,
            r.IsDBNull(settings) ? null : new AnswerSettings(r.GetDouble(settings + 1), NullableInt64(r, settings + 2), r.IsDBNull(settings + 3) ? null : r.GetString(settings + 3), r.IsDBNull(exam + 1) ? null : r.GetDouble(exam + 1)),
            r.IsDBNull(saved) ? null : Saved(r, saved, cardId),
            Convert.ToInt32(r.GetValue(entries), System.Globalization.CultureInfo.InvariantCulture),
            r.GetString(2),
            r.GetString(3),
            unchecked((ulong)r.GetInt64(4)),
            r.IsDBNull(5) ? null : r.GetString(5),
            r.IsDBNull(quiz) ? null : new AnswerQuiz(r.GetInt64(quiz), Utc(r.GetDateTime(quiz + 1)), Utc(r.GetDateTime(quiz + 2)), r.IsDBNull(quiz + 3) ? null : Utc(r.GetDateTime(quiz + 3)), r.IsDBNull(quiz + 4) ? null : r.GetString(quiz + 4)),
            previousRating is { } rating ? new PreviousQuizAnswer(r.GetString(quiz + 5), rating) : null,
            r.IsDBNull(exam) ? null : Utc(r.GetDateTime(exam)));
    }

    /// <summary>The answer already saved under the interaction id, as its first result was.</summary>
    private static AnswerResult Saved(DbDataReader r, int at, int cardId)
    {
        var id = r.GetInt64(at);
        var rating = r.IsDBNull(at + 1) ? throw new InvalidOperationException($"Log entry {id} is not an answer.") : (Rating)r.GetInt32(at + 1);
        var before = Memory(r, at + 3);
        var after = Memory(r, at + 3 + CardMemoryColumns.Names.Length);
        return new AnswerResult(id, cardId, rating, before.ToFsrs(), after.ToFsrs(), after.Suspended, LeechRule.Evaluate(before.Lapses, after.Lapses),
            r.IsDBNull(at + 2) ? null : r.GetString(at + 2), Duplicate: true);
    }

    private static CardMemory Memory(DbDataReader r, int at) => new()
    {
        Due = Utc(r.GetDateTime(at)),
        Stability = r.GetDouble(at + 1),
        Difficulty = r.GetDouble(at + 2),
        ElapsedDays = r.GetInt32(at + 3),
        ScheduledDays = r.GetInt32(at + 4),
        LearningSteps = r.GetInt32(at + 5),
        Reps = r.GetInt32(at + 6),
        Lapses = r.GetInt32(at + 7),
        State = (CardState)r.GetInt32(at + 8),
        LastReview = r.IsDBNull(at + 9) ? null : Utc(r.GetDateTime(at + 9)),
        Suspended = r.GetBoolean(at + 10),
        Leech = r.GetBoolean(at + 11),
    };

    /// <summary>Every stored time is UTC (SQLite keeps no kind), as the context's converter reads it.</summary>
    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static long? NullableInt64(DbDataReader r, int at) => r.IsDBNull(at) ? null : r.GetInt64(at);
}
