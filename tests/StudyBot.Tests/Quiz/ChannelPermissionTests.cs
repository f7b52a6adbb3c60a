using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using StudyBot.Emulator.Interactions;
using StudyBot.Emulator.State;
using StudyBot.Features.Daily;
using StudyBot.Tests.EndToEnd;
using StudyBot.Tests.Observability;

namespace StudyBot.Tests.Quiz;

/// <summary>
/// Channels the bot may not post in, through the emulator's permission overwrites: commands that would
/// post there are refused up front naming what is missing, and a refusal at run time (403, 50013) ends
/// the quiz or pauses the question of the day, tells the instructor once and is counted in /metrics.
/// </summary>
[Collection(nameof(MetricsCollection))]
public sealed class ChannelPermissionTests(FakeClockBot fixture) : IClassFixture<FakeClockBot>
{
    private PlaygroundBot Bot => fixture.Bot;

    [Fact]
    public async Task QuizStart_ChannelDenyingSendMessages_RefusedNamingThePermissionsAndNothingIsOpen()
    {
        await TestDecks.UploadAsync(Bot, QuizSessionTests.FiveCards);
        var channel = Bot.Emulator.State.AddTextChannel(Bot.World.Guild.Id, "no-send-quiz");
        DenyBot(channel.Id, Permissions.SendMessages);

        var start = await RunAsync(channel.Id, "quiz", CommandOptionInput.Sub("start", new CommandOptionInput("deck", "e2e-quiz"), new CommandOptionInput("questions", 3)));

        // Denying Send Messages denies Embed Links with it, as Discord does.
        Assert.StartsWith($"I need Send Messages and Embed Links in <#{channel.Id}>. No quiz was started.", start.Content);
        Assert.Empty(Bot.Emulator.State.MessagesIn(channel.Id));
        var channelId = ulong.Parse(channel.Id);
        Assert.Equal(0, await Bot.QueryAsync(db => db.QuizSessions.CountAsync(s => s.ChannelId == channelId)));
        Assert.Equal(0, await Bot.QueryAsync(db => db.Quizzes.CountAsync(q => q.ChannelId == channelId)));
        var stop = await RunAsync(channel.Id, "quiz", CommandOptionInput.Sub("stop"));
        Assert.Equal("No quiz is running in this channel.", stop.Content);
    }

    [Fact]
    public async Task DailySetAndStudyChannel_ChannelHiddenFromTheBot_RefusedNamingThePermissionsAndNothingIsSet()
    {
        await TestDecks.UploadAsync(Bot, QuizSessionTests.FiveCards);
        var hidden = Bot.Emulator.State.AddTextChannel(Bot.World.Guild.Id, "staff-only");
        // Hidden from everyone by the @everyone overwrite; the bot has no role or member overwrite that shows it.
        Bot.Emulator.State.SetOverwrite(hidden.Id, new PermissionOverwrite(Bot.World.Guild.Id, PermissionOverwrite.RoleType, 0, Permissions.ViewChannel));

        var daily = await Bot.RunAsync(Bot.You, "daily", CommandOptionInput.Sub("set", new CommandOptionInput("channel", hidden.Id), new CommandOptionInput("time", "08:00")));
        var config = await Bot.RunAsync(Bot.You, "config", CommandOptionInput.Sub("study-channel", new CommandOptionInput("channel", hidden.Id)));

        Assert.StartsWith($"I need View Channels, Send Messages and Embed Links in <#{hidden.Id}>. The question of the day was not set.", daily.Content);
        Assert.StartsWith($"I need View Channels and Send Messages in <#{hidden.Id}>.", config.Content);
        Assert.Contains("Nothing was changed.", config.Content);
        var guildId = ulong.Parse(Bot.World.Guild.Id);
        Assert.Equal(0, await Bot.QueryAsync(db => db.DailyQuestions.CountAsync(d => d.GuildId == guildId)));
        Assert.NotEqual(ulong.Parse(hidden.Id), await Bot.QueryAsync(db => db.GuildSettings.Where(g => g.GuildId == guildId).Select(g => g.StudyChannelId).FirstOrDefaultAsync()));
        var scheduler = await Bot.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.Null(await scheduler.GetTrigger(DailyScheduler.TriggerFor(guildId)));
    }

    [Fact]
    public async Task Quiz_SendMessagesDeniedAfterTheFirstQuestion_EndsCleanlyTellsTheInstructorOnceAndIsCounted()
    {
        await TestDecks.UploadAsync(Bot, QuizSessionTests.FiveCards);
        var channel = Bot.Emulator.State.AddTextChannel(Bot.World.Guild.Id, "revoked-mid-quiz");
        var started = await RunAsync(channel.Id, "quiz", CommandOptionInput.Sub("start", new CommandOptionInput("deck", "e2e-quiz"), new CommandOptionInput("questions", 3), new CommandOptionInput("seconds", 10)));
        Assert.StartsWith("Quiz started", started.Content);
        var session = await Bot.QueryAsync(db => db.QuizSessions.SingleAsync(s => s.ChannelId == ulong.Parse(channel.Id)));
        await QuizPlay.QuestionAsync(Bot, session.Id, 0);
        var before = await ScrapeAsync();

        DenyBot(channel.Id, Permissions.SendMessages);
        fixture.Time.Advance(TimeSpan.FromSeconds(10));

        var ended = await Eventually.ValueAsync(
            () => Bot.QueryAsync(db => db.QuizSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == session.Id && s.EndedUtc != null)),
            "the session never ended");
        Assert.Null(ended.ScoreboardMessageId);
        var told = await Eventually.ValueAsync(() => Task.FromResult(NoticesToYou("The quiz in").FirstOrDefault()), "the instructor was never told");
        Assert.Contains($"<#{channel.Id}> ended after question 1 of 3", told);
        Assert.Contains($"I need View Channels, Send Messages and Embed Links in <#{channel.Id}>.", told);

