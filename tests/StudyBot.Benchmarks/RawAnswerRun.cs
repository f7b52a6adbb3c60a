using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StudyBot.Core.Decks;
using StudyBot.Core.Scheduling;
using StudyBot.Data;
using StudyBot.Data.Entities;
using StudyBot.Data.Infrastructure;
using StudyBot.Data.Stores;

namespace StudyBot.Benchmarks;

/// <summary>
/// The floor for the answers suite: the engine's writes (the card state row, then one log row, in one
/// transaction per answer) as prepared Microsoft.Data.Sqlite commands on one open connection, with
/// states kept in memory, on a file migrated to the same schema with the same pragmas.
/// </summary>
internal sealed class RawAnswerRun : IDisposable
{
    private const string MemoryColumns = "Due, Stability, Difficulty, ElapsedDays, ScheduledDays, LearningSteps, Reps, Lapses, State, LastReview, Suspended, Leech";

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insertState;
    private readonly SqliteCommand _updateState;
    private readonly SqliteCommand _insertLog;
    private readonly FsrsScheduler _scheduler = new();
    private readonly Dictionary<(ulong, int), (long Id, int Version, CardMemory Memory)> _states = [];
    private readonly WalCheckpointer? _checkpointer;

    private RawAnswerRun(SqliteConnection connection, WalCheckpointer? checkpointer)
    {
        _connection = connection;
        _checkpointer = checkpointer;
        _insertState = Command($"INSERT INTO CardStates (UserId, CardId, Version, {MemoryColumns}) VALUES ($u, $c, 1, {Parameters("")}) RETURNING Id", "$u", "$c");
        _updateState = Command($"UPDATE CardStates SET Version = $v + 1, {string.Join(", ", MemoryColumns.Split(", ").Select(c => $"{c} = ${c}"))} WHERE Id = $id AND Version = $v", "$id", "$v");
        var before = MemoryColumns.Split(", ").Select(c => "Before" + c);
        var after = MemoryColumns.Split(", ").Select(c => "After" + c);
        _insertLog = Command(
            $"INSERT INTO ReviewLog (UserId, CardId, Kind, Source, Rating, AnswerText, Note, ResponseTimeMs, InteractionId, ReviewedUtc, DesiredRetention, UndoesId, {string.Join(", ", before)}, {string.Join(", ", after)}) " +
            $"VALUES ($u, $c, 'Answer', 'Review', $rating, NULL, NULL, 3000, $interaction, $now, 0.9, NULL, {Parameters("b")}, {Parameters("a")})",
            "$u", "$c", "$rating");
        _insertLog.Parameters.AddWithValue("$interaction", DBNull.Value);
        _insertLog.Parameters.AddWithValue("$now", DBNull.Value);
        foreach (var column in MemoryColumns.Split(", "))
        {
            // No declared type: each value binds by its own type, as EF binds it.
            _insertState.Parameters.AddWithValue("$" + column, DBNull.Value);
            _updateState.Parameters.AddWithValue("$" + column, DBNull.Value);
            _insertLog.Parameters.AddWithValue("$b" + column, DBNull.Value);
            _insertLog.Parameters.AddWithValue("$a" + column, DBNull.Value);
        }
    }

