using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Quartz;
using StudyBot.Core.Decks;
using StudyBot.Data;
using StudyBot.Data.Entities;
using StudyBot.Data.Infrastructure;
using StudyBot.Data.Stores;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;
using StudyBot.Features.Reminders;
using StudyBot.Features.Settings;
using StudyBot.Features.Shared;
using StudyBot.Hosting;
using Guild = StudyBot.Data.Entities.Guild;
using GuildMember = StudyBot.Data.Entities.GuildMember;

namespace StudyBot.Tests.Reminders;

/// <summary>
/// The reminder service on a real SQLite file, with Moq standing in for what faces Discord (the DM
/// sender and the channel poster) and for Quartz's scheduler factory.
/// </summary>
public sealed class ReminderServiceTests : IAsyncLifetime
{
    private const ulong Student = 42;
    private const ulong GuildId = 7;
    private const ulong StudyChannel = 700;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "studybot-reminders-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 19, 0, 0, TimeSpan.Zero));
    private readonly Mock<IReminderMessenger> _messenger = new(MockBehavior.Strict);
    private readonly Mock<IScheduler> _scheduler = new();
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var factory = new Mock<ISchedulerFactory>();
        factory.Setup(f => f.GetScheduler(It.IsAny<CancellationToken>())).ReturnsAsync(_scheduler.Object);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddStudyData(Path.Combine(_directory, "study.db"));
        services.AddSingleton(new StudyClock(_time));
        services.AddSingleton(Options.Create(new StudyBotOptions()));
        services.AddSingleton<StudentDefaults>();
        services.AddSingleton(new ReminderScheduler(factory.Object));
        services.AddSingleton(_messenger.Object);
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddScoped<ServerZoneFollowers>();
        services.AddScoped<ReminderService>();
        _services = services.BuildServiceProvider();
        await _services.GetRequiredService<DatabaseMigrator>().MigrateAsync();

        // The student studies guild 7's deck and set a 19:00 (UTC) reminder there.
        var deck = new Deck("d", "Deck", null, null, [.. Enumerable.Range(1, 3).Select(i => new DeckCard { Id = $"c{i}", Kind = CardKind.Basic, Prompt = $"Q{i}?", Answers = ["A"] })]);
        var stored = await _services.GetRequiredService<DeckStore>().UploadAsync(deck, GuildId);
        await _services.GetRequiredService<StudentStore>().EnrolAsync(Student, stored.DeckId);
        await using var db = NewContext();
        db.Guilds.Add(new Guild { Id = GuildId, Name = "School", CreatedUtc = _time.GetUtcNow().UtcDateTime });
        db.GuildMembers.Add(new GuildMember { GuildId = GuildId, UserId = Student, FirstSeenUtc = _time.GetUtcNow().UtcDateTime, LastSeenUtc = _time.GetUtcNow().UtcDateTime });
        db.UserSettings.Add(new UserSettings { UserId = Student, ReminderTime = new TimeOnly(19, 0), ReminderGuildId = GuildId });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task RemindAsync_OnTime_SendsTheQueueCountOnce()
    {
        MessagePayload? sent = null;
        _messenger.Setup(m => m.SendDirectAsync(Student, It.IsAny<MessagePayload>(), It.IsAny<CancellationToken>()))
            .Callback<ulong, MessagePayload, CancellationToken>((_, message, _) => sent = message)
            .Returns(Task.CompletedTask);

        Assert.Equal(ReminderOutcome.Sent, await RemindAsync());
        // The same fire delivered twice (a restart right after it) sends nothing more.
        Assert.Equal(ReminderOutcome.AlreadySent, await RemindAsync());

        _messenger.Verify(m => m.SendDirectAsync(Student, It.IsAny<MessagePayload>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Contains("**3** cards are waiting", sent!.Content);
    }

    [Fact]
    public async Task RemindAsync_SecondRunOfTheFireWhileTheFirstSends_SendsNothing()
    {
        // Two runs of one fire overlap when a cluster node dies mid-run and Quartz runs the job again
        // elsewhere: the claim is taken before the DM goes out, so the second run finds it.
        var sending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        _messenger.Setup(m => m.SendDirectAsync(Student, It.IsAny<MessagePayload>(), It.IsAny<CancellationToken>()))
            .Returns(async () =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    sending.TrySetResult();
                    await release.Task;
                }
            });

        var first = RemindAsync();
        await sending.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ReminderOutcome.AlreadySent, await RemindAsync());
        release.SetResult();

