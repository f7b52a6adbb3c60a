using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;

namespace StudyBot.Discord.Interactions;

/// <summary>
/// Registers the whole command list by bulk overwrite: to <c>Discord:GuildId</c> when set (changes
/// appear at once, for development), otherwise globally.
/// </summary>
public sealed class CommandRegistrar(DiscordRestClient rest, IOptions<DiscordOptions> options, ILogger<CommandRegistrar> logger)
{
    public async Task<IReadOnlyList<ApplicationCommand>> RegisterAsync(IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (!Snowflake.TryParse(settings.ApplicationId, out var applicationId))
        {
            throw new InvalidOperationException("Discord:ApplicationId must be set to register commands.");
        }

        DiscordLimits.CheckCommands(commands);
        if (Snowflake.TryParse(settings.GuildId, out var guildId))
        {
            var registered = await rest.BulkOverwriteGuildCommandsAsync(applicationId, guildId, commands, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Registered {Count} commands in guild {Guild}", registered.Count, guildId);
            return registered;
        }

        var global = await rest.BulkOverwriteGlobalCommandsAsync(applicationId, commands, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Registered {Count} global commands", global.Count);
        return global;
    }
}
