using System.Globalization;
using Quartz;

namespace StudyBot.Features.Quiz;

/// <summary>At a quiz's deadline: hands over to the quiz service, which edits the message with the results.</summary>
public sealed class QuizCloseJob(QuizService quizzes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var raw = context.MergedJobDataMap.GetString(QuizScheduler.QuizKey);
        if (!long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var quizId))
        {
            throw new JobExecutionException($"Quiz close job {context.JobDetail.Key} has no valid quiz id ('{raw}').");
        }

        await quizzes.CloseAsync(quizId, cancellationToken);
    }
}
