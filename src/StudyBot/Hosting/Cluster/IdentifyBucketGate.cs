using Microsoft.Extensions.Logging;
using Npgsql;

namespace StudyBot.Hosting.Cluster;

/// <summary>
/// Discord's <c>max_concurrency</c> buckets across processes: before an IDENTIFY, a process records it
/// in the bucket's row of <c>studybot_identify_buckets</c>, which succeeds only when no process
/// identified in that bucket within the window (PostgreSQL's clock); otherwise it waits the rest of
/// the window and tries again. Shards taken over after a crash thus identify bucket by bucket even
/// when several survivors claim them at once. When the database does not answer within a second
/// the identify goes ahead (each process still paces its own buckets, and Discord answers a
/// too-early identify with op 9, after which the shard identifies again).
/// </summary>
public sealed class IdentifyBucketGate(string connectionString, ILogger logger)
{
    public const string Table = "studybot_identify_buckets";
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(1);

    public async Task WaitAsync(int bucket, TimeSpan window, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_timeout);
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(timeout.Token);
                await using var command = new NpgsqlCommand(
                    $"""
                    INSERT INTO {Table} AS b (bucket, last_identify) VALUES (@bucket, now())
                    ON CONFLICT (bucket) DO UPDATE SET last_identify = now() WHERE b.last_identify <= now() - @window;
                    SELECT greatest(0, extract(epoch FROM last_identify + @window - now()))::float8, last_identify = now() FROM {Table} WHERE bucket = @bucket;
                    """, connection);
                command.Parameters.AddWithValue("bucket", bucket);
                command.Parameters.AddWithValue("window", window);
                // The INSERT returns no rows: the reader's first result is the SELECT's.
                await using var reader = await command.ExecuteReaderAsync(timeout.Token);
                if (!await reader.ReadAsync(timeout.Token))
                {
                    throw new InvalidOperationException($"no row for bucket {bucket} in {Table}");
                }
                if (reader.GetBoolean(1))
                {
                    return;
                }

                wait = TimeSpan.FromSeconds(reader.GetDouble(0));
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is NpgsqlException or OperationCanceledException or InvalidOperationException or IOException)
            {
                logger.LogWarning("Identify bucket {Bucket}: the database did not answer ({Problem}); identifying on this process's own pacing", bucket, e.Message);
                return;
            }

            logger.LogInformation("Identify bucket {Bucket}: another process identified in it; waiting {Wait:0.0} s", bucket, wait.TotalSeconds);
            await Task.Delay(wait + TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }

    /// <summary>The table's definition, created with the lease tables.</summary>
    public const string Schema = $"""
        CREATE TABLE IF NOT EXISTS {Table} (
            bucket integer PRIMARY KEY,
            last_identify timestamptz NOT NULL);
        """;
}
