using System.Globalization;
using Quartz;

namespace StudyBot.Features.Shared;

/// <summary>Reads the id a job was scheduled with; a job stored without one is a defect worth failing loudly.</summary>
public static class JobIds
{
    public static long Require(IJobExecutionContext context, string key)
    {
        var raw = context.MergedJobDataMap.GetString(key);
        return long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new JobExecutionException($"Job {context.JobDetail.Key} has no valid {key} ('{raw}').");
    }
}
