using System.Net;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Discord.Rest;

namespace StudyBot.Discord.Tests.Rest;

public class RateLimitTests
{
    [Fact]
    public void Parse_AllHeaders_ReadsEachField()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("X-RateLimit-Limit", "5");
        response.Headers.Add("X-RateLimit-Remaining", "0");
        response.Headers.Add("X-RateLimit-Reset", "1470173023.123");
        response.Headers.Add("X-RateLimit-Reset-After", "1.25");
        response.Headers.Add("X-RateLimit-Bucket", "abcd1234");
        response.Headers.Add("X-RateLimit-Global", "true");
        response.Headers.Add("X-RateLimit-Scope", "shared");
        response.Headers.Add("Retry-After", "2");

        var headers = RateLimitHeaders.Parse(response.Headers);

        Assert.Equal(5, headers.Limit);
        Assert.Equal(0, headers.Remaining);
        Assert.Equal(TimeSpan.FromSeconds(1.25), headers.ResetAfter);
        Assert.Equal("abcd1234", headers.Bucket);
        Assert.True(headers.IsGlobal);
        Assert.Equal(RateLimitScope.Shared, headers.Scope);
        Assert.Equal(TimeSpan.FromSeconds(2), headers.RetryAfter);
    }

    [Fact]
    public void Parse_NoHeaders_AllNull()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        var headers = RateLimitHeaders.Parse(response.Headers);
        Assert.Null(headers.Remaining);
        Assert.Null(headers.Bucket);
        Assert.False(headers.IsGlobal);
        Assert.Null(headers.Scope);
    }

    [Fact]
    public void Bucket_RemainingZero_WaitsUntilReset()
    {
        var time = new FakeTimeProvider();
        var bucket = new RateLimitBucket(time);
        bucket.Apply(new RateLimitHeaders(5, 0, TimeSpan.FromSeconds(2), "h", false, null, null));

        Assert.Equal(TimeSpan.FromSeconds(2), bucket.DelayBeforeSend());
        time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal(TimeSpan.FromSeconds(0.5), bucket.DelayBeforeSend());
        time.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal(TimeSpan.Zero, bucket.DelayBeforeSend());
    }

    [Fact]
    public void Bucket_ConsumedToZero_WaitsWithoutNewHeaders()
    {
        var time = new FakeTimeProvider();
        var bucket = new RateLimitBucket(time);
        bucket.Apply(new RateLimitHeaders(5, 1, TimeSpan.FromSeconds(3), "h", false, null, null));

        Assert.Equal(TimeSpan.Zero, bucket.DelayBeforeSend());
        bucket.Consume();
        Assert.Equal(TimeSpan.FromSeconds(3), bucket.DelayBeforeSend());
    }

    [Fact]
    public void Buckets_SharedHash_SameMajorShareOneBucket_OtherMajorDoesNot()
    {
        var buckets = new RateLimitBuckets(new FakeTimeProvider());
        var post = DiscordRoute.Create(HttpMethod.Post, "/channels/{channel_id}/messages", "1");
        var patch = DiscordRoute.Create(HttpMethod.Patch, "/channels/{channel_id}/messages/{message_id}", "1", "99");
        var otherChannel = DiscordRoute.Create(HttpMethod.Post, "/channels/{channel_id}/messages", "2");
        var headers = new RateLimitHeaders(5, 4, TimeSpan.FromSeconds(5), "messages", false, null, null);

        buckets.Learn(post, buckets.For(post), headers);
        buckets.Learn(patch, buckets.For(patch), headers);

        Assert.Same(buckets.For(post), buckets.For(patch));
        Assert.NotSame(buckets.For(post), buckets.For(otherChannel));
    }

    [Fact]
    public void Route_MessageIdIsNotMajor_ChannelIdIs()
    {
        var a = DiscordRoute.Create(HttpMethod.Patch, "/channels/{channel_id}/messages/{message_id}", "1", "10");
        var b = DiscordRoute.Create(HttpMethod.Patch, "/channels/{channel_id}/messages/{message_id}", "1", "11");
        var c = DiscordRoute.Create(HttpMethod.Patch, "/channels/{channel_id}/messages/{message_id}", "2", "10");

        Assert.Equal(a.MajorKey, b.MajorKey);
        Assert.NotEqual(a.MajorKey, c.MajorKey);
        Assert.Equal("/channels/1/messages/10", a.Path);
    }

    [Fact]
    public void Route_InteractionCallback_ExemptFromGlobalAndNeverPrintsToken()
    {
        var route = DiscordRoute.Create(HttpMethod.Post, "/interactions/{interaction_id}/{interaction_token}/callback", "5", "secret-token");

        Assert.True(route.IsGlobalExempt);
        Assert.DoesNotContain("secret-token", route.ToString());
        Assert.False(DiscordRoute.Create(HttpMethod.Post, "/channels/{channel_id}/messages", "1").IsGlobalExempt);
    }

    [Fact]
    public async Task SlidingWindow_LimitReached_WaitsForOldestToLeave()
    {
        var time = new FakeTimeProvider();
        var limiter = new SlidingWindowLimiter(2, TimeSpan.FromSeconds(1), time);
        await limiter.AcquireAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(400));
        await limiter.AcquireAsync(CancellationToken.None);

        var third = limiter.AcquireAsync(CancellationToken.None).AsTask();
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(599));
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await third.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task GlobalPacer_LimitReached_APlaceFreesOneWindowAfterItsAnswerNotItsSend()
    {
        var time = new FakeTimeProvider();
        var pacer = new GlobalRequestPacer(2, TimeSpan.FromSeconds(1), time);
        var first = await pacer.AcquireAsync(CancellationToken.None);
        using var second = await pacer.AcquireAsync(CancellationToken.None);

        // Both requests are still on their way: nothing frees a place, however long they take.
        var third = pacer.AcquireAsync(CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(third.IsCompleted);

        // The first answer arrives now; Discord may have counted it as late as now, so its place is held one more window.
        first.Dispose();
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        (await third.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        Assert.Equal(1, pacer.Pending);
    }

    [Fact]
    public void InvalidRequestGuard_AtLimit_ThrowsClearError()
    {
        var time = new FakeTimeProvider();
        var guard = new InvalidRequestGuard(3, TimeSpan.FromMinutes(10), time);
        var route = DiscordRoute.Create(HttpMethod.Get, "/users/@me");
        guard.Record();
        guard.Record();
        guard.ThrowIfTripped(route);
        guard.Record();

        var error = Assert.Throws<DiscordInvalidRequestLimitException>(() => guard.ThrowIfTripped(route));
        Assert.Contains("401/403/429", error.Message);
        time.Advance(TimeSpan.FromMinutes(10));
        guard.ThrowIfTripped(route);
    }
}
