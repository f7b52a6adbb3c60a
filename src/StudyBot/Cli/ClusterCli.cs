using Spectre.Console.Cli;
using StudyBot.Cli.Cluster;

namespace StudyBot.Cli;

public static class ClusterCli
{
    /// <summary>Registers the `cluster` command branch.</summary>
    public static IConfigurator AddClusterCommands(this IConfigurator config)
    {
        config.AddBranch("cluster", cluster =>
        {
            cluster.SetDescription("See how the bot's processes on one PostgreSQL database share the gateway shards.");
            cluster.AddCommand<ClusterStatusCommand>("status")
                .WithDescription("List every gateway shard with the process holding it and since when, and every process with its last lease renewal.");
        });
        return config;
    }
}
