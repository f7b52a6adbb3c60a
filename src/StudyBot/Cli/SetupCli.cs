using Spectre.Console.Cli;
using StudyBot.Cli.Setup;

namespace StudyBot.Cli;

public static class SetupCli
{
    /// <summary>Registers `invite-url` and `check` (getting onto Discord) and `health` (the container's probe).</summary>
    public static IConfigurator AddSetupCommands(this IConfigurator config)
    {
        config.AddCommand<InviteUrlCommand>("invite-url")
            .WithDescription("Print the link that adds the bot to a server (bot + applications.commands scopes, exactly the permissions it needs, by name).");
        config.AddCommand<CheckCommand>("check")
            .WithDescription("Check the configuration and the token against Discord (GET /users/@me, the application id); one line per problem.");
        config.AddCommand<HealthCommand>("health")
            .WithDescription("Probe the running bot's /healthz (or /readyz with --ready); exit 0 when it answers 200. The Docker image's HEALTHCHECK.");
        return config;
    }
}
