using System.Globalization;
using Quartz;

namespace StudyBot.Features.Daily;

/// <summary>At the guild's daily time: posts the question of the day.</summary>
public sealed class DailyQuestionJob(DailyQuestionService daily) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var raw = context.MergedJobDataMap.GetString(DailyScheduler.GuildKey);
        if (!ulong.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var guildId))
        {
            throw new JobExecutionException($"Job {context.JobDetail.Key} has no valid {DailyScheduler.GuildKey} ('{raw}').");
        }

        // A recovered run keeps the original fire time, so the service can tell it posted already.
        var firedFor = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        try
        {
            await daily.PostAsync(guildId, firedFor.UtcDateTime, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Observability.HostMetrics.DailyPost("failed");
            throw;
        }
    }
}