        // More time changes nothing: no second notice, nothing left open, one question posted.
        fixture.Time.Advance(TimeSpan.FromMinutes(2));
        var after = await ScrapeUntilAsync(text => Delta(before, text, "studybot_channel_posts_refused_total", ("feature", "quiz")) >= 1);
        Assert.Equal(1, Delta(before, after, "studybot_channel_posts_refused_total", ("feature", "quiz")));
        Assert.Single(NoticesToYou("The quiz in"));
        var rows = await Bot.QueryAsync(db => db.Quizzes.AsNoTracking().Where(q => q.SessionId == session.Id).OrderBy(q => q.Position).ToListAsync());
        Assert.All(rows, q => Assert.NotNull(q.ClosedUtc));
        Assert.Equal([false, true, true], rows.Select(q => q.Skipped));
        Assert.Single(Bot.Emulator.State.MessagesIn(channel.Id));
        var stop = await RunAsync(channel.Id, "quiz", CommandOptionInput.Sub("stop"));
        Assert.Equal("No quiz is running in this channel.", stop.Content);
        var again = await RunAsync(channel.Id, "quiz", CommandOptionInput.Sub("start", new CommandOptionInput("deck", "e2e-quiz")));
        Assert.StartsWith($"I need Send Messages and Embed Links in <#{channel.Id}>.", again.Content);
    }

    [Fact]
    public async Task Daily_SendMessagesDeniedBeforeThePost_PausesTheTriggerDropsTheQuestionTellsTheInstructorOnceAndIsCounted()
    {
        await TestDecks.UploadAsync(Bot, QuizSessionTests.FiveCards);
        var (guild, channel, teacher) = await Bot.AddServerAsync("Paused Daily School");
        var guildId = ulong.Parse(guild.Id);
        var at = fixture.Time.GetUtcNow().AddHours(1);
        var set = await (await teacher.RunCommandAsync(channel.Id, "daily", CommandOptionInput.Sub("set", new CommandOptionInput("channel", channel.Id), new CommandOptionInput("time", $"{at:HH:mm}")))).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains($"posted in <#{channel.Id}> every day", set.Content);
        var before = await ScrapeAsync();

        DenyBot(channel.Id, Permissions.SendMessages);
        fixture.Time.Advance(TimeSpan.FromHours(1));

        var scheduler = await Bot.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await Eventually.ValueAsync(
            async () => await scheduler.GetTriggerState(DailyScheduler.TriggerFor(guildId)) == TriggerState.Paused ? "paused" : null,
            "the daily trigger was never paused");
        var told = await Eventually.ValueAsync(() => Task.FromResult(Notices(teacher.Id, "The question of the day in").FirstOrDefault()), "the instructor was never told");
        Assert.Contains($"<#{channel.Id}> is paused", told);
        Assert.Contains($"I need View Channels, Send Messages and Embed Links in <#{channel.Id}>.", told);

        // A day later: still paused, nothing posted, no orphan question, no second notice.
        fixture.Time.Advance(TimeSpan.FromDays(1));
        var after = await ScrapeUntilAsync(text => Delta(before, text, "studybot_daily_posts_total", ("outcome", "paused")) >= 1);
        Assert.Equal(1, Delta(before, after, "studybot_daily_posts_total", ("outcome", "paused")));
        Assert.Equal(1, Delta(before, after, "studybot_channel_posts_refused_total", ("feature", "daily")));
        Assert.Equal(TriggerState.Paused, await scheduler.GetTriggerState(DailyScheduler.TriggerFor(guildId)));
        Assert.Equal(0, await Bot.QueryAsync(db => db.Quizzes.CountAsync(q => q.GuildId == guildId)));
        Assert.Equal(1, await Bot.QueryAsync(db => db.DailyQuestions.CountAsync(d => d.GuildId == guildId)));
        Assert.Single(Notices(teacher.Id, "The question of the day in"));
        Assert.DoesNotContain(Bot.Emulator.State.MessagesIn(channel.Id), m => m.AuthorId == Bot.Emulator.State.Bot.Id && m.VisibleOnlyTo is null);
    }

    private void DenyBot(string channelId, ulong deny)
        => Bot.Emulator.State.SetOverwrite(channelId, new PermissionOverwrite(Bot.Emulator.State.Bot.Id, PermissionOverwrite.MemberType, 0, deny));

    private async Task<InteractionOutcome> RunAsync(string channelId, string command, params CommandOptionInput[] options)
        => await (await Bot.You.RunCommandAsync(channelId, command, options)).WaitAsync(TimeSpan.FromSeconds(30));

    private List<string> NoticesToYou(string start) => Notices(Bot.You.Id, start);

    private List<string> Notices(string userId, string start)
        => [.. Bot.Emulator.State.MessagesIn(Bot.Emulator.State.GetOrCreateDm(userId).Id).Select(m => MessageView.Text(m.Json)).Where(t => t.StartsWith(start, StringComparison.Ordinal))];

    private static double Delta(string before, string after, string metric, params (string, string)[] labels)
        => PrometheusText.Sum(after, metric, labels) - PrometheusText.Sum(before, metric, labels);

    private async Task<string> ScrapeAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(Bot.Emulator.Address) };
        return await http.GetStringAsync("/metrics");
    }

    private async Task<string> ScrapeUntilAsync(Func<string, bool> done)
        => await Eventually.ValueAsync(async () => await ScrapeAsync() is var text && done(text) ? text : null, "the metric never moved");
}
