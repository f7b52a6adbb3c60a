using StudyBot.Data.Review;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Quiz;

/// <summary>/quiz start (instructors) and the quiz's answer buttons.</summary>
public sealed class QuizModule(QuizService quizzes, Instructors instructors)
{
    public async Task StartAsync(InteractionContext context)
    {
        if (context.Interaction.GuildId is not { } guildId || context.Interaction.ChannelId is not { } channelId)
        {
            await context.Responder.ReplyEphemeralAsync("Quizzes run in a server channel.", context.CancellationToken);
            return;
        }

        if (!await instructors.IsInstructorAsync(context.Interaction, context.CancellationToken))
        {
            await context.Responder.ReplyEphemeralAsync(Instructors.RefusalText, context.CancellationToken);
            return;
        }

        await context.Responder.DeferAsync(ephemeral: true, context.CancellationToken);
        string reply;
        try
        {
            var minutes = (int)Math.Clamp(context.GetInteger("minutes") ?? 5, 1, 60);
            var posted = await quizzes.StartAsync(guildId.Value, channelId.Value, context.GetString("deck") ?? "", minutes, context.CancellationToken);
            reply = $"Quiz posted. It closes {DiscordTime.Relative(posted.ClosesUtc)}, then its message shows the results.";
        }
        catch (StudyException e)
        {
            reply = e.Message;
        }

        await context.Responder.EditOriginalAsync(new MessagePayload { Content = reply, AllowedMentions = new AllowedMentions() }, null, context.CancellationToken);
    }

    public async Task AnswerAsync(InteractionContext context)
    {
        if (!QuizIds.TryParse(context.CustomIdArgument, out var quizId, out var choice))
        {
            throw new InteractionExpiredException($"unreadable quiz custom_id {context.CustomId}");
        }

        var shownAt = context.Interaction.Message?.Timestamp;
        await context.Responder.DeferAsync(ephemeral: true, context.CancellationToken);
        string reply;
        try
        {
            reply = QuizViews.AnswerReply(await quizzes.AnswerAsync(quizId, context.User.Id.Value, choice, shownAt, context.CancellationToken));
        }
        catch (StudyException e)
        {
            reply = e.Message;
        }

        await context.Responder.EditOriginalAsync(new MessagePayload { Content = reply, AllowedMentions = new AllowedMentions() }, null, context.CancellationToken);
    }
}
