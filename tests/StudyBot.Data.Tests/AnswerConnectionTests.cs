using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Answers;
using StudyBot.Core.Scheduling;
using StudyBot.Data.Entities;
using StudyBot.Data.Infrastructure;
using StudyBot.Data.Tests.Support;

namespace StudyBot.Data.Tests;

/// <summary>
/// The answer path's one kept connection: its statements are built once and reused, and on a
/// SQLite file its commits leave WAL checkpoints to the background checkpointer, which runs them,
/// and the connection's native handle goes back to the pool with SQLite's own checkpoints on.
/// </summary>
public sealed class AnswerConnectionTests
{
    [Fact]
    public async Task AnswerAsync_ManyAnswers_OneConnectionKeepsOneCommandPerStatement()
    {
        await using var db = await TestDatabase.CreateAsync();
        var cards = await db.NumberedCardsAsync("d", 10);
        var now = Utc.At(2026, 3, 2, 12);

        // Twenty answers: ten new cards (the state row inserted), then the same ten again (updated).
        for (var i = 0; i < 20; i++)
        {
            await db.Engine.AnswerAsync(1, cards[i % 10], new SelfGrade(Rating.Good), $"a{i}", TimeSpan.Zero, ReviewSource.Review, now.AddMinutes(i));
        }

        var lane = await db.Engine.Lanes.TakeAsync();
        try
        {
            // The read by card, the insert-state write and the update-state write: nothing built per answer.
            Assert.Equal(3, lane.KeptCommands);
        }
        finally
        {
            await db.Engine.Lanes.ReturnAsync(lane, healthy: true);
        }
    }

    [Fact]
    public async Task AnswerAsync_OnASqliteFile_CheckpointsRunInTheBackgroundNotInTheCommit()
    {
        await using var db = await TestDatabase.CreateAsync();
        var cards = await db.NumberedCardsAsync("d", 50);
        var now = Utc.At(2026, 3, 2, 12);
        var checkpointer = db.Services.GetRequiredService<WalCheckpointer>();
        Assert.True(checkpointer.Enabled);

        for (var i = 0; i < WalCheckpointer.AnswersPerCheckpoint + 10; i++)
        {
            await db.Engine.AnswerAsync((ulong)(i / 50 + 1), cards[i % 50], new SelfGrade(Rating.Good), $"c{i}", TimeSpan.Zero, ReviewSource.Review, now.AddMinutes(i));
        }

        var lane = await db.Engine.Lanes.TakeAsync();
        try
        {
            Assert.Equal(0L, await AutoCheckpointAsync(lane.Db.Database.GetDbConnection()));
        }
        finally
        {
            await db.Engine.Lanes.ReturnAsync(lane, healthy: true);
        }
        await Eventually.TrueAsync(() => checkpointer.Stats.Checkpoints >= 1, $"no background checkpoint after {WalCheckpointer.AnswersPerCheckpoint + 10} answers");

        // Closing the engine hands the answer connection's handle back to the pool as SQLite configures it.
        await db.Engine.DisposeAsync();
        var connections = new List<SqliteConnection>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var connection = new SqliteConnection(StudyDbOptions.ConnectionString(db.Target.ConnectionString));
                connections.Add(connection);
                await connection.OpenAsync();
                Assert.Equal(WalCheckpointer.DefaultAutoCheckpointPages, await AutoCheckpointAsync(connection));
            }
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
        await using var context = db.NewContext();
        Assert.Equal(WalCheckpointer.AnswersPerCheckpoint + 10, await context.ReviewLog.CountAsync());
    }

    private static async Task<long> AutoCheckpointAsync(System.Data.Common.DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint;";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
