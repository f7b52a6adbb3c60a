using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Features.Stats;
using StudyBot.Emulator.Interactions;

namespace StudyBot.Tests.EndToEnd;

public sealed class StatsAndSettingsTests(PlaygroundBot bot) : IClassFixture<PlaygroundBot>
{
    [Fact]
    public async Task Stats_AfterAStudentAnswers_InstructorSeesStudentsAndReviewsToday()
    {
        await TestDecks.UploadAsync(bot, TestDecks.McqThenTyped);
        var student = bot.AddStudent("counted");
        var prompt = await bot.RunAsync(student, "review", new CommandOptionInput("deck", "e2e-review"));
        await bot.ClickAsync(student, prompt.Message!, MessageView.ButtonLabelled(prompt.Message, "Pyongyang"));

        var stats = await bot.RunAsync(bot.You, "stats");

        var text = MessageView.Text(stats.Message);
        Assert.True(stats.Ephemeral);
        Assert.Contains("Students: 1", text);
        Assert.Contains("Reviews today: 1", text);
        Assert.Contains("`e2e-review` — 1 enrolled, 1 answers this week", text);
        var attachment = Assert.Single(stats.Message!["attachments"]!.AsArray())!;
        Assert.Equal("stats.png", attachment["filename"]!.GetValue<string>());
        Assert.Equal("attachment://stats.png", stats.Message["embeds"]![0]!["image"]!["url"]!.GetValue<string>());
        var stored = bot.Emulator.State.FindAttachment(attachment["id"]!.GetValue<string>());
        Assert.NotNull(stored);
        Assert.Equal("image/png", stored.ContentType);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], stored.Bytes.Take(4).ToArray());

        // The chart's data: 14 study days ending today, the one answer (the right choice) on the last.
        using var scope = bot.App.Services.CreateScope();
        var view = await scope.ServiceProvider.GetRequiredService<StatsService>().ForGuildAsync(ulong.Parse(bot.World.Guild.Id), ulong.Parse(bot.You.Id), CancellationToken.None);
        Assert.Equal(StatsService.ChartDays, view.Daily.Count);
        Assert.Equal(new DailyReviews(view.Daily[^1].Day, 1, 0), view.Daily[^1]);
        Assert.All(view.Daily.SkipLast(1), d => Assert.Equal(0, d.Total));
        Assert.Equal(view.Daily[^1].Day.AddDays(-13), view.Daily[0].Day);
    }

    [Fact]
    public async Task Stats_Student_IsRefused()
    {
        var outcome = await bot.RunAsync(bot.AddStudent("curious"), "stats");

        Assert.Contains("Only instructors", outcome.Content);
    }

    [Fact]
    public async Task Settings_ValidZoneAndLimits_AreSavedAndUnknownZoneChangesNothing()
    {
        var student = bot.AddStudent("settler");
        var userId = ulong.Parse(student.Id);

        var saved = await bot.RunAsync(student, "settings", new CommandOptionInput("timezone", "Pacific/Kiritimati"), new CommandOptionInput("day-start", 6), new CommandOptionInput("new-per-day", 5));
        Assert.Contains("Settings saved", MessageView.Text(saved.Message));
        var refused = await bot.RunAsync(student, "settings", new CommandOptionInput("timezone", "Atlantis/Capital"));
        Assert.Contains("not a known time zone", refused.Content);

        var settings = await bot.QueryAsync(db => db.UserSettings.SingleAsync(s => s.UserId == userId));
        Assert.Equal("Pacific/Kiritimati", settings.TimeZone);
        Assert.Equal(6, settings.DayStartHour);
        Assert.Equal(5, settings.NewPerDay);
    }

    [Fact]
    public async Task SettingsAutocomplete_TypedCity_SuggestsIanaZones()
    {
        var student = bot.AddStudent("typist");

        var handle = await student.AutocompleteAsync(bot.ChannelId, "settings", new CommandOptionInput("timezone", "Berl", Focused: true));
        var outcome = await handle.Callback.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(8, outcome.CallbackType);
        var names = outcome.Data!["choices"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("Europe/Berlin", names);
    }
}
