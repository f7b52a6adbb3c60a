using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using StudyBot.Data.Entities;
using StudyBot.Data.Infrastructure;

namespace StudyBot.Data.Review;

/// <summary>
/// An answer's writes (the card state row, its log row, and for a quiz the quiz answer row) as one
/// batched, parameterised command inside the caller's transaction: one round trip per answer.
/// Change tracking and SaveChanges cost several times the writes themselves on this hot path. The
/// command runs through EF's relational command path, so interceptors (the statement counter, EF's
/// logging) see it like any query. The SQL is portable (quoted names, @parameters, RETURNING) and
/// its columns are those the entity configurations map.
/// </summary>
internal static class AnswerWriter
{
    private static readonly string[] _memoryColumns =
        ["Due", "Stability", "Difficulty", "ElapsedDays", "ScheduledDays", "LearningSteps", "Reps", "Lapses", "State", "LastReview", "Suspended", "Leech"];

    private static readonly string _insertState =
        $"""INSERT INTO "CardStates" ("UserId", "CardId", "Version", {Columns("")}) VALUES (@u, @c, @v, {Parameters("m")}) RETURNING "Id";""";

    // RETURNING makes a stale version visible as an empty result, which the caller turns into a retry.
    private static readonly string _updateState =
        $"""UPDATE "CardStates" SET "Version" = @v, {string.Join(", ", _memoryColumns.Select(c => $"\"{c}\" = @m{c}"))} WHERE "Id" = @id AND "Version" = @old RETURNING "Id";""";

    private static readonly string _insertLog =
        $"""
        INSERT INTO "ReviewLog" ("UserId", "CardId", "Kind", "Source", "Rating", "AnswerText", "Note", "ResponseTimeMs", "InteractionId", "ReviewedUtc", "DesiredRetention", "FsrsFitId", "UndoesId", {Columns("Before")}, {Columns("After")})
        VALUES (@u, @c, @kind, @source, @rating, @text, @note, @ms, @interaction, @at, @retention, @fit, @undoes, {Parameters("b")}, {Parameters("a")}) RETURNING "Id";
        """;

    private const string InsertQuizAnswer =
        """INSERT INTO "QuizAnswers" ("QuizId", "UserId", "AnswerText", "Rating", "AnsweredUtc", "InteractionId") VALUES (@q, @u, @qtext, @rating, @qat, @interaction) RETURNING "Id";""";

    /// <summary>
    /// Writes one answer: <paramref name="state"/> (inserted if it has no id yet, else updated if its
    /// version is still <paramref name="expectedVersion"/>), <paramref name="entry"/> and, for a quiz,
    /// <paramref name="quiz"/>, setting their ids. Returns false when the state's version moved on:
    /// the other writes of the command may have run, so the caller must roll the transaction back.
    /// A broken constraint (a repeated interaction id, a state row created meanwhile, a quiz answered
    /// twice) is raised as a <see cref="DbUpdateException"/>.
    /// </summary>
    public static async Task<bool> WriteAsync(StudyDbContext db, UserCardState state, int expectedVersion, ReviewLogEntry entry, QuizAnswer? quiz)
    {
        var insert = state.Id == 0;
        var parameters = new CommandParameters(DbProviderFactories.GetFactory(db.Database.GetDbConnection()) ?? throw new InvalidOperationException("The database connection names no provider."));
        parameters.Add("@u", (long)state.UserId);
        parameters.Add("@c", state.CardId);
        parameters.Add("@v", state.Version);
        parameters.Bind("m", state.Memory);
        if (!insert)
        {
            parameters.Add("@id", state.Id);
            parameters.Add("@old", expectedVersion);
        }
        parameters.Add("@kind", entry.Kind.ToString());
        parameters.Add("@source", entry.Source.ToString());
        parameters.Add("@rating", entry.Rating is { } rating ? (int)rating : null);
        parameters.Add("@text", entry.AnswerText);
        parameters.Add("@note", entry.Note);
        parameters.Add("@ms", entry.ResponseTimeMs);
        parameters.Add("@interaction", entry.InteractionId);
        parameters.Add("@at", entry.ReviewedUtc);
        parameters.Add("@retention", entry.DesiredRetention);
        parameters.Add("@fit", entry.FsrsFitId);
        parameters.Add("@undoes", entry.UndoesId);
        parameters.Bind("b", entry.Before);
        parameters.Bind("a", entry.After);
        if (quiz is not null)
        {
            parameters.Add("@q", quiz.QuizId);
            parameters.Add("@qtext", quiz.AnswerText);
            parameters.Add("@qat", quiz.AnsweredUtc);
        }
        var sql = (insert ? _insertState : _updateState) + "\n" + _insertLog + (quiz is null ? "" : "\n" + InsertQuizAnswer);

        try
        {
            var command = db.GetService<IRawSqlCommandBuilder>().Build(sql, parameters.Values, db.Model);
            await using var reader = await command.RelationalCommand.ExecuteReaderAsync(new RelationalCommandParameterObject(
                db.GetService<IRelationalConnection>(), command.ParameterValues, null, db, db.GetService<IRelationalCommandDiagnosticsLogger>(), CommandSource.ExecuteSqlRaw));
            var rows = reader.DbDataReader;
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

    private static string Columns(string prefix) => string.Join(", ", _memoryColumns.Select(c => $"\"{prefix}{c}\""));

    private static string Parameters(string prefix) => string.Join(", ", _memoryColumns.Select(c => $"@{prefix}{c}"));

    /// <summary>The provider's own parameter objects, so the same SQL runs on any provider.</summary>
    private sealed class CommandParameters(DbProviderFactory factory)
    {
        public List<object> Values { get; } = new(64);

        public void Add(string name, object? value)
        {
            var parameter = factory.CreateParameter() ?? throw new InvalidOperationException("The database provider makes no parameters.");
            parameter.ParameterName = name;
            // Times are stored in UTC (as the context's converter stores them), marked UTC for Npgsql's timestamptz.
            parameter.Value = value switch
            {
                null => DBNull.Value,
                DateTime time => time.Kind switch
                {
                    DateTimeKind.Local => time.ToUniversalTime(),
                    DateTimeKind.Unspecified => DateTime.SpecifyKind(time, DateTimeKind.Utc),
                    _ => time,
                },
                _ => value,
            };
            Values.Add(parameter);
        }

        public void Bind(string prefix, CardMemory memory)
        {
            Add($"@{prefix}Due", memory.Due);
            Add($"@{prefix}Stability", memory.Stability);
            Add($"@{prefix}Difficulty", memory.Difficulty);
            Add($"@{prefix}ElapsedDays", memory.ElapsedDays);
            Add($"@{prefix}ScheduledDays", memory.ScheduledDays);
            Add($"@{prefix}LearningSteps", memory.LearningSteps);
            Add($"@{prefix}Reps", memory.Reps);
            Add($"@{prefix}Lapses", memory.Lapses);
            Add($"@{prefix}State", (int)memory.State);
            Add($"@{prefix}LastReview", memory.LastReview);
            Add($"@{prefix}Suspended", memory.Suspended);
            Add($"@{prefix}Leech", memory.Leech);
        }
    }
}
