using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StudyBot.Data.Infrastructure;

namespace StudyBot.Data.Stores;

/// <summary>
/// Writes the members' sightings of every interaction with one writer: sightings queued together
/// are written as one statement (its own transaction), so a class clicking at once records its
/// students in a few writes instead of one or two each, and on SQLite no interaction's thread
/// waits for the database's write lock. A sighting inserts the member or, when the row exists,
/// sets whether they teach and when they were last seen, and clears a leave. Callers wait for the
/// commit that holds their sighting, so the row is there when their interaction ends.
/// </summary>
public sealed partial class MemberSightingWriter(IDbContextFactory<StudyDbContext> contexts, ILogger<MemberSightingWriter> logger) : IAsyncDisposable
{
    /// <summary>At most this many sightings share a statement (four parameters each).</summary>
    public const int MaxBatch = 200;

    private readonly Channel<Sighting> _queue = Channel.CreateUnbounded<Sighting>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _start = new();
    private Task? _writer;
    private long _statements;

    /// <summary>Upsert statements written so far (one per batch, or one per sighting when a batch was refused).</summary>
    public long Statements => Interlocked.Read(ref _statements);

    /// <summary>Queues a sighting; the task completes when it is committed, or fails with the database's refusal of it.</summary>
    public Task WriteAsync(ulong guildId, ulong userId, bool teaches, DateTime seenUtc)
    {
        var sighting = new Sighting(guildId, userId, teaches, seenUtc);
        if (!_queue.Writer.TryWrite(sighting))
        {
            throw new InvalidOperationException("StudyBot is shutting down and records no more members.");
        }
        lock (_start)
        {
            _writer ??= Task.Run(WriteAllAsync);
        }
        return sighting.Written.Task;
    }

    private async Task WriteAllAsync()
    {
        var batch = new List<Sighting>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var sighting))
            {
                batch.Add(sighting);
            }
            await WriteBatchAsync(batch).ConfigureAwait(false);
            batch.Clear();
        }
    }

    private async Task WriteBatchAsync(List<Sighting> batch)
    {
        try
        {
            await UpsertAsync(batch).ConfigureAwait(false);
            foreach (var sighting in batch)
            {
                sighting.Written.TrySetResult();
            }
        }
        catch (Exception exception) when (batch.Count > 1 && DatabaseErrors.IsConstraintViolation(exception))
        {
            // One sighting refused (its guild's row not written yet) refuses the statement: each is written alone, so only it fails.
            foreach (var sighting in batch)
            {
                await WriteBatchAsync([sighting]).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            // Anything else (the database busy past its timeout, or gone) would refuse each sighting alone as well: all fail now.
            LogRefused(logger, batch.Count, batch[0].UserId, batch[0].GuildId, exception.Message);
            foreach (var sighting in batch)
            {
                sighting.Written.TrySetException(exception);
            }
        }
    }

    private async Task UpsertAsync(List<Sighting> batch)
    {
        // One row per member (the latest sighting): a statement may not update the same row twice.
        var rows = batch.GroupBy(s => (s.GuildId, s.UserId)).Select(g => g.MaxBy(s => s.SeenUtc)!).ToList();
        var sql = new StringBuilder("""INSERT INTO "GuildMembers" ("GuildId", "UserId", "IsInstructor", "FirstSeenUtc", "LastSeenUtc", "LeftUtc") VALUES """);
        var values = new object[rows.Count * 4];
        for (var i = 0; i < rows.Count; i++)
        {
            var p = i * 4;
            sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}({{{p}}}, {{{p + 1}}}, {{{p + 2}}}, {{{p + 3}}}, {{{p + 3}}}, NULL)");
            values[p] = (long)rows[i].GuildId;
            values[p + 1] = (long)rows[i].UserId;
            values[p + 2] = rows[i].Teaches;
            values[p + 3] = DateTime.SpecifyKind(rows[i].SeenUtc, DateTimeKind.Utc);
        }
        sql.Append("""
             ON CONFLICT ("GuildId", "UserId") DO UPDATE SET "IsInstructor" = excluded."IsInstructor", "LastSeenUtc" = excluded."LastSeenUtc", "LeftUtc" = NULL
            """);
        await using var db = await contexts.CreateDbContextAsync().ConfigureAwait(false);
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), values).ConfigureAwait(false);
        Interlocked.Increment(ref _statements);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        Task? writer;
        lock (_start)
        {
            writer = _writer;
        }
        if (writer is not null)
        {
            await writer.ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} member sighting(s) not recorded, the first of member {UserId} of guild {GuildId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, int count, ulong userId, ulong guildId, string reason);

    private sealed record Sighting(ulong GuildId, ulong UserId, bool Teaches, DateTime SeenUtc)
    {
        public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
