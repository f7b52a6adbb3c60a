using Spectre.Console.Cli;

namespace StudyBot.Hosting;

/// <summary>Runs the bot: connects to Discord when a token is configured, otherwise serves the Playground.</summary>
public sealed class RunCommand : AsyncCommand
{
    public override Task<int> ExecuteAsync(CommandContext context) => BotHost.RunAsync(context.Remaining.Raw.ToArray());
}
