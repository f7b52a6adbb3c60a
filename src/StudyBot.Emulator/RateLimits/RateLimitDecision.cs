namespace StudyBot.Emulator.RateLimits;

/// <summary>The answer to one request: the bucket headers to send, and whether it is refused (429).</summary>
internal sealed record RateLimitDecision(
    bool Limited,
    bool Global,
    int Limit,
    int Remaining,
    DateTimeOffset ResetAt,
    TimeSpan ResetAfter,
    string BucketHash,
    TimeSpan RetryAfter,
    bool Shared = false)
{
    public bool HasBucket => BucketHash.Length > 0;
}
