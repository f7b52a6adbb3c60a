using Spectre.Console.Cli;

namespace StudyBot.Cli;

public static class DbCli
{
    /// <summary>Registers the `db` command branch.</summary>
    public static IConfigurator AddDbCommands(this IConfigurator config)
    {
        return config;
    }
}
