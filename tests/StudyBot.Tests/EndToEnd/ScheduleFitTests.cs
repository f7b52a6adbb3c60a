using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using StudyBot.Data.Fitting;
using StudyBot.Data.Review;
using StudyBot.Data.Stores;
using StudyBot.Emulator.Interactions;
using StudyBot.Features.Settings;
using StudyBot.Hosting;
using StudyBot.Testing;

namespace StudyBot.Tests.EndToEnd;

/// <summary>The bot with study time on a fake clock, which the weekly fit reads.</summary>
public sealed class FakeClockBot : IAsyncLifetime
{
    public static readonly DateTime Start = new(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(Start.AddDays(121)));

    public PlaygroundBot Bot { get; }

    public FakeClockBot() => Bot = new PlaygroundBot { Configure = b => b.Services.AddSingleton(new StudyClock(Time)) };

    public Task InitializeAsync() => Bot.InitializeAsync();

    /// <summary>A deck of 150 basic cards (graded by the student) in the Playground guild; their ids in order.</summary>
    public async Task<List<int>> SelfGradedCardsAsync(string deck)
    {
        var guild = ulong.Parse(Bot.World.Guild.Id);
        await Bot.App.Services.GetRequiredService<DeckStore>().UploadAsync(StudyBot.Testing.TestDecks.Numbered(deck, 150), guild);
        return await Bot.QueryAsync(db => db.Cards.Where(c => c.Deck!.Key == deck && c.Deck.GuildId == guild).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());
    }

    public Task DisposeAsync() => Bot.DisposeAsync();
}

public sealed class ScheduleFitTests(FakeClockBot fixture) : IClassFixture<FakeClockBot>
{
    private PlaygroundBot Bot => fixture.Bot;

    [Fact]
    public async Task WeeklyFitJob_FakeClock_FitsStudentsWith400NewAnswersOnly()
    {
        var scheduler = await Bot.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        // Stored once at start: a weekly cron trigger, Mondays 03:00 UTC.
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(FsrsFitSchedule.Trigger));
        var first = trigger.GetFireTimeAfter(fixture.Time.GetUtcNow())!.Value;
        var second = trigger.GetFireTimeAfter(first)!.Value;
        Assert.Equal((DayOfWeek.Monday, new TimeSpan(3, 0, 0)), (first.UtcDateTime.DayOfWeek, first.UtcDateTime.TimeOfDay));
        Assert.Equal(TimeSpan.FromDays(7), second - first);

        var cards = await fixture.SelfGradedCardsAsync("fit-weekly");
        var engine = Bot.App.Services.GetRequiredService<ReviewEngine>();
        var busy = new SimulatedStudent(engine, 9001, seed: 11);
        var answered = await busy.StudyAsync(cards.Take(70).ToList(), FakeClockBot.Start, FakeClockBot.Start.AddDays(120));
        Assert.True(answered.Count >= StudentFitter.ReviewsPerFit, $"only {answered.Count} answers");
        await new SimulatedStudent(engine, 9002, seed: 12).StudyAsync(cards.Take(10).ToList(), FakeClockBot.Start, FakeClockBot.Start.AddDays(120));

        fixture.Time.SetUtcNow(first);
        await RunJobAsync(scheduler);
        var fits = await Bot.QueryAsync(db => db.FsrsFits.Where(f => f.UserId == 9001 || f.UserId == 9002).ToListAsync());
        var fit = Assert.Single(fits);
        Assert.Equal(9001ul, fit.UserId);
        Assert.Equal(first.UtcDateTime, fit.FittedUtc);
        Assert.True(fit.Adopted, $"log loss {fit.LogLossBefore} -> {fit.LogLossAfter}");

        // A week on, nothing new was answered: no one is fitted.
        fixture.Time.SetUtcNow(second);
        await RunJobAsync(scheduler);
        Assert.Equal(1, await Bot.QueryAsync(db => db.FsrsFits.CountAsync(f => f.UserId == 9001 || f.UserId == 9002)));

        // 400 answers after the fit make the student due again the week after.
        var more = await busy.StudyAsync(cards.Skip(70).ToList(), first.UtcDateTime.AddHours(1), first.UtcDateTime.AddDays(90));
        Assert.True(more.Count >= StudentFitter.ReviewsPerFit, $"only {more.Count} answers after the fit");
        var third = trigger.GetFireTimeAfter(first.AddDays(91))!.Value;
        fixture.Time.SetUtcNow(third);
        await RunJobAsync(scheduler);
        var refit = await Bot.QueryAsync(db => db.FsrsFits.Where(f => f.UserId == 9001 || f.UserId == 9002).OrderBy(f => f.Id).ToListAsync());
        Assert.Equal(2, refit.Count);
        Assert.Equal((9001ul, third.UtcDateTime), (refit[1].UserId, refit[1].FittedUtc));
    }

    [Fact]
    public async Task Settings_Optimize_FitsNowAndShowsThePersonalSchedule()
    {
        var student = Bot.AddStudent("fitter");
        var userId = ulong.Parse(student.Id);

        var shown = await Bot.RunAsync(student, "settings");
        Assert.Contains("**default** FSRS-6 weights", MessageView.Text(shown.Message));

        var early = await Bot.RunAsync(student, "settings", new CommandOptionInput("optimize", true));
        Assert.Contains("Not enough history yet (0 answers)", MessageView.Text(early.Message));
        Assert.Contains("**default** FSRS-6 weights", MessageView.Text(early.Message));

        var cards = await fixture.SelfGradedCardsAsync("fit-now");
        await new SimulatedStudent(Bot.App.Services.GetRequiredService<ReviewEngine>(), userId, seed: 21)
            .StudyAsync(cards.Take(70).ToList(), FakeClockBot.Start, FakeClockBot.Start.AddDays(120));

        var optimized = await Bot.RunAsync(student, "settings", new CommandOptionInput("optimize", true));
        var text = MessageView.Text(optimized.Message);
        Assert.Contains("Schedule optimized", text);
        Assert.Contains("Your reviews are now scheduled with your own weights", text);
        Assert.Contains("**personal**", text);
        var settings = await Bot.QueryAsync(db => db.UserSettings.SingleAsync(s => s.UserId == userId));
        Assert.NotNull(settings.FsrsFitId);
    }

    private static async Task RunJobAsync(IScheduler scheduler)
    {
        var listener = new DoneListener();
        scheduler.ListenerManager.AddJobListener(listener);
        try
        {
            await scheduler.TriggerJob(FsrsFitSchedule.Job);
            await listener.Done.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            scheduler.ListenerManager.RemoveJobListener(listener.Name);
        }
    }

    private sealed class DoneListener : IJobListener
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name { get; } = "fit-done-" + Guid.NewGuid().ToString("N");

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            if (!context.JobDetail.Key.Equals(FsrsFitSchedule.Job))
            {
                return ValueTask.CompletedTask;
            }
            if (jobException is not null)
            {
                Done.TrySetException(jobException);
            }
            else
            {
                Done.TrySetResult();
            }
            return ValueTask.CompletedTask;
        }
    }
}
