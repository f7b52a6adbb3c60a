using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using StudyBot.Hosting.Cluster;
using StudyBot.Testing;

namespace StudyBot.Tests.Cluster;

/// <summary>Identify buckets shared through PostgreSQL: a second process identifying in the same bucket within the window waits for its end; another bucket does not.</summary>
public class IdentifyBucketGateTests
{
    [PostgresFact]
    public async Task WaitAsync_SameBucketFromTwoProcessesWithinTheWindow_SecondWaitsForTheWindowOtherBucketsDoNot()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await database.ScalarAsync(IdentifyBucketGate.Schema);
        var window = TimeSpan.FromSeconds(3);
        var first = new IdentifyBucketGate(database.ConnectionString, NullLogger.Instance);
        var second = new IdentifyBucketGate(database.ConnectionString, NullLogger.Instance);

        var watch = Stopwatch.StartNew();
        await first.WaitAsync(0, window, CancellationToken.None);
        await second.WaitAsync(1, window, CancellationToken.None);
        var otherBucket = watch.Elapsed;
        await second.WaitAsync(0, window, CancellationToken.None);
        var sameBucket = watch.Elapsed;

        Assert.True(otherBucket < window, $"bucket 1 waited until {otherBucket.TotalSeconds:0.00} s");
        // The first identify was recorded after the watch started: the second in bucket 0 comes a whole window after.
        Assert.True(sameBucket >= window, $"bucket 0 again after {sameBucket.TotalSeconds:0.00} s");
    }
}
