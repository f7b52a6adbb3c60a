namespace StudyBot.Hosting.Commands;

/// <summary>Every command the features registered, in registration order.</summary>
public sealed class CommandCatalog(IEnumerable<BotCommand> commands)
{
    public IReadOnlyList<BotCommand> Commands { get; } = commands.ToList();
}
