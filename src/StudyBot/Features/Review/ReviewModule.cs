using StudyBot.Core.Answers;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Review;

/// <summary>/review and its buttons and modal: parses the interaction, calls the review service, shows the screen.</summary>
public sealed class ReviewModule(ReviewService reviews, Decks.DeckService decks, Data.StudyDbContext db)
{
    public async Task StartAsync(InteractionContext context)
    {
        // The first card may need enrolment and a cold database: defer rather than risk Discord's 3 seconds.
        await context.Responder.DeferAsync(ephemeral: true, context.CancellationToken);
        MessagePayload screen;
        int? cardId = null;
        var place = Place.Of(context);
        if (context.GetString("deck") is null or "" && await decks.JoinOfferAsync(place.GuildId, place.UserId, context.CancellationToken) is { } offer)
        {
            await context.Responder.EditOriginalAsync(Decks.DeckViews.JoinOffer(offer, inDm: place.InDirectMessage) with { Flags = null }, null, context.CancellationToken);
            return;
        }

        try
        {
            var prompt = await reviews.StartAsync(place, context.GetString("deck"), context.CancellationToken);
            cardId = prompt?.CardId;
            screen = prompt is null
                ? ReviewViews.End(await reviews.EndAsync(place, await reviews.ScopeAsync(place, context.GetString("deck"), context.CancellationToken), context.CancellationToken))
                : ReviewViews.Prompt(prompt, ephemeral: false);
        }
        catch (Exception e) when (RefusalException.Text(e) is { } refused)
        {
            screen = new MessagePayload { Content = refused, AllowedMentions = new AllowedMentions() };
        }

        await ShowAsync(context, screen, cardId);
    }

    public async Task NextAsync(InteractionContext context)
    {
        var next = context.ReadCustomId(ReviewIds.Next);
        await context.Responder.DeferUpdateAsync(context.CancellationToken);
        var place = Place.Of(context);
        var prompt = await reviews.NextAsync(place, next.Scope, context.CancellationToken);
        await ShowAsync(context, prompt is null
            ? ReviewViews.End(await reviews.EndAsync(place, next.Scope, context.CancellationToken))
            : ReviewViews.Prompt(prompt, ephemeral: false), prompt?.CardId);
    }

    public async Task RevealAsync(InteractionContext context)
    {
        var shown = context.ReadCustomId(ReviewIds.ShowAnswer);
        await context.Responder.DeferUpdateAsync(context.CancellationToken);
        var reveal = await reviews.RevealAsync(Place.Of(context), shown.CardId, shown.Nonce, shown.Scope, context.CancellationToken);
        await ShowAsync(context, ReviewViews.Reveal(reveal), reveal.Prompt.CardId);
    }

    public async Task OpenModalAsync(InteractionContext context)
    {
        var shown = context.ReadCustomId(ReviewIds.Type);
        var prompt = await reviews.CurrentPromptAsync(Place.Of(context), shown.CardId, shown.Nonce, shown.Scope, context.CancellationToken);
        await context.Responder.ShowModalAsync(ReviewViews.AnswerModal(prompt), context.CancellationToken);
    }

    public Task ChooseAsync(InteractionContext context)
    {
        var choice = context.ReadCustomId(ReviewIds.Choice);
        return AnswerAsync(context, choice.CardId, choice.Nonce, choice.Scope, new ChoiceAnswer(choice.ChoiceIndex));
    }

    public Task GradeAsync(InteractionContext context)
    {
        var grade = context.ReadCustomId(ReviewIds.Grade);
        return AnswerAsync(context, grade.CardId, grade.Nonce, grade.Scope, new SelfGrade(grade.Rating));
    }

    public Task SubmitTypedAsync(InteractionContext context)
    {
        var shown = context.ReadCustomId(ReviewIds.Modal);
        var text = context.GetModalValue(ReviewIds.AnswerField) ?? "";
        return AnswerAsync(context, shown.CardId, shown.Nonce, shown.Scope, new TypedAnswer(text));
    }

    public async Task UndoAsync(InteractionContext context)
    {
        var undo = context.ReadCustomId(ReviewIds.Undo);
        await context.Responder.DeferUpdateAsync(context.CancellationToken);
        ReviewPrompt prompt;
        try
        {
            prompt = await reviews.UndoAsync(Place.Of(context), undo.LogId, undo.Scope, context.CancellationToken);
        }
        catch (Exception e) when (RefusalException.Text(e) is { } refused)
        {
            // A stale Undo says why in a private follow-up; the screen stays as it is.
            await SayAsync(context, refused);
            return;
        }

        await ShowAsync(context, ReviewViews.Prompt(prompt, ephemeral: false), prompt.CardId);
    }

    /// <summary>"I was right" under an answer marked wrong.</summary>
    public async Task OverrideAsync(InteractionContext context)
    {
        var wrong = context.ReadCustomId(ReviewIds.Override);
        await context.Responder.DeferUpdateAsync(context.CancellationToken);
        await ShowOutcomeAsync(context, () => reviews.OverrideAsync(Place.Of(context), wrong.LogId, wrong.Scope, context.CancellationToken));
    }

    private async Task AnswerAsync(InteractionContext context, int cardId, int nonce, int scope, StudentAnswer answer)
    {
        var shownAt = context.Interaction.Message is { } message ? message.EditedTimestamp ?? message.Timestamp : null;
        await context.Responder.DeferUpdateAsync(context.CancellationToken);
        var place = Place.Of(context);
        await ShowOutcomeAsync(context, async () =>
        {
            var outcome = await reviews.AnswerAsync(place, cardId, nonce, scope, answer, shownAt, context.CancellationToken);
            // Counted after the answer is saved, outside its transaction: the footer's counts left today.
            return outcome with { Left = await reviews.LeftTodayAsync(place, scope, outcome.AnsweredUtc, context.CancellationToken) };
        });
    }

    /// <summary>Shows what an answer did; a problem the student can act on is said in a private follow-up and the card stays.</summary>
    private async Task ShowOutcomeAsync(InteractionContext context, Func<Task<ReviewOutcome>> answer)
    {
        ReviewOutcome outcome;
        try
        {
            outcome = await answer();
        }
        catch (Exception e) when (RefusalException.Text(e) is { } refused)
        {
            await SayAsync(context, refused);
            return;
        }

        await ShowAsync(context, ReviewViews.Outcome(outcome), outcome.Prompt.CardId);
    }

    private static Task SayAsync(InteractionContext context, string message)
        => context.Responder.FollowupAsync(new MessagePayload { Content = message, Flags = MessageFlags.Ephemeral, AllowedMentions = new AllowedMentions() }, null, context.CancellationToken);

    // Every review button defers first (the database may be slow to wake), then replaces the card's message,
    // with the card's image when it has one (and without the previous card's).
    private async Task ShowAsync(InteractionContext context, MessagePayload screen, int? cardId)
    {
        var image = cardId is { } id ? await CardImages.ForCardAsync(db, id, context.CancellationToken) : null;
        var (shown, files) = CardImages.Show(screen, image);
        await context.Responder.EditOriginalAsync(shown, files, context.CancellationToken);
    }
}