        Assert.Equal(ReminderOutcome.Sent, await first);
        _messenger.Verify(m => m.SendDirectAsync(Student, It.IsAny<MessagePayload>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task RemindAsync_SendFailsOnDiscordsSide_ClaimGivenBackSoARetrySends()
    {
        _messenger.SetupSequence(m => m.SendDirectAsync(Student, It.IsAny<MessagePayload>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new DiscordApiException("POST /channels/{channel_id}/messages", HttpStatusCode.InternalServerError, 0, "Internal Server Error", []))
            .Returns(Task.CompletedTask);

        await Assert.ThrowsAsync<DiscordApiException>(RemindAsync);
        Assert.Null((await SettingsAsync()).ReminderLastSentUtc);

        Assert.Equal(ReminderOutcome.Sent, await RemindAsync());
        Assert.Equal(_time.GetUtcNow().UtcDateTime, (await SettingsAsync()).ReminderLastSentUtc);
    }

    [Theory]
    [InlineData(59, ReminderOutcome.Sent)]
    [InlineData(61, ReminderOutcome.TooLate)]
    public async Task RemindAsync_MissedWhileDown_SentOnlyIfLessThanAnHourLate(int minutesLate, ReminderOutcome expected)
    {
        _messenger.Setup(m => m.SendDirectAsync(Student, It.IsAny<MessagePayload>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        _time.Advance(TimeSpan.FromMinutes(minutesLate));

        Assert.Equal(expected, await RemindAsync());

        _messenger.Verify(m => m.SendDirectAsync(Student, It.IsAny<MessagePayload>(), It.IsAny<CancellationToken>()), expected == ReminderOutcome.Sent ? Times.Once() : Times.Never());
    }

    [Fact]
    public async Task RemindAsync_DmsClosedAndNoStudyChannel_TurnsTheReminderOffAndLeavesOneNoticeForLater()
    {
        _messenger.Setup(m => m.SendDirectAsync(Student, It.IsAny<MessagePayload>(), It.IsAny<CancellationToken>())).ThrowsAsync(CannotDm());

        Assert.Equal(ReminderOutcome.DmsClosed, await RemindAsync());
        Assert.Equal(ReminderOutcome.Off, await RemindAsync());

        _messenger.Verify(m => m.SendDirectAsync(Student, It.IsAny<MessagePayload>(), It.IsAny<CancellationToken>()), Times.Once);
        _scheduler.Verify(s => s.DeleteJob(ReminderScheduler.JobFor(Student), It.IsAny<CancellationToken>()), Times.Once);
        var settings = await SettingsAsync();
        Assert.Null(settings.ReminderTime);
        Assert.NotNull(settings.ReminderBlockedUtc);
        await using var scope = _services.CreateAsyncScope();
        var reminders = scope.ServiceProvider.GetRequiredService<ReminderService>();
        Assert.True(await reminders.TakePendingNoticeAsync(Student, CancellationToken.None));
        Assert.False(await reminders.TakePendingNoticeAsync(Student, CancellationToken.None));
    }

    [Fact]
    public async Task RemindAsync_DmsClosedWithStudyChannel_TellsTheStudentThereOnlyAndLeavesNothingPending()
    {
        await using (var db = NewContext())
        {
            db.GuildSettings.Add(new GuildSettings { GuildId = GuildId, StudyChannelId = StudyChannel });
            await db.SaveChangesAsync();
        }

        MessagePayload? notice = null;
        _messenger.Setup(m => m.SendDirectAsync(Student, It.IsAny<MessagePayload>(), It.IsAny<CancellationToken>())).ThrowsAsync(CannotDm());
        _messenger.Setup(m => m.PostAsync(StudyChannel, It.IsAny<MessagePayload>(), It.IsAny<CancellationToken>()))
            .Callback<ulong, MessagePayload, CancellationToken>((_, message, _) => notice = message)
            .Returns(Task.CompletedTask);

        Assert.Equal(ReminderOutcome.DmsClosed, await RemindAsync());
        Assert.Equal(ReminderOutcome.Off, await RemindAsync());

        _messenger.Verify(m => m.PostAsync(StudyChannel, It.IsAny<MessagePayload>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.StartsWith($"<@{Student}> ", notice!.Content);
        Assert.Equal([new Snowflake(Student)], notice.AllowedMentions!.Users);
        Assert.False((await SettingsAsync()).ReminderNoticePending);
    }

    [Fact]
    public async Task ReminderNotice_PendingAfterClosedDms_FollowsUpOnceEphemerallyAfterTheAnswer()
    {
        _messenger.Setup(m => m.SendDirectAsync(Student, It.IsAny<MessagePayload>(), It.IsAny<CancellationToken>())).ThrowsAsync(CannotDm());
        await RemindAsync();
        var responder = new Mock<IInteractionResponder>();
        responder.SetupGet(r => r.HasResponded).Returns(true);
        responder.Setup(r => r.FollowupAsync(It.IsAny<MessagePayload>(), null, It.IsAny<CancellationToken>())).ReturnsAsync(new Message());

        for (var i = 0; i < 2; i++)
        {
            await using var scope = _services.CreateAsyncScope();
            var interaction = new Interaction { Id = new Snowflake(1000 + (ulong)i), Type = InteractionType.ApplicationCommand, User = new User { Id = new Snowflake(Student) } };
            var notice = new ReminderNotice(scope.ServiceProvider.GetRequiredService<ReminderService>());
            await notice.AfterAsync(new InteractionContext(interaction, scope.ServiceProvider, responder.Object, CancellationToken.None));
        }

        responder.Verify(r => r.FollowupAsync(
            It.Is<MessagePayload>(m => m.Flags == MessageFlags.Ephemeral && m.Content == ReminderService.TurnedOffText), null, It.IsAny<CancellationToken>()), Times.Once);
    }

    private async Task<ReminderOutcome> RemindAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderService>().RemindAsync(Student, onSchedule: true, CancellationToken.None);
    }

    private async Task<UserSettings> SettingsAsync()
    {
        await using var db = NewContext();
        return await db.UserSettings.SingleAsync(s => s.UserId == Student);
    }

    private StudyDbContext NewContext() => _services.GetRequiredService<IDbContextFactory<StudyDbContext>>().CreateDbContext();

    private static DiscordApiException CannotDm() => new("POST /channels/{channel_id}/messages", HttpStatusCode.Forbidden, 50007, "Cannot send messages to this user", []);
}
