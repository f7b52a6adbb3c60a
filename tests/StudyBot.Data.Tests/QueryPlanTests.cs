using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Data.Entities;
using StudyBot.Data.Infrastructure;
using StudyBot.Data.Review;
using StudyBot.Data.Tests.Support;

namespace StudyBot.Data.Tests;

/// <summary>
/// The indexes the busiest statements rely on, seen in SQLite's query plans (EXPLAIN QUERY PLAN
/// names the index each step uses). SQLite only: PostgreSQL chooses by its table statistics, so a
/// plan taken on a test's small tables would say nothing of a class's.
/// </summary>
public sealed class QueryPlanTests
{
    [Fact]
    public async Task AnswerRead_EveryTableFoundByKeyOrIndex_NoneScanned()
    {
        await using var db = await TestDatabase.CreateAsync();
        foreach (var sql in AnswerReader.Statements)
        {
            var plan = await PlanAsync(db, sql);

            Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
            // The card's log count for the student: by the (CardId, UserId) index, which also serves the card's foreign key.
            Assert.True(
                plan.Any(step => step.Contains("SEARCH e USING COVERING INDEX IX_ReviewLog_CardId_UserId (CardId=? AND UserId=?)", StringComparison.Ordinal)),
                $"the log count is not found by IX_ReviewLog_CardId_UserId:\n{string.Join('\n', plan)}");
        }
    }

    [Fact]
    public async Task NotUndone_FindsUndosByTheirIndex_WhichHoldsOnlyUndos()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = await db.Services.GetRequiredService<IDbContextFactory<StudyDbContext>>().CreateDbContextAsync();
        // The filter every statistic and the undo use: a student's answers that no undo points at.
        var sql = context.ReviewLog
            .Where(l => l.UserId == 42UL && l.Kind == ReviewKind.Answer && !context.ReviewLog.Any(u => u.UndoesId == l.Id))
            .ToQueryString();

        var plan = await PlanAsync(db, sql);

        Assert.Contains(plan, step => step.Contains("USING COVERING INDEX IX_ReviewLog_UndoesId (UndoesId=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
        // Partial: an answer's row (UndoesId null) is not entered in it.
        Assert.Equal("\"UndoesId\" IS NOT NULL", await IndexFilterAsync(db, "IX_ReviewLog_UndoesId"));
    }

    private static async Task<List<string>> PlanAsync(TestDatabase db, string sql)
    {
        await using var connection = new SqliteConnection(StudyDbOptions.ConnectionString(db.Path));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }
        Assert.True(steps.Count > 0, $"no plan for: {sql}");
        return steps;
    }

    private static async Task<string> IndexFilterAsync(TestDatabase db, string index)
    {
        await using var connection = new SqliteConnection(StudyDbOptions.ConnectionString(db.Path));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = $name";
        command.Parameters.AddWithValue("$name", index);
        var sql = (string?)await command.ExecuteScalarAsync() ?? throw new Xunit.Sdk.XunitException($"no index {index}");
        var where = sql.IndexOf(" WHERE ", StringComparison.OrdinalIgnoreCase);
        return where < 0 ? "" : sql[(where + " WHERE ".Length)..];
    }
}
