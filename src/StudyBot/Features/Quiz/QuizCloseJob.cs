using Quartz;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Quiz;

/// <summary>At a question's deadline: closes it with its results, then a session moves on (the question of the day just closes).</summary>
public sealed class QuizCloseJob(QuizSessionService sessions) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        // Recovering: the node that ran this close died mid-run, and Quartz runs it again here.
        await sessions.AdvanceAsync(JobIds.Require(context, QuizScheduler.QuizKey), cancellationToken, resume: context.Recovering);
    }
}
