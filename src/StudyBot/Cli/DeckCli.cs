using Spectre.Console.Cli;

namespace StudyBot.Cli;

public static class DeckCli
{
    /// <summary>Registers the `deck` command branch.</summary>
    public static IConfigurator AddDeckCommands(this IConfigurator config)
    {
        return config;
    }
}
