using Quartz;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Quiz;

/// <summary>At a quiz's deadline: hands over to the quiz service, which edits the message with the results.</summary>
public sealed class QuizCloseJob(QuizService quizzes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await quizzes.CloseAsync(JobIds.Require(context, QuizScheduler.QuizKey), cancellationToken);
    }
}
