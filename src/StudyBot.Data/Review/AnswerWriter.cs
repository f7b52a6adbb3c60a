using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using StudyBot.Data.Configurations;
using StudyBot.Data.Entities;
using StudyBot.Data.Infrastructure;

namespace StudyBot.Data.Review;

/// <summary>
/// An answer's writes (the card state row, its log row, and for a quiz the quiz answer row) as one
/// batched, parameterised command inside the caller's transaction: one round trip per answer.
/// Change tracking and SaveChanges cost several times the writes themselves on this hot path. The
/// command is kept on the answer's <see cref="AnswerLane"/> (compiled once per connection) and runs
/// through EF's command diagnostics, so interceptors (the statement counter, EF's logging) see it
/// like any query. The SQL is portable (quoted names, @parameters, RETURNING) and its columns are
/// those the entity configurations map.
/// </summary>
internal static class AnswerWriter
{
    private static readonly string _insertState =
        $"""INSERT INTO "CardStates" ("UserId", "CardId", "Version", {CardMemoryColumns.List("")}) VALUES (@u, @c, @v, {Parameters("m")}) RETURNING "Id";""";

    // RETURNING makes a stale version visible as an empty result, which the caller turns into a retry.
    private static readonly string _updateState =
        $"""UPDATE "CardStates" SET "Version" = @v, {string.Join(", ", CardMemoryColumns.Names.Select(c => $"\"{c}\" = @m{c}"))} WHERE "Id" = @id AND "Version" = @old RETURNING "Id";""";

    private static readonly string _insertLog =
        $"""
        INSERT INTO "ReviewLog" ("UserId", "CardId", "Kind", "Source", "Rating", "AnswerText", "Note", "ResponseTimeMs", "InteractionId", "ReviewedUtc", "DesiredRetention", "FsrsFitId", "ExamUtc", "ExamTarget", "ExamRule", "UndoesId", {CardMemoryColumns.List("Before")}, {CardMemoryColumns.List("After")})
        VALUES (@u, @c, @kind, @source, @rating, @text, @note, @ms, @interaction, @at, @retention, @fit, @exam, @target, @examRule, @undoes, {Parameters("b")}, {Parameters("m")}) RETURNING "Id";
        """;

    private const string InsertQuizAnswer =
        """INSERT INTO "QuizAnswers" ("QuizId", "UserId", "AnswerText", "Rating", "AnsweredUtc", "InteractionId") VALUES (@q, @u, @qtext, @rating, @qat, @interaction) RETURNING "Id";""";

    /// <summary>
    /// Writes one answer on <paramref name="lane"/>, in its open transaction: <paramref name="state"/>
    /// (inserted if it has no id yet, else updated if its version is still <paramref name="expectedVersion"/>),
    /// <paramref name="entry"/> and, for a quiz, <paramref name="quiz"/>, setting their ids. Returns
    /// false when the state's version moved on: the other writes of the command may have run, so the
    /// caller must roll the transaction back. A broken constraint (a repeated interaction id, a state
    /// row created meanwhile, a quiz answered twice) is raised as a <see cref="DbUpdateException"/>.
    /// </summary>
    public static async Task<bool> WriteAsync(AnswerLane lane, UserCardState state, int expectedVersion, ReviewLogEntry entry, QuizAnswer? quiz)
    {
        // The log's "after" columns take the new state's own parameters: one set of values, bound once.
        if (entry.After != state.Memory)
        {
            throw new ArgumentException($"The log entry's state after the answer differs from the card state written for card {state.CardId}.", nameof(entry));
        }
        var insert = state.Id == 0;
        var sql = (insert ? _insertState : _updateState) + "\n" + _insertLog + (quiz is null ? "" : "\n" + InsertQuizAnswer);
        // The lane keeps the command: its parameters are declared on first use, in the order they are set here.
        var command = lane.Command(sql);
        var values = new KeptParameters(command);
        values.Add("@u", (long)state.UserId);
        values.Add("@c", state.CardId);
        values.Add("@v", state.Version);
        Bind(values, "m", state.Memory);
        if (!insert)
        {
            values.Add("@id", state.Id);
            values.Add("@old", expectedVersion);
        }
        values.Add("@kind", entry.Kind.ToString());
        values.Add("@source", entry.Source.ToString());
        values.Add("@rating", entry.Rating is { } rating ? (int)rating : null);
        values.Add("@text", entry.AnswerText);
        values.Add("@note", entry.Note);
        values.Add("@ms", entry.ResponseTimeMs);
        values.Add("@interaction", entry.InteractionId);
        values.Add("@at", entry.ReviewedUtc);
        values.Add("@retention", entry.DesiredRetention);
        values.Add("@fit", entry.FsrsFitId);
        values.Add("@exam", entry.ExamUtc);
        values.Add("@target", entry.ExamTarget);
        values.Add("@examRule", entry.ExamRule);
        values.Add("@undoes", entry.UndoesId);
        Bind(values, "b", entry.Before);
        if (quiz is not null)
        {
            values.Add("@q", quiz.QuizId);
            values.Add("@qtext", quiz.AnswerText);
            values.Add("@qat", quiz.AnsweredUtc);
        }

        try
        {
            await using var rows = await lane.ExecuteReaderAsync(command);
            if (!await rows.ReadAsync())
            {
                return false;
            }
            state.Id = Convert.ToInt64(rows.GetValue(0), CultureInfo.InvariantCulture);
            entry.Id = await NextIdAsync(rows);
            if (quiz is not null)
            {
                quiz.Id = await NextIdAsync(rows);
            }
            return true;
        }
        catch (DbException exception) when (DatabaseErrors.IsConstraintViolation(exception))
        {
            throw new DbUpdateException($"A write to the review tables broke a constraint: {exception.Message}", exception);
        }
    }

    private static async Task<long> NextIdAsync(DbDataReader rows)
    {
        if (!await rows.NextResultAsync() || !await rows.ReadAsync())
        {
            throw new InvalidOperationException("An answer's insert returned no id.");
        }
        return Convert.ToInt64(rows.GetValue(0), CultureInfo.InvariantCulture);
    }

    private static string Parameters(string prefix) => string.Join(", ", CardMemoryColumns.Names.Select(c => $"@{prefix}{c}"));

    private static void Bind(KeptParameters values, string prefix, CardMemory memory)
    {
        values.Add($"@{prefix}Due", memory.Due);
        values.Add($"@{prefix}Stability", memory.Stability);
        values.Add($"@{prefix}Difficulty", memory.Difficulty);
        values.Add($"@{prefix}ElapsedDays", memory.ElapsedDays);
        values.Add($"@{prefix}ScheduledDays", memory.ScheduledDays);
        values.Add($"@{prefix}LearningSteps", memory.LearningSteps);
        values.Add($"@{prefix}Reps", memory.Reps);
        values.Add($"@{prefix}Lapses", memory.Lapses);
        values.Add($"@{prefix}State", (int)memory.State);
        values.Add($"@{prefix}LastReview", memory.LastReview);
        values.Add($"@{prefix}Suspended", memory.Suspended);
        values.Add($"@{prefix}Leech", memory.Leech);
    }
}
