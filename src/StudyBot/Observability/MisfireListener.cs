using Quartz;

namespace StudyBot.Observability;

/// <summary>Counts misfired triggers; changes nothing about how they are handled.</summary>
internal sealed class MisfireListener : ITriggerListener
{
    public string Name => "StudyBot.Misfires";

    public ValueTask TriggerFired(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask<bool> VetoJobExecution(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);

    public ValueTask TriggerMisfired(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default)
    {
        HostMetrics.Misfire(trigger.JobKey.Group);
        return ValueTask.CompletedTask;
    }

    public ValueTask TriggerComplete(ITrigger trigger, IJobExecutionContext context, SchedulerInstruction triggerInstructionCode, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}

/// <summary>Counts every Quartz job run, its outcome and duration; changes nothing about the run.</summary>
internal sealed class JobMetricsListener : IJobListener
{
    public string Name => "StudyBot.JobMetrics";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        HostMetrics.JobRun(context.JobDetail.Key.Group, jobException is not null, context.JobRunTime);
        return ValueTask.CompletedTask;
    }
}
