using System.ComponentModel;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using StudyBot.Hosting;
using StudyBot.Hosting.Commands;
using StudyBot.Setup;

namespace StudyBot.Cli.Setup;

public sealed class InviteUrlSettings : CommandSettings
{
    [CommandOption("--application-id <ID>")]
    [Description("The application id (default: Discord:ApplicationId from appsettings.json, the environment or --Discord:ApplicationId=...).")]
    public string? ApplicationId { get; init; }

    [CommandOption("--guild <ID>")]
    [Description("Preselect this server in Discord's invite page.")]
    public string? GuildId { get; init; }
}

/// <summary>`studybot invite-url`: the link that adds the bot to a server, with exactly the permissions its features need.</summary>
public sealed class InviteUrlCommand : Command<InviteUrlSettings>
{
    public override int Execute(CommandContext context, InviteUrlSettings settings)
    {
        var configuration = SetupConfiguration.Read(context.Remaining);
        var applicationId = settings.ApplicationId ?? configuration["Discord:ApplicationId"];
        if (string.IsNullOrWhiteSpace(applicationId) || !ulong.TryParse(applicationId, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {(string.IsNullOrWhiteSpace(applicationId) ? "no application id: pass --application-id ID or set Discord:ApplicationId (the developer portal shows it under General Information)" : $"'{applicationId}' is not a Discord application id (digits only)")}");
            return 1;
        }

        if (settings.GuildId is { } guild && !ulong.TryParse(guild, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] --guild '{guild}' is not a Discord server id (digits only)");
            return 1;
        }

        var needs = BotPermissions.For(FeatureCommands());
        var value = BotPermissions.Value(needs);
        Console.Out.WriteLine(InviteUrl.Build(applicationId, value, settings.GuildId));
        AnsiConsole.MarkupLineInterpolated($"Scopes: bot, applications.commands. Permissions {value.ToString(CultureInfo.InvariantCulture)}:");
        foreach (var need in needs)
        {
            AnsiConsole.MarkupLineInterpolated($"  {need.Permission.Name} ({need.Permission.Constant}): {string.Join("; ", need.Reasons)}");
        }

        AnsiConsole.MarkupLine("Everything else is answered as interaction responses and DMs, which need no channel permission. No privileged intent is needed.");
        return 0;
    }

    /// <summary>The commands the bot registers, read from the same feature list the host composes.</summary>
    private static IEnumerable<BotCommand> FeatureCommands()
        => new ServiceCollection().AddStudyBotFeatures()
            .Where(d => d.ServiceType == typeof(BotCommand) && d.ImplementationInstance is BotCommand)
            .Select(d => (BotCommand)d.ImplementationInstance!);
}
