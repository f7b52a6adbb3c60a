namespace StudyBot.Discord.Gateway;

/// <summary>
/// Receives gateway dispatches other than interactions (GUILD_CREATE, GUILD_DELETE,
/// GUILD_MEMBER_REMOVE, ...). Register implementations in DI; each runs on its own task.
/// </summary>
public interface IGatewayEventHandler
{
    bool Handles(string eventName);

    Task HandleAsync(GatewayDispatch dispatch, CancellationToken cancellationToken);
}
