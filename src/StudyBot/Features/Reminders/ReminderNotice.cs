using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;

namespace StudyBot.Features.Reminders;

/// <summary>
/// After a student's next interaction, tells them (once, privately) that their reminder was turned off
/// because their DMs are closed, when no study channel could carry the notice.
/// </summary>
public sealed class ReminderNotice(ReminderService reminders) : IInteractionObserver
{
    public Task BeforeAsync(InteractionContext context) => Task.CompletedTask;

    public async Task AfterAsync(InteractionContext context)
    {
        if (context.Interaction.Type is not (InteractionType.ApplicationCommand or InteractionType.MessageComponent or InteractionType.ModalSubmit)
            || !context.Responder.HasResponded
            || !await reminders.TakePendingNoticeAsync(context.User.Id.Value, context.CancellationToken))
        {
            return;
        }

        await context.Responder.FollowupAsync(
            new MessagePayload { Content = ReminderService.TurnedOffText, Flags = MessageFlags.Ephemeral, AllowedMentions = new AllowedMentions() },
            null,
            context.CancellationToken);
    }
}
