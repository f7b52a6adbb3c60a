using StudyBot.Discord.Interactions;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Help;

/// <summary>/help: the ephemeral overview for the asker's role and place, and its page buttons.</summary>
public sealed class HelpModule(HelpService help, Instructors instructors)
{
    public async Task HandleAsync(InteractionContext context)
    {
        var inDm = context.Interaction.GuildId is null;
        var teaches = !inDm && await instructors.IsInstructorAsync(context.Interaction, context.CancellationToken);
        await context.Responder.ReplyAsync(help.Students(inDm, teaches), context.CancellationToken);
    }

    /// <summary>A page button: the instructors' page only for one who teaches in this server (asked again, not taken from the button).</summary>
    public async Task PageAsync(InteractionContext context)
    {
        var page = context.ReadCustomId(HelpIds.Page);
        var inDm = context.Interaction.GuildId is null;
        var teaches = !inDm && await instructors.IsInstructorAsync(context.Interaction, context.CancellationToken);
        if (page.Page == 2 && !teaches)
        {
            await context.Responder.ReplyEphemeralAsync(Instructors.RefusalText, context.CancellationToken);
            return;
        }

        await context.Responder.UpdateMessageAsync(page.Page == 2 ? help.Instructors() : help.Students(inDm, teaches), context.CancellationToken);
    }
}
