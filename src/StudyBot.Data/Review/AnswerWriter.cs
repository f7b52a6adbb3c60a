using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using StudyBot.Data.Entities;
using StudyBot.Data.Infrastructure;

namespace StudyBot.Data.Review;

/// <summary>
/// The answer path's two writes (the card state row, then one log row) as parameterised SQL on the
/// context's own connection and transaction. Change tracking and SaveChanges cost several times the
/// writes themselves on this hot path; the SQL is portable (quoted names, RETURNING) and the columns
/// are those the entity configurations map. Failures surface as EF would raise them, so callers
/// treat them alike: a stale version is a <see cref="DbUpdateConcurrencyException"/>, a broken
/// unique key a <see cref="DbUpdateException"/>.
/// </summary>
internal static class AnswerWriter
{
    private static readonly string[] _memoryColumns =
        ["Due", "Stability", "Difficulty", "ElapsedDays", "ScheduledDays", "LearningSteps", "Reps", "Lapses", "State", "LastReview", "Suspended", "Leech"];

    private static readonly string _insertState =
        $"""INSERT INTO "CardStates" ("UserId", "CardId", "Version", {Columns("")}) VALUES (@u, @c, @v, {Parameters("m")}) RETURNING "Id";""";

    private static readonly string _updateState =
        $"""UPDATE "CardStates" SET "Version" = @v, {string.Join(", ", _memoryColumns.Select(c => $"\"{c}\" = @m{c}"))} WHERE "Id" = @id AND "Version" = @old;""";

    private static readonly string _insertLog =
        $"""
        INSERT INTO "ReviewLog" ("UserId", "CardId", "Kind", "Source", "Rating", "AnswerText", "Note", "ResponseTimeMs", "InteractionId", "ReviewedUtc", "DesiredRetention", "FsrsFitId", "UndoesId", {Columns("Before")}, {Columns("After")})
        VALUES (@u, @c, @kind, @source, @rating, @text, @note, @ms, @interaction, @at, @retention, @fit, @undoes, {Parameters("b")}, {Parameters("a")}) RETURNING "Id";
        """;

    private const string InsertQuizAnswer =
        """INSERT INTO "QuizAnswers" ("QuizId", "UserId", "AnswerText", "Rating", "AnsweredUtc", "InteractionId") VALUES (@q, @u, @text, @rating, @at, @interaction) RETURNING "Id";""";

    /// <summary>Writes <paramref name="state"/>: inserts it if it has no id yet, else updates it if its version is still <paramref name="expectedVersion"/>.</summary>
    public static async Task WriteStateAsync(DbConnection connection, DbTransaction transaction, UserCardState state, int expectedVersion)
    {
        await using var command = Command(connection, transaction, state.Id == 0 ? _insertState : _updateState);
        Add(command, "@v", state.Version);
        Bind(command, "m", state.Memory);
        if (state.Id == 0)
        {
            Add(command, "@u", (long)state.UserId);
            Add(command, "@c", state.CardId);
            state.Id = Convert.ToInt64(await ExecuteAsync(command, scalar: true), CultureInfo.InvariantCulture);
            return;
        }
        Add(command, "@id", state.Id);
        Add(command, "@old", expectedVersion);
        if ((int)(await ExecuteAsync(command, scalar: false))! != 1)
        {
            throw new DbUpdateConcurrencyException($"Card state {state.Id} changed since it was read (expected version {expectedVersion}).");
        }
    }

    /// <summary>Appends <paramref name="entry"/> to the review log and sets its id.</summary>
    public static async Task InsertLogAsync(DbConnection connection, DbTransaction transaction, ReviewLogEntry entry)
    {
        await using var command = Command(connection, transaction, _insertLog);
        Add(command, "@u", (long)entry.UserId);
        Add(command, "@c", entry.CardId);
        Add(command, "@kind", entry.Kind.ToString());
        Add(command, "@source", entry.Source.ToString());
        Add(command, "@rating", entry.Rating is { } rating ? (int)rating : null);
        Add(command, "@text", entry.AnswerText);
        Add(command, "@note", entry.Note);
        Add(command, "@ms", entry.ResponseTimeMs);
        Add(command, "@interaction", entry.InteractionId);
        Add(command, "@at", entry.ReviewedUtc);
        Add(command, "@retention", entry.DesiredRetention);
        Add(command, "@fit", entry.FsrsFitId);
        Add(command, "@undoes", entry.UndoesId);
        Bind(command, "b", entry.Before);
        Bind(command, "a", entry.After);
        entry.Id = Convert.ToInt64(await ExecuteAsync(command, scalar: true), CultureInfo.InvariantCulture);
    }

    /// <summary>Records a quiz answer beside the review it made; its unique keys (quiz and user, interaction) refuse a second one.</summary>
    public static async Task InsertQuizAnswerAsync(DbConnection connection, DbTransaction transaction, QuizAnswer answer)
    {
        await using var command = Command(connection, transaction, InsertQuizAnswer);
        Add(command, "@q", answer.QuizId);
        Add(command, "@u", (long)answer.UserId);
        Add(command, "@text", answer.AnswerText);
        Add(command, "@rating", (int)answer.Rating);
        Add(command, "@at", answer.AnsweredUtc);
        Add(command, "@interaction", answer.InteractionId);
        answer.Id = Convert.ToInt64(await ExecuteAsync(command, scalar: true), CultureInfo.InvariantCulture);
    }

    private static async Task<object?> ExecuteAsync(DbCommand command, bool scalar)
    {
        try
        {
            return scalar ? await command.ExecuteScalarAsync() : await command.ExecuteNonQueryAsync();
        }
        catch (DbException exception) when (DatabaseErrors.IsConstraintViolation(exception))
        {
            // A repeated interaction id, or a state row another answer created first.
            throw new DbUpdateException($"A write to the review tables broke a constraint: {exception.Message}", exception);
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Bind(DbCommand command, string prefix, CardMemory memory)
    {
        Add(command, $"@{prefix}Due", memory.Due);
        Add(command, $"@{prefix}Stability", memory.Stability);
        Add(command, $"@{prefix}Difficulty", memory.Difficulty);
        Add(command, $"@{prefix}ElapsedDays", memory.ElapsedDays);
        Add(command, $"@{prefix}ScheduledDays", memory.ScheduledDays);
        Add(command, $"@{prefix}LearningSteps", memory.LearningSteps);
        Add(command, $"@{prefix}Reps", memory.Reps);
        Add(command, $"@{prefix}Lapses", memory.Lapses);
        Add(command, $"@{prefix}State", (int)memory.State);
        Add(command, $"@{prefix}LastReview", memory.LastReview);
        Add(command, $"@{prefix}Suspended", memory.Suspended);
        Add(command, $"@{prefix}Leech", memory.Leech);
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        // Times are stored in UTC (as the context's converter stores them), marked UTC for Npgsql's timestamptz.
        parameter.Value = value switch
        {
            null => DBNull.Value,
            DateTime time => time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc),
            _ => value,
        };
        command.Parameters.Add(parameter);
    }

    private static string Columns(string prefix) => string.Join(", ", _memoryColumns.Select(c => $"\"{prefix}{c}\""));

    private static string Parameters(string prefix) => string.Join(", ", _memoryColumns.Select(c => $"@{prefix}{c}"));
}
