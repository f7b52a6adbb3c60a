using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Data.Entities;
using StudyBot.Hosting;
using StudyBot.Tests.EndToEnd;

namespace StudyBot.Tests.Quiz;

/// <summary>
/// The real host in Playground mode whose study clock, and so Quartz's, is a fake: a test moves time
/// and the real scheduler fires the stored triggers. Discord's own timers keep real time.
/// </summary>
public sealed class FakeClockBot : IAsyncLifetime
{
    /// <summary>Saturday 13 March 2027, 12:00 UTC: 07:00 in New York, the day before its clocks go forward.</summary>
    public static readonly DateTimeOffset Start = new(2027, 3, 13, 12, 0, 0, TimeSpan.Zero);

    public FakeClockBot()
    {
        Bot = new PlaygroundBot
        {
            Configure = builder =>
            {
                builder.Services.Replace(ServiceDescriptor.Singleton(new StudyClock(Time)));
                builder.Logging.AddProvider(Logs);
            },
        };
    }

    public FakeTimeProvider Time { get; } = new(Start);

    /// <summary>What the bot logged, each record with its category, level and exception.</summary>
    public FakeLoggerProvider Logs { get; } = new();

    public PlaygroundBot Bot { get; }

    /// <summary>Stores the server's time zone, as <c>/config timezone</c> does.</summary>
    public Task SetServerTimeZoneAsync(string zone) => Bot.QueryAsync(async db =>
    {
        var guildId = ulong.Parse(Bot.World.Guild.Id);
        if (!await db.Guilds.AnyAsync(g => g.Id == guildId))
        {
            db.Guilds.Add(new Guild { Id = guildId, Name = Bot.World.Guild.Name, CreatedUtc = Time.GetUtcNow().UtcDateTime });
        }

        var settings = await db.GuildSettings.AsTracking().FirstOrDefaultAsync(s => s.GuildId == guildId);
        if (settings is null)
        {
            settings = new GuildSettings { GuildId = guildId };
            db.GuildSettings.Add(settings);
        }

        settings.TimeZone = zone;
        return await db.SaveChangesAsync();
    });

    public Task InitializeAsync() => Bot.InitializeAsync();

    public Task DisposeAsync() => Bot.DisposeAsync();
}
