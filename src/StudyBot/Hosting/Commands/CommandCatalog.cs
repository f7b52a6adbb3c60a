using StudyBot.Discord.Interactions;

namespace StudyBot.Hosting.Commands;

/// <summary>
/// Every command the features registered, in registration order. Built once at start, it refuses a
/// command declared without a route, routed without a declaration, or routed twice
/// (<see cref="CommandRouteCheck"/>), so such a mistake stops the bot at once instead of failing a user.
/// </summary>
public sealed class CommandCatalog
{
    public CommandCatalog(IEnumerable<BotCommand> commands, InteractionRouteTable routes)
    {
        Commands = commands.ToList();
        if (CommandRouteCheck.Problems(Commands.Select(c => c.Definition), routes.All) is { Count: > 0 } problems)
        {
            throw new StartupException($"The declared commands and their routes disagree: {string.Join("; ", problems)}.");
        }
    }

    public IReadOnlyList<BotCommand> Commands { get; }
}
