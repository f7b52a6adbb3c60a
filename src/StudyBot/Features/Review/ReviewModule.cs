using StudyBot.Core.Answers;
using StudyBot.Core.Scheduling;
using StudyBot.Data.Review;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;

namespace StudyBot.Features.Review;

/// <summary>/review and its buttons and modal: parses the interaction, calls the review service, shows the screen.</summary>
public sealed class ReviewModule(ReviewService reviews)
{
    public async Task StartAsync(InteractionContext context)
    {
        // The first card may need enrolment and a cold database: defer rather than risk Discord's 3 seconds.
        await context.Responder.DeferAsync(ephemeral: true, context.CancellationToken);
        MessagePayload screen;
        try
        {
            var prompt = await reviews.StartAsync(context.User.Id.Value, context.Interaction.GuildId?.Value, context.GetString("deck"), context.CancellationToken);
            screen = prompt is null
                ? ReviewViews.End(await reviews.EndAsync(context.User.Id.Value, await reviews.ScopeAsync(context.Interaction.GuildId?.Value, context.GetString("deck"), context.CancellationToken), context.CancellationToken))
                : ReviewViews.Prompt(prompt, ephemeral: false);
        }
        catch (StudyException e)
        {
            screen = new MessagePayload { Content = e.Message, AllowedMentions = new AllowedMentions() };
        }

        await context.Responder.EditOriginalAsync(screen, null, context.CancellationToken);
    }

    public async Task NextAsync(InteractionContext context)
    {
        var ids = Ids(context, 1);
        await context.Responder.DeferUpdateAsync(context.CancellationToken);
        var prompt = await reviews.NextAsync(context.User.Id.Value, context.Interaction.GuildId?.Value, (int)ids[0], context.CancellationToken);
        await ShowAsync(context, prompt is null
            ? ReviewViews.End(await reviews.EndAsync(context.User.Id.Value, (int)ids[0], context.CancellationToken))
            : ReviewViews.Prompt(prompt, ephemeral: false));
    }

    public async Task RevealAsync(InteractionContext context)
    {
        var ids = Ids(context, 3);
        await context.Responder.DeferUpdateAsync(context.CancellationToken);
        var reveal = await reviews.RevealAsync(context.User.Id.Value, (int)ids[0], (int)ids[1], (int)ids[2], context.CancellationToken);
        await ShowAsync(context, ReviewViews.Reveal(reveal));
    }

    public async Task OpenModalAsync(InteractionContext context)
    {
        var ids = Ids(context, 3);
        var prompt = await reviews.CurrentPromptAsync(context.User.Id.Value, (int)ids[0], (int)ids[1], (int)ids[2], context.CancellationToken);
        await context.Responder.ShowModalAsync(ReviewViews.AnswerModal(prompt), context.CancellationToken);
    }

    public Task ChooseAsync(InteractionContext context)
    {
        var ids = Ids(context, 4);
        return AnswerAsync(context, ids, new ChoiceAnswer((int)ids[2]), (int)ids[3]);
    }

    public Task GradeAsync(InteractionContext context)
    {
        var ids = Ids(context, 4);
        if (!Enum.IsDefined((Rating)ids[2]))
        {
            throw new InteractionExpiredException($"unknown grade {ids[2]}");
        }

        return AnswerAsync(context, ids, new SelfGrade((Rating)ids[2]), (int)ids[3]);
    }

    public Task SubmitTypedAsync(InteractionContext context)
    {
        var ids = Ids(context, 3);
        var text = context.GetModalValue(ReviewIds.AnswerField) ?? "";
        return AnswerAsync(context, ids, new TypedAnswer(text), (int)ids[2]);
    }

    public async Task UndoAsync(InteractionContext context)
    {
        var ids = Ids(context, 2);
        await context.Responder.DeferUpdateAsync(context.CancellationToken);
        var prompt = await reviews.UndoAsync(context.User.Id.Value, ids[0], (int)ids[1], context.CancellationToken);
        await ShowAsync(context, ReviewViews.Prompt(prompt, ephemeral: false));
    }

    /// <summary>"I was right" under an answer marked wrong.</summary>
    public async Task OverrideAsync(InteractionContext context)
    {
        var ids = Ids(context, 2);
        await context.Responder.DeferUpdateAsync(context.CancellationToken);
        await ShowOutcomeAsync(context, () => reviews.OverrideAsync(context.User.Id.Value, ids[0], (int)ids[1], context.CancellationToken));
    }

    private async Task AnswerAsync(InteractionContext context, long[] ids, StudentAnswer answer, int scope)
    {
        var shownAt = context.Interaction.Message is { } message ? message.EditedTimestamp ?? message.Timestamp : null;
        await context.Responder.DeferUpdateAsync(context.CancellationToken);
        await ShowOutcomeAsync(context, () => reviews.AnswerAsync(context.User.Id.Value, (int)ids[0], (int)ids[1], scope, answer, shownAt, context.CancellationToken));
    }

    /// <summary>Shows what an answer did; a problem the student can act on is said in a private follow-up and the card stays.</summary>
    private static async Task ShowOutcomeAsync(InteractionContext context, Func<Task<ReviewOutcome>> answer)
    {
        ReviewOutcome outcome;
        try
        {
            outcome = await answer();
        }
        catch (StudyException e)
        {
            await context.Responder.FollowupAsync(new MessagePayload { Content = e.Message, Flags = MessageFlags.Ephemeral, AllowedMentions = new AllowedMentions() }, null, context.CancellationToken);
            return;
        }

        await ShowAsync(context, ReviewViews.Outcome(outcome));
    }

    // Every review button defers first (the database may be slow to wake), then replaces the card's message.
    private static Task ShowAsync(InteractionContext context, MessagePayload screen)
        => context.Responder.EditOriginalAsync(screen, null, context.CancellationToken);

    private static long[] Ids(InteractionContext context, int count)
        => ReviewIds.Parse(context.CustomIdArgument, count) ?? throw new InteractionExpiredException($"unreadable custom_id {context.CustomId}");
}
