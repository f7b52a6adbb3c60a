using Microsoft.Extensions.Options;
using StudyBot.Hosting;

namespace StudyBot.Features.Shared;

/// <summary>The time zone a guild's scheduled posts (the question of the day) follow.</summary>
public interface IGuildTimeZones
{
    /// <summary>An IANA zone id.</summary>
    Task<string> ZoneOfAsync(ulong guildId, CancellationToken cancellationToken);
}

/// <summary>Until a guild sets its own zone: <c>StudyBot:DefaultTimeZone</c>, which is UTC unless configured.</summary>
public sealed class DefaultGuildTimeZones(IOptions<StudyBotOptions> options) : IGuildTimeZones
{
    public Task<string> ZoneOfAsync(ulong guildId, CancellationToken cancellationToken) => Task.FromResult(options.Value.DefaultTimeZone);
}
