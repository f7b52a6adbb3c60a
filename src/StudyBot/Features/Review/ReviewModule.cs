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
        ReviewPrompt? prompt;
        try
        {
            prompt = await reviews.StartAsync(context.User.Id.Value, context.Interaction.GuildId?.Value, context.GetString("deck"), context.CancellationToken);
        }
        catch (StudyException e)
        {
            await context.Responder.ReplyEphemeralAsync(e.Message, context.CancellationToken);
            return;
        }

        await context.Responder.ReplyAsync(prompt is null ? ReviewViews.Done(ephemeral: true) : ReviewViews.Prompt(prompt, ephemeral: true), context.CancellationToken);
    }

    public async Task NextAsync(InteractionContext context)
    {
        var ids = Ids(context, 1);
        var prompt = await reviews.NextAsync(context.User.Id.Value, context.Interaction.GuildId?.Value, (int)ids[0], context.CancellationToken);
        var screen = prompt is null ? ReviewViews.Done(ephemeral: false) : ReviewViews.Prompt(prompt, ephemeral: false);
        await ShowAsync(context, screen);
    }

    public async Task RevealAsync(InteractionContext context)
    {
        var ids = Ids(context, 3);
        var reveal = await reviews.RevealAsync(context.User.Id.Value, (int)ids[0], (int)ids[1], (int)ids[2], context.CancellationToken);
        await context.Responder.UpdateMessageAsync(ReviewViews.Reveal(reveal), context.CancellationToken);
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
        var prompt = await reviews.UndoAsync(context.User.Id.Value, ids[0], (int)ids[1], context.CancellationToken);
        await context.Responder.UpdateMessageAsync(ReviewViews.Prompt(prompt, ephemeral: false), context.CancellationToken);
    }

    private async Task AnswerAsync(InteractionContext context, long[] ids, StudentAnswer answer, int scope)
    {
        var shownAt = context.Interaction.Message is { } message ? message.EditedTimestamp ?? message.Timestamp : null;
        ReviewOutcome outcome;
        try
        {
            outcome = await reviews.AnswerAsync(context.User.Id.Value, (int)ids[0], (int)ids[1], scope, answer, shownAt, context.CancellationToken);
        }
        catch (StudyException e)
        {
            await context.Responder.ReplyEphemeralAsync(e.Message, context.CancellationToken);
            return;
        }

        await ShowAsync(context, ReviewViews.Outcome(outcome));
    }

    // A button or a modal opened from one updates the card's message in place; a modal from elsewhere answers anew.
    private static Task ShowAsync(InteractionContext context, MessagePayload screen)
        => context.Interaction.Message is null
            ? context.Responder.ReplyAsync(screen with { Flags = MessageFlags.Ephemeral }, context.CancellationToken)
            : context.Responder.UpdateMessageAsync(screen, context.CancellationToken);

    private static long[] Ids(InteractionContext context, int count)
        => ReviewIds.Parse(context.CustomIdArgument, count) ?? throw new InteractionExpiredException($"unreadable custom_id {context.CustomId}");
}
