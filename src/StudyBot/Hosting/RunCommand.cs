using Spectre.Console.Cli;

namespace StudyBot.Hosting;

/// <summary>
/// Runs the bot: connects to Discord when a token is configured, otherwise serves the Playground.
/// Listed in the CLI's help; <see cref="HostArguments.TryGet"/> routes runs past the CLI parser, because
/// configuration overrides such as <c>--Playground:Port=0</c> are not options it knows.
/// </summary>
public sealed class RunCommand : AsyncCommand
{
    public override Task<int> ExecuteAsync(CommandContext context) => BotHost.RunAsync([.. context.Remaining.Raw]);
}
