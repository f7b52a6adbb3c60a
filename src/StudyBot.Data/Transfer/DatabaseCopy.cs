using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using StudyBot.Data.Infrastructure;

namespace StudyBot.Data.Transfer;

/// <summary>How far a copy is: the table being copied, its rows copied so far and its total.</summary>
public sealed record CopyProgress(string Table, long Copied, long Total);

/// <summary>What a copy moved: rows per table (in the order copied) and how long it took.</summary>
public sealed record CopyResult(IReadOnlyList<(string Table, long Rows)> Tables, TimeSpan Elapsed)
{
    public long Rows => Tables.Sum(t => t.Rows);
}

/// <summary>Why a copy was refused or failed, in one line; nothing was written to the target.</summary>
public sealed class CopyException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Copies every table of the EF model from one database to another, across providers (the upgrade
/// path from SQLite to PostgreSQL, or back): the target is migrated to the current schema first
/// and must hold no rows; rows keep their ids (so the review log's links, undos and every foreign
/// key stay as they were); tables go in foreign-key order, all in one transaction on the target;
/// PostgreSQL's identity sequences are then moved past the copied ids. The source is only read.
/// </summary>
public static class DatabaseCopy
{
    /// <summary>Rows per INSERT: well under both providers' limit on parameters per statement.</summary>
    private const int MaxParametersPerStatement = 20_000;

    public static async Task<CopyResult> CopyAsync(DatabaseTarget from, DatabaseTarget to, IProgress<CopyProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        // A running bot holds its SQLite file's lock: a copy taken under it could miss the rows it
        // writes meanwhile (and its scheduler's), so the copy waits for the bot to stop, as a restore does.
        using var sourceLock = HoldSqlite(from, "source");
        using var targetLock = HoldSqlite(to, "target");
        await using var source = new StudyDbContext(StudyDbOptions.For(from));
        await using var target = new StudyDbContext(StudyDbOptions.For(to));
        await CheckSourceAsync(source, from, cancellationToken);
        var tables = InForeignKeyOrder(target.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables);
        // The same tables and columns, but a provider may store a column as another type (a list of strings: JSON text or text[]).
        var sourceTables = source.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables.ToDictionary(t => t.Name);
        await CheckTargetEmptyAsync(target, to, tables, cancellationToken);
        await target.Database.MigrateAsync(cancellationToken);

        var reader = source.Database.GetDbConnection();
        var writer = target.Database.GetDbConnection();
        await source.Database.OpenConnectionAsync(cancellationToken);
        await target.Database.OpenConnectionAsync(cancellationToken);
        var totals = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            totals[table.Name] = await CountAsync(reader, null, table.Name, cancellationToken);
        }

        var copied = new List<(string, long)>();
        await using (var transaction = await writer.BeginTransactionAsync(cancellationToken))
        {
            foreach (var table in tables)
            {
                var rows = await CopyTableAsync(reader, writer, transaction, sourceTables[table.Name], table, totals[table.Name], progress, cancellationToken);
                copied.Add((table.Name, rows));
            }
            if (to.Provider == DatabaseProvider.Postgres)
            {
                await ResetSequencesAsync(writer, transaction, tables, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return new CopyResult(copied, Stopwatch.GetElapsedTime(started));
    }

    private static Backup.DatabaseLock? HoldSqlite(DatabaseTarget database, string role)
    {
        if (database.Provider != DatabaseProvider.Sqlite || database.SqliteFile is not { } file
            || Path.GetDirectoryName(Path.GetFullPath(file)) is not { } folder || !Directory.Exists(folder))
        {
            return null;
        }
        return Backup.DatabaseLock.TryAcquire(file)
            ?? throw new CopyException($"the {role}, {Path.GetFullPath(file)}, is in use by a running StudyBot; stop the bot, then copy");
    }

    private static async Task CheckSourceAsync(StudyDbContext source, DatabaseTarget from, CancellationToken cancellationToken)
    {
        if (from.Provider == DatabaseProvider.Sqlite && !File.Exists(from.SqliteFile))
        {
            throw new CopyException($"there is no database at {from.SqliteFile ?? from.ConnectionString}");
        }
        if (!await source.Database.CanConnectAsync(cancellationToken))
        {
            throw new CopyException($"cannot connect to the source, the {from.Describe()}");
        }
        var pending = (await source.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (!(await source.Database.GetAppliedMigrationsAsync(cancellationToken)).Any())
        {
            throw new CopyException($"the source, the {from.Describe()}, is not a StudyBot database (it has no migration history)");
        }
        if (pending.Count > 0)
        {
            throw new CopyException($"the source, the {from.Describe()}, is behind this version ({pending.Count} pending migration(s)); run `studybot db migrate` on it first");
        }
    }

    /// <summary>Refuses a target that holds any row of StudyBot's tables, before anything is written to it.</summary>
    private static async Task CheckTargetEmptyAsync(StudyDbContext target, DatabaseTarget to, IReadOnlyList<ITable> tables, CancellationToken cancellationToken)
    {
        if (to.Provider == DatabaseProvider.Sqlite)
        {
            // A new SQLite file is created by the migration; its folder must be there.
            if (to.SqliteFile is not { } file || !File.Exists(file))
            {
                if (Path.GetDirectoryName(to.SqliteFile) is { } folder && !Directory.Exists(folder))
                {
                    throw new CopyException($"the folder {folder} for the target does not exist");
                }
                return;
            }
        }
        else if (!await target.Database.CanConnectAsync(cancellationToken))
        {
            throw new CopyException($"cannot connect to the target, the {to.Describe()}; create the database first (createdb, or CREATE DATABASE) and check the connection string");
        }
        var applied = (await target.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        if (applied.Count == 0)
        {
            return;
        }
        if ((await target.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            throw new CopyException($"the target, the {to.Describe()}, already holds an older StudyBot schema; db copy fills only an empty database: point --to at a new one");
        }
        var connection = target.Database.GetDbConnection();
        await target.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var table in tables)
            {
                var rows = await CountAsync(connection, null, table.Name, cancellationToken);
                if (rows > 0)
                {
                    throw new CopyException($"the target, the {to.Describe()}, is not empty ({rows} row(s) in {table.Name}); db copy fills only an empty database, so nothing was copied: point --to at a new database");
                }
            }
        }
        finally
        {
            await target.Database.CloseConnectionAsync();
        }
    }

    private static async Task<long> CopyTableAsync(
        DbConnection reader, DbConnection writer, DbTransaction transaction, ITable sourceTable, ITable table, long total, IProgress<CopyProgress>? progress, CancellationToken cancellationToken)
    {
        var columns = table.Columns.ToList();
        var sourceColumns = columns.Select(c => sourceTable.FindColumn(c.Name) ?? throw new CopyException($"the source has no column {table.Name}.{c.Name}")).ToList();
        var names = string.Join(", ", columns.Select(c => Quote(c.Name)));
        var order = table.PrimaryKey is { } key ? " ORDER BY " + string.Join(", ", key.Columns.Select(c => Quote(c.Name))) : "";
        await using var select = reader.CreateCommand();
        select.CommandText = $"SELECT {names} FROM {Quote(table.Name)}{order}";
        await using var rows = await select.ExecuteReaderAsync(cancellationToken);
        var perStatement = Math.Max(1, MaxParametersPerStatement / columns.Count);
        var batch = new List<object?[]>(perStatement);
        long copied = 0;
        progress?.Report(new CopyProgress(table.Name, 0, total));
        while (await rows.ReadAsync(cancellationToken))
        {
            var values = new object?[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                values[i] = Convert(Read(rows, i, sourceColumns[i]), columns[i].ProviderClrType);
            }
            batch.Add(values);
            if (batch.Count == perStatement)
            {
                copied += await InsertAsync(writer, transaction, table, names, batch, cancellationToken);
                progress?.Report(new CopyProgress(table.Name, copied, total));
            }
        }
        copied += await InsertAsync(writer, transaction, table, names, batch, cancellationToken);
        progress?.Report(new CopyProgress(table.Name, copied, total));
        return copied;
    }

    private static async Task<int> InsertAsync(DbConnection writer, DbTransaction transaction, ITable table, string names, List<object?[]> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }
        await using var insert = writer.CreateCommand();
        insert.Transaction = transaction;
        var tuples = new List<string>(batch.Count);
        for (var row = 0; row < batch.Count; row++)
        {
            var placeholders = new string[batch[row].Length];
            for (var column = 0; column < placeholders.Length; column++)
            {
                var parameter = insert.CreateParameter();
                parameter.ParameterName = $"@p{row}_{column}";
                parameter.Value = batch[row][column] ?? DBNull.Value;
                insert.Parameters.Add(parameter);
                placeholders[column] = parameter.ParameterName;
            }
            tuples.Add("(" + string.Join(", ", placeholders) + ")");
        }
        insert.CommandText = $"INSERT INTO {Quote(table.Name)} ({names}) VALUES {string.Join(", ", tuples)}";
        var count = batch.Count;
        await insert.ExecuteNonQueryAsync(cancellationToken);
        batch.Clear();
        return count;
    }

    /// <summary>A column's value as the provider stores it, read by type (SQLite keeps times and booleans as text and integers); times are UTC.</summary>
    private static object? Read(DbDataReader rows, int ordinal, IColumn column)
    {
        if (rows.IsDBNull(ordinal))
        {
            return null;
        }
        var type = column.ProviderClrType;
        return type switch
        {
            _ when type == typeof(List<string>) => rows.GetFieldValue<string[]>(ordinal).ToList(),
            _ when type == typeof(DateTime) => DateTime.SpecifyKind(rows.GetDateTime(ordinal), DateTimeKind.Utc),
            _ when type == typeof(bool) => rows.GetBoolean(ordinal),
            _ when type == typeof(long) => rows.GetInt64(ordinal),
            _ when type == typeof(int) => rows.GetInt32(ordinal),
            _ when type == typeof(short) => rows.GetInt16(ordinal),
            _ when type == typeof(byte) => rows.GetByte(ordinal),
            _ when type == typeof(double) => rows.GetDouble(ordinal),
            _ when type == typeof(float) => rows.GetFloat(ordinal),
            _ when type == typeof(decimal) => rows.GetDecimal(ordinal),
            _ when type == typeof(string) => rows.GetString(ordinal),
            _ when type == typeof(TimeOnly) => rows.GetFieldValue<TimeOnly>(ordinal),
            _ when type == typeof(DateOnly) => rows.GetFieldValue<DateOnly>(ordinal),
            _ when type == typeof(Guid) => rows.GetGuid(ordinal),
            _ when type == typeof(byte[]) => rows.GetFieldValue<byte[]>(ordinal),
            _ => throw new CopyException($"db copy does not know how to copy column {column.Table.Name}.{column.Name} of type {type.Name}"),
        };
    }

    /// <summary>A list of strings is a JSON array in SQLite and a text[] array in PostgreSQL: converted between the two.</summary>
    private static object? Convert(object? value, Type targetType) => value switch
    {
        string json when targetType == typeof(List<string>) => (JsonSerializer.Deserialize<List<string>>(json) ?? []).ToArray(),
        List<string> list when targetType == typeof(string) => JsonSerializer.Serialize(list),
        List<string> list => list.ToArray(),
        _ => value,
    };

    /// <summary>Moves each identity column's sequence past the largest copied id, so new rows do not collide with copied ones.</summary>
    private static async Task ResetSequencesAsync(DbConnection writer, DbTransaction transaction, IReadOnlyList<ITable> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables)
        {
            foreach (var column in table.PrimaryKey?.Columns ?? [])
            {
                if (!column.PropertyMappings.Any(m => m.Property.ValueGenerated == ValueGenerated.OnAdd))
                {
                    continue;
                }
                await using var command = writer.CreateCommand();
                command.Transaction = transaction;
                command.CommandText =
                    $"SELECT setval(pg_get_serial_sequence('{Quote(table.Name)}', '{column.Name}'), COALESCE(MAX({Quote(column.Name)}), 0) + 1, false) FROM {Quote(table.Name)}";
                await command.ExecuteScalarAsync(cancellationToken);
            }
        }
    }

    private static async Task<long> CountAsync(DbConnection connection, DbTransaction? transaction, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT COUNT(*) FROM {Quote(table)}";
        return System.Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The model's tables, each after every table it references.</summary>
    internal static List<ITable> InForeignKeyOrder(IEnumerable<ITable> tables)
    {
        var all = tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var ordered = new List<ITable>(all.Count);
        var placed = new HashSet<string>();
        while (ordered.Count < all.Count)
        {
            var ready = all.Where(t => !placed.Contains(t.Name)
                && t.ForeignKeyConstraints.All(fk => fk.PrincipalTable.Name == t.Name || placed.Contains(fk.PrincipalTable.Name))).ToList();
            if (ready.Count == 0)
            {
                throw new CopyException("the model's foreign keys form a cycle; db copy cannot order the tables");
            }
            ordered.AddRange(ready);
            placed.UnionWith(ready.Select(t => t.Name));
        }
        return ordered;
    }

    private static string Quote(string name) => "\"" + name + "\"";
}