    /// <summary>
    /// Migrates a fresh file and uploads the same 500-card deck the full path uses (card ids 1-500).
    /// With <paramref name="backgroundCheckpoints"/> the loop's commits leave WAL checkpoints to a
    /// <see cref="WalCheckpointer"/>, as the full path's do; without, SQLite checkpoints in the commits.
    /// </summary>
    public static async Task<RawAnswerRun> CreateAsync(string path, Deck deck, bool backgroundCheckpoints = false)
    {
        await using (var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddStudyData(path).BuildServiceProvider())
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            if ((await services.GetRequiredService<DeckStore>().UploadAsync(deck)).DeckId != 1)
            {
                throw new InvalidOperationException("expected a fresh database");
            }
        }
        var connection = new SqliteConnection(StudyDbOptions.ConnectionString(path));
        connection.Open();
        using (var pragmas = connection.CreateCommand())
        {
            pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;"
                + (backgroundCheckpoints ? " PRAGMA wal_autocheckpoint=0;" : "");
            pragmas.ExecuteNonQuery();
        }
        var checkpointer = backgroundCheckpoints ? new WalCheckpointer(DatabaseTarget.Sqlite(path), NullLogger<WalCheckpointer>.Instance) : null;
        return new RawAnswerRun(connection, checkpointer);
    }

    private SqliteCommand Command(string sql, params string[] names)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(name, SqliteType.Integer);
        }
        return command;
    }

    private static string Parameters(string prefix) => string.Join(", ", MemoryColumns.Split(", ").Select(c => $"${prefix}{c}"));

    private static void Bind(SqliteCommand command, string prefix, CardMemory m)
    {
        var p = command.Parameters;
        p["$" + prefix + "Due"].Value = m.Due;
        p["$" + prefix + "Stability"].Value = m.Stability;
        p["$" + prefix + "Difficulty"].Value = m.Difficulty;
        p["$" + prefix + "ElapsedDays"].Value = m.ElapsedDays;
        p["$" + prefix + "ScheduledDays"].Value = m.ScheduledDays;
        p["$" + prefix + "LearningSteps"].Value = m.LearningSteps;
        p["$" + prefix + "Reps"].Value = m.Reps;
        p["$" + prefix + "Lapses"].Value = m.Lapses;
        p["$" + prefix + "State"].Value = (int)m.State;
        p["$" + prefix + "LastReview"].Value = m.LastReview is { } last ? last : DBNull.Value;
        p["$" + prefix + "Suspended"].Value = m.Suspended;
        p["$" + prefix + "Leech"].Value = m.Leech;
    }

    public Task<double[]> RunAsync(IReadOnlyList<(ulong User, int CardIndex, Rating Rating, DateTime Now, string InteractionId)> plan)
    {
        var times = new double[plan.Count];
        for (var i = 0; i < plan.Count; i++)
        {
            var (user, cardIndex, rating, now, interaction) = plan[i];
            var cardId = cardIndex + 1;
            var started = Stopwatch.GetTimestamp();
            var known = _states.TryGetValue((user, cardId), out var state);
            var before = known ? state.Memory : CardMemory.New(now);
            var after = CardMemory.From(_scheduler.Next(before.ToFsrs(), now, rating), before.Suspended, before.Leech);
            using (var transaction = _connection.BeginTransaction())
            {
                long id;
                if (known)
                {
                    _updateState.Transaction = transaction;
                    _updateState.Parameters["$id"].Value = state.Id;
                    _updateState.Parameters["$v"].Value = state.Version;
                    Bind(_updateState, "", after);
                    if (_updateState.ExecuteNonQuery() != 1)
                    {
                        throw new InvalidOperationException("lost update");
                    }
                    id = state.Id;
                }
                else
                {
                    _insertState.Transaction = transaction;
                    _insertState.Parameters["$u"].Value = (long)user;
                    _insertState.Parameters["$c"].Value = cardId;
                    Bind(_insertState, "", after);
                    id = (long)_insertState.ExecuteScalar()!;
                }
                _insertLog.Transaction = transaction;
                _insertLog.Parameters["$u"].Value = (long)user;
                _insertLog.Parameters["$c"].Value = cardId;
                _insertLog.Parameters["$rating"].Value = (int)rating;
                _insertLog.Parameters["$interaction"].Value = "raw-" + interaction;
                _insertLog.Parameters["$now"].Value = now;
                Bind(_insertLog, "b", before);
                Bind(_insertLog, "a", after);
                _insertLog.ExecuteNonQuery();
                transaction.Commit();
                _checkpointer?.Committed(1);
                _states[(user, cardId)] = (id, (known ? state.Version : 0) + 1, after);
            }
            times[i] = Stopwatch.GetElapsedTime(started).TotalSeconds;
        }
        return Task.FromResult(times);
    }

    public void Dispose()
    {
        _checkpointer?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _insertState.Dispose();
        _updateState.Dispose();
        _insertLog.Dispose();
        _connection.Dispose();
    }
}
