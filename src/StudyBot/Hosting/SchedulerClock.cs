using Microsoft.Extensions.Hosting;

namespace StudyBot.Hosting;

/// <summary>
/// The clock Quartz runs on: the study clock, so quiz deadlines and daily posts follow study time
/// (a test that moves study time sees its triggers fire). Quartz takes its clock when it is composed,
/// before a test may have replaced the study clock, so this forwards to the one the container holds
/// once the host starts (system time until then). Quartz also makes it the container's TimeProvider
/// (the stores read it); the Discord client is given system time instead.
/// </summary>
public sealed class SchedulerClock : TimeProvider
{
    private TimeProvider _target = System;

    public override DateTimeOffset GetUtcNow() => _target.GetUtcNow();

    public override long GetTimestamp() => _target.GetTimestamp();

    public override long TimestampFrequency => _target.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _target.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        => _target.CreateTimer(callback, state, dueTime, period);

    internal void Follow(TimeProvider target) => _target = target;

    /// <summary>Registered before Quartz's hosted service, so the scheduler starts on the study clock.</summary>
    internal sealed class Binding(SchedulerClock clock, StudyClock study) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            clock.Follow(study.Time);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
