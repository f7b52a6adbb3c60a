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
            // The card's log count for the student (a review prompt's nonce): from the (UserId, CardId) index alone.
            Assert.True(
                plan.Any(step => step.Contains("SEARCH e USING COVERING INDEX IX_ReviewLog_UserId_CardId (UserId=? AND CardId=?)", StringComparison.Ordinal)),
                $"the log count is not found by IX_ReviewLog_UserId_CardId:\n{string.Join('\n', plan)}");
        }
    }

    [Fact]
    public async Task NotUndone_FindsUndosByTheirIndex()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = await db.Services.GetRequiredService<IDbContextFactory<StudyDbContext>>().CreateDbContextAsync();
        // The filter every statistic and the undo use: a student's answers that no undo points at.
        var sql = context.ReviewLog
            .Where(l => l.UserId == 42UL && l.Kind == ReviewKind.Answer && !context.ReviewLog.Any(u => u.UndoesId == l.Id))
            .ToQueryString();

        var plan = await PlanAsync(db, sql);

        Assert.Contains(plan, step => step.Contains("USING COVERING INDEX IX_ReviewLog_UndoesId (UndoesId=?)", StringComparison.Ordinal));
        // The student's answers come from their own index, not from a scan of everyone's log.
        Assert.Contains(plan, step => step.Contains("USING INDEX IX_ReviewLog_UserId_", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
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
}
