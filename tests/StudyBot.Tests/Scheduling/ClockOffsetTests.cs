using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Hosting;

namespace StudyBot.Tests.Scheduling;

/// <summary>StudyBot:ClockOffset: the study clock (and so Quartz's) runs ahead or behind by a fixed amount.</summary>
public sealed class ClockOffsetTests
{
    [Fact]
    public void OffsetTimeProvider_ShiftsTheWallClockOnly()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2027, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var shifted = OffsetTimeProvider.Around(real, TimeSpan.FromSeconds(42));

        Assert.Equal(new DateTimeOffset(2027, 1, 1, 12, 0, 42, TimeSpan.Zero), shifted.GetUtcNow());
        Assert.Equal(real.GetTimestamp(), shifted.GetTimestamp());
        Assert.Same(real, OffsetTimeProvider.Around(real, TimeSpan.Zero));
    }

    [Fact]
    public void StudyClock_OffsetConfigured_IsThatFarAheadOfTheRealClock()
    {
        using var services = Compose("-00:10:00");

        var drift = services.GetRequiredService<StudyClock>().Time.GetUtcNow() - DateTimeOffset.UtcNow;

        Assert.InRange(drift.TotalSeconds, -601, -599);
    }

    [Fact]
    public void StudyBotOptions_OffsetBeyondADay_RefusedWithTheKeyName()
    {
        using var services = Compose("2.00:00:00");

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StudyBotOptions>>().Value);
        Assert.Contains("StudyBot:ClockOffset must be within a day either way", error.Message);
    }

    private static ServiceProvider Compose(string offset)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["StudyBot:ClockOffset"] = offset }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddStudyBotCore();
        return services.BuildServiceProvider();
    }
}
