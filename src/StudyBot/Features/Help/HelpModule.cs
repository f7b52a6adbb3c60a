using StudyBot.Discord.Interactions;

namespace StudyBot.Features.Help;

/// <summary>/help: the ephemeral overview.</summary>
public sealed class HelpModule(HelpService help) : IInteractionHandler
{
    public Task HandleAsync(InteractionContext context)
        => context.Responder.ReplyAsync(help.Build(), context.CancellationToken);
}
