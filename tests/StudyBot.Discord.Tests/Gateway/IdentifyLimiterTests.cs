using Microsoft.Extensions.Time.Testing;
using StudyBot.Discord.Gateway;

namespace StudyBot.Discord.Tests.Gateway;

public class IdentifyLimiterTests
{
    [Fact]
    public async Task Acquire_SameBucket_WaitsWindowAfterPreviousSend()
    {
        var time = new FakeTimeProvider();
        var limiter = new IdentifyLimiter(maxConcurrency: 2, TimeSpan.FromSeconds(5), time);
        (await limiter.AcquireAsync(0, default)).Dispose();

        var shard2 = limiter.AcquireAsync(2, default);
        var shard1 = limiter.AcquireAsync(1, default);

        Assert.True(shard1.IsCompleted, "shard 1 is in the other bucket (1 % 2) and must not wait");
        Assert.False(shard2.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(shard2.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        (await shard2.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        (await shard1).Dispose();
    }

    [Fact]
    public async Task Acquire_WhileLeaseHeld_WaitsForItsRelease()
    {
        var time = new FakeTimeProvider();
        var limiter = new IdentifyLimiter(1, TimeSpan.FromSeconds(5), time);
        var first = await limiter.AcquireAsync(0, default);
        time.Advance(TimeSpan.FromSeconds(10));

        var second = limiter.AcquireAsync(1, default);
        Assert.False(second.IsCompleted);
        first.Dispose();
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }
}
