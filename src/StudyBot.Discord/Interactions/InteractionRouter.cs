using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudyBot.Discord.Diagnostics;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;

namespace StudyBot.Discord.Interactions;

/// <summary>
/// Runs each interaction in its own DI scope through the handler its command path or custom_id
/// prefix names, after the acknowledgement the route asks for (before observers, so it never waits
/// on them) and after every <see cref="IInteractionGate"/> let it through (a refusal is told to the
/// user and nothing else runs). An <see cref="IInteractionGuard"/> may refuse an interaction before it
/// is acknowledged (storage unusable), or name a failure it knows (storage full). Unknown or stale
/// prompts get an ephemeral "expired" note; other failures are logged and the user gets an ephemeral
/// apology instead of Discord's "interaction failed". An interaction
/// delivered a second time is not run again: the first delivery answered it.
/// </summary>
public sealed class InteractionRouter(
    IServiceScopeFactory scopes, InteractionRouteTable routes, InteractionDeduplicator deduplicator, DeferredHandlerSlots deferredSlots, ILogger<InteractionRouter> logger)
{
    public const string ExpiredText = "This prompt has expired.";
    public const string UnknownCommandText = "This command is not available any more.";
    public const string ErrorText = "Something went wrong while handling that. Please try again.";

    public async Task HandleAsync(Interaction interaction, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        if (interaction.Type == InteractionType.Ping)
        {
            await responder.RespondAsync(InteractionResponse.Pong, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!deduplicator.TryClaim(interaction.Id))
        {
            logger.LogInformation("Interaction {Id} was delivered again; it was taken the first time, so it is not run again", interaction.Id);
            return;
        }

        // Every line logged while this interaction runs names it (the JSON log format writes scopes as fields).
        using var logScope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["InteractionId"] = interaction.Id.ToString(),
            ["GuildId"] = interaction.GuildId?.ToString(),
            ["ChannelId"] = interaction.ChannelId?.ToString(),
            ["InteractionType"] = interaction.Type.ToString(),
        });
        // The trace's root: the database commands and REST calls the handler makes are its children.
        using var activity = DiscordTracing.Interaction(interaction.Id.ToString(), interaction.Type.ToString());
        await using var scope = scopes.CreateAsyncScope();
        var context = new InteractionContext(interaction, scope.ServiceProvider, responder, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        InteractionRoute? matched = null;
        var outcome = "ok";
        try
        {
            var found = routes.Find(context);
            if (found is null)
            {
                outcome = "unrouted";
                logger.LogInformation("No handler for {Interaction}", context);
                await AnswerUnroutedAsync(context).ConfigureAwait(false);
                return;
            }

            var (route, argument) = found.Value;
            matched = route;
            context.CustomIdArgument = argument;
            context.Route = route;
            if (Refusal(scope.ServiceProvider, context) is { } unusable)
            {
                outcome = "refused";
                logger.LogInformation("Refused {Interaction}: {Refusal}", context, unusable);
                await SafelyAsync(context, () => NoteAsync(context, matched, unusable)).ConfigureAwait(false);
                return;
            }

            using var turn = route.Acknowledgement == RouteAcknowledgement.DeferEphemeral ? await AcknowledgeAsync(context).ConfigureAwait(false) : null;
            foreach (var gate in scope.ServiceProvider.GetServices<IInteractionGate>())
            {
                if (await gate.RefuseAsync(context).ConfigureAwait(false) is { } refusal)
                {
                    outcome = "refused";
                    logger.LogWarning("Refused {Interaction} (custom_id '{CustomId}'): {Refusal}", context, context.CustomId, refusal);
                    await NoteAsync(context, route, refusal).ConfigureAwait(false);
                    return;
                }
            }

            var observers = scope.ServiceProvider.GetServices<IInteractionObserver>().ToList();
            foreach (var observer in observers)
            {
                await observer.BeforeAsync(context).ConfigureAwait(false);
            }

            await route.Handler(context).ConfigureAwait(false);
            foreach (var observer in observers)
            {
                await observer.AfterAsync(context).ConfigureAwait(false);
            }
        }
        catch (InteractionExpiredException e)
        {
            outcome = "expired";
            logger.LogInformation("Stale prompt {Interaction}: {Reason}", context, e.Message);
            await SafelyAsync(context, () => NoteAsync(context, matched, ExpiredText)).ConfigureAwait(false);
        }
        catch (DiscordApiException e) when (e.IsUnknownInteraction)
        {
            // Answered after Discord's 3 s window: nobody is left to tell.
            outcome = "too_late";
            logger.LogWarning("Interaction {Interaction} expired before it was answered", context);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = "cancelled";
            throw;
        }
        catch (Exception e) when (Explain(scope.ServiceProvider, e) is { } explained)
        {
            outcome = "refused";
            logger.LogWarning("Handler for {Interaction} stopped: {Reason} ({Message})", context, explained, e.Message);
            await SafelyAsync(context, () => NoteAsync(context, matched, explained)).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            outcome = "failed";
            logger.LogError(e, "Handler failed for {Interaction}", context);
            await SafelyAsync(context, () => NoteAsync(context, matched, ErrorText)).ConfigureAwait(false);
        }
        finally
        {
            DiscordMetrics.InteractionHandled(matched?.Kind, matched?.Key ?? DiscordMetrics.Unrouted, outcome, Stopwatch.GetElapsedTime(started));
            activity?.SetTag("studybot.route", matched?.Key ?? DiscordMetrics.Unrouted);
            activity?.SetTag("studybot.outcome", outcome);
            if (outcome == "failed")
            {
                activity?.SetStatus(ActivityStatusCode.Error);
            }
        }
    }

    private static string? Refusal(IServiceProvider services, InteractionContext context)
    {
        foreach (var guard in services.GetServices<IInteractionGuard>())
        {
            if (guard.Refusal(context) is { } refusal)
            {
                return refusal;
            }
        }
        return null;
    }

    private static string? Explain(IServiceProvider services, Exception exception)
    {
        foreach (var guard in services.GetServices<IInteractionGuard>())
        {
            if (guard.Explain(exception) is { } explained)
            {
                return explained;
            }
        }
        return null;
    }

    // Acknowledged at once; the handler then waits its turn, so a burst cannot starve the threads the next acknowledgements need.
    private async Task<IDisposable> AcknowledgeAsync(InteractionContext context)
    {
        await context.Responder.DeferAsync(ephemeral: true, context.CancellationToken).ConfigureAwait(false);
        return await deferredSlots.TakeAsync(context.CancellationToken).ConfigureAwait(false);
    }

    private static Task AnswerUnroutedAsync(InteractionContext context) => context.Interaction.Type switch
    {
        InteractionType.ApplicationCommandAutocomplete => context.Responder.AutocompleteAsync([], context.CancellationToken),
        InteractionType.ApplicationCommand => context.Responder.ReplyEphemeralAsync(UnknownCommandText, context.CancellationToken),
        _ => context.Responder.ReplyEphemeralAsync(ExpiredText, context.CancellationToken),
    };

    // Autocomplete cannot carry a message; after an initial answer the note goes as a follow-up, or
    // replaces the "thinking" of a deferral the router made.
    private static Task NoteAsync(InteractionContext context, InteractionRoute? route, string text)
    {
        if (context.Interaction.Type == InteractionType.ApplicationCommandAutocomplete)
        {
            return context.Responder.HasResponded ? Task.CompletedTask : context.Responder.AutocompleteAsync([], context.CancellationToken);
        }

        if (route?.Acknowledgement == RouteAcknowledgement.DeferEphemeral && context.Responder.HasResponded)
        {
            return context.Responder.EditOriginalAsync(new MessagePayload { Content = text, AllowedMentions = new AllowedMentions() }, null, context.CancellationToken);
        }

        return context.Responder.HasResponded
            ? context.Responder.FollowupAsync(new MessagePayload { Content = text, Flags = MessageFlags.Ephemeral }, null, context.CancellationToken)
            : context.Responder.ReplyEphemeralAsync(text, context.CancellationToken);
    }

    private async Task SafelyAsync(InteractionContext context, Func<Task> answer)
    {
        try
        {
            await answer().ConfigureAwait(false);
        }
        catch (Exception e) when (e is DiscordApiException or HttpRequestException or TimeoutException or InteractionAlreadyAnsweredException)
        {
            logger.LogWarning(e, "Could not tell the user about the outcome of {Interaction}", context);
        }
    }
}
