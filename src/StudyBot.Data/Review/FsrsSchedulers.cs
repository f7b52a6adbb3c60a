using System.Collections.Concurrent;
using StudyBot.Core.Scheduling;

namespace StudyBot.Data.Review;

/// <summary>One scheduler per distinct settings, built once: building validates the parameters.</summary>
public sealed class FsrsSchedulers
{
    private readonly ConcurrentDictionary<double, FsrsScheduler> _byRetention = new();

    public FsrsScheduler For(double desiredRetention) =>
        _byRetention.GetOrAdd(desiredRetention, r => new FsrsScheduler(new FsrsParameters { DesiredRetention = r }));
}
