using Spectre.Console.Cli;

namespace StudyBot.Cli;

public static class FsrsCli
{
    /// <summary>Registers the `fsrs` command branch.</summary>
    public static IConfigurator AddFsrsCommands(this IConfigurator config)
    {
        return config;
    }
}
