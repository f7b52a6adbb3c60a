using StudyBot.Core.Answers;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Quiz;

/// <summary>/quiz start and /quiz stop (instructors), and the answer buttons and modal of every quiz question.</summary>
public sealed class QuizModule(QuizSessionService sessions, QuizQuestions questions, Instructors instructors, AcceptedWordings accept)
{
    public async Task StartAsync(InteractionContext context)
    {
        if (await RefuseAsync(context) is not var (guildId, channelId)
            || await ChannelAccess.RefuseAsync(context, channelId, ChannelAccess.Embeds, "No quiz was started."))
        {
            return;
        }

        await context.Responder.DeferAsync(ephemeral: true, context.CancellationToken);
        string reply;
        try
        {
            var count = (int)(context.GetInteger("questions") ?? 5);
            var seconds = (int)(context.GetInteger("seconds") ?? 30);
            var started = await sessions.StartAsync(guildId, channelId, context.User.Id.Value, context.GetString("deck") ?? "", count, seconds, QuizForms.ParseStyle(context.GetString(QuizForms.StyleOption)), context.CancellationToken);
            var fewer = started.Questions < started.Requested ? $" (the deck has only {started.Questions} questions to ask)" : "";
            reply = $"Quiz started: {started.Questions} {(started.Questions == 1 ? "question" : "questions")}{fewer} from **{started.DeckTitle}**, {started.Seconds} seconds each. "
                + $"The scoreboard is posted at {DiscordTime.Clock(started.EndsUtc)}; `/quiz stop` ends it sooner.";
        }
        catch (Exception e) when (RefusalException.Text(e) is { } refused)
        {
            reply = refused;
        }

        await ReplyAsync(context, reply);
    }

    public async Task StopAsync(InteractionContext context)
    {
        if (await RefuseAsync(context) is not var (guildId, channelId))
        {
            return;
        }

        await context.Responder.DeferAsync(ephemeral: true, context.CancellationToken);
        var stopped = await sessions.StopAsync(guildId, channelId, context.CancellationToken);
        await ReplyAsync(context, stopped ? "Quiz stopped; the scoreboard is posted in the channel." : "No quiz is running in this channel.");
    }

    public Task ChooseAsync(InteractionContext context)
    {
        var choice = context.ReadCustomId(QuizIds.Answer);
        return AnswerAsync(context, choice.QuizId, new ChoiceAnswer(choice.ChoiceIndex));
    }

    public async Task OpenModalAsync(InteractionContext context)
    {
        var quizId = context.ReadCustomId(QuizIds.Type).QuizId;
        await context.Responder.ShowModalAsync(QuizViews.AnswerModal(quizId, await questions.CardOfAsync(quizId, context.CancellationToken)), context.CancellationToken);
    }

    public Task SubmitTypedAsync(InteractionContext context)
        => AnswerAsync(context, context.ReadCustomId(QuizIds.Modal).QuizId, new TypedAnswer(context.GetModalValue(QuizIds.AnswerField) ?? ""));

    // The router has acknowledged the answer already (its routes are RouteAcknowledgement.DeferEphemeral).
    private async Task AnswerAsync(InteractionContext context, long quizId, StudentAnswer answer)
    {
        string reply;
        try
        {
            reply = QuizViews.AnswerReply(await questions.AnswerAsync(quizId, context.User.Id.Value, answer, context.CancellationToken));
        }
        catch (Exception e) when (RefusalException.Text(e) is { } refused)
        {
            reply = refused;
        }

        await ReplyAsync(context, reply);
    }

    /// <summary>"Wrong answers" under a closed typed question: its distinct wrong wordings, privately, to instructors only.</summary>
    public async Task WrongAnswersAsync(InteractionContext context)
    {
        if (await RefuseAsync(context) is null)
        {
            return;
        }

        var quizId = context.ReadCustomId(QuizIds.WrongAnswers).QuizId;
        var (quiz, wordings) = await questions.WrongWordingsAsync(quizId, context.CancellationToken);
        if (quiz?.ClosedUtc is null)
        {
            await context.Responder.ReplyEphemeralAsync("This question is still open: its wrong answers are shown once it closes.", context.CancellationToken);
            return;
        }

        await context.Responder.ReplyAsync(QuizViews.WrongWordingsView(quiz, await questions.CardOfAsync(quizId, context.CancellationToken), wordings), context.CancellationToken);
    }

    /// <summary>Accepts one wrong wording of a closed typed question for everyone, then shows what is left wrong.</summary>
    public async Task AcceptWordingAsync(InteractionContext context)
    {
        if (await RefuseAsync(context) is not var (guildId, _))
        {
            return;
        }

        var id = context.ReadCustomId(QuizIds.AcceptWording);
        await context.Responder.DeferUpdateAsync(context.CancellationToken);
        var (quiz, wordings) = await questions.WrongWordingsAsync(id.QuizId, context.CancellationToken);
        var wording = quiz?.Answers.FirstOrDefault(a => a.Id == id.AnswerId);
        string reply;
        if (quiz?.ClosedUtc is null || wording is null)
        {
            reply = "That answer is not one of this closed question's.";
        }
        else
        {
            reply = await accept.AcceptAsync(guildId, quiz.CardId, wording.AnswerText, context.CancellationToken);
            (quiz, wordings) = await questions.WrongWordingsAsync(id.QuizId, context.CancellationToken);
        }

        var view = QuizViews.WrongWordingsView(quiz!, await questions.CardOfAsync(id.QuizId, context.CancellationToken), wordings);
        await context.Responder.EditOriginalAsync(view with { Content = Text.Truncate(reply, 2000), Flags = null, AllowedMentions = new AllowedMentions() }, null, context.CancellationToken);
    }

    /// <summary>Quizzes run in a server channel, by instructors: the guild and channel, or null after telling the user why not.</summary>
    private async Task<(ulong GuildId, ulong ChannelId)?> RefuseAsync(InteractionContext context)
    {
        if (context.Interaction.GuildId is not { } guildId || context.Interaction.ChannelId is not { } channelId)
        {
            await context.Responder.ReplyEphemeralAsync("Quizzes run in a server channel.", context.CancellationToken);
            return null;
        }

        if (!await instructors.IsInstructorAsync(context.Interaction, context.CancellationToken))
        {
            await context.Responder.ReplyEphemeralAsync(Instructors.RefusalText, context.CancellationToken);
            return null;
        }

        return (guildId.Value, channelId.Value);
    }

    private static Task ReplyAsync(InteractionContext context, string reply)
        => context.Responder.EditOriginalAsync(new MessagePayload { Content = Text.Truncate(reply, 2000), AllowedMentions = new AllowedMentions() }, null, context.CancellationToken);
}
