using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Decks;
using StudyBot.Data;
using StudyBot.Data.Stores;
using StudyBot.Emulator;
using StudyBot.Emulator.Interactions;
using StudyBot.Hosting;
using StudyBot.Tests.EndToEnd;

namespace StudyBot.Tests.Quiz;

/// <summary>
/// The bot is stopped and started again (a new host on the same database and Quartz store) in the
/// middle of a quiz, on real time, against one emulator that outlives both hosts.
/// </summary>
public sealed class QuizRestartTests : IAsyncLifetime
{
    private const ulong ManageGuild = 1UL << 5;
    private static readonly TimeSpan _question = TimeSpan.FromSeconds(10);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "studybot-restart-" + Guid.NewGuid().ToString("N"));
    private readonly string _schedulerName = $"StudyBotRestart-{Guid.NewGuid():N}";
    private readonly DiscordEmulator _discord = new();
    private BotApplication? _app;
    private string _guildId = "";
    private string _channelId = "";
    private SimulatedUser? _instructor;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        await _discord.StartAsync();
        var (guild, channel, user) = _discord.AddGuildWithUser("Restart school", "study", "teacher");
        var role = _discord.State.AddRole(guild.Id, "Instructor", ManageGuild);
        _discord.State.AddMember(guild.Id, user.Id, role.Id);
        (_guildId, _channelId, _instructor) = (guild.Id, channel.Id, user);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await _discord.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may linger for a moment; the temp directory is harmless.
        }
    }

    [Fact]
    public async Task Quiz_BotRestartsDuringTheFirstQuestion_RemainingQuestionAndScoreboardComeOnTime()
    {
        await StartBotAsync();
        var loaded = new DeckLoader().LoadText(QuizSessionTests.FiveCards, "deck.yaml");
        await _app!.Services.GetRequiredService<DeckStore>().UploadAsync(loaded.Deck!, ulong.Parse(_guildId, System.Globalization.CultureInfo.InvariantCulture));
        var student = _discord.AddUser("eve");
        _discord.State.AddMember(_guildId, student.Id);

        var started = await (await _instructor!.RunCommandAsync(_channelId, "quiz", CommandOptionInput.Sub("start", new CommandOptionInput("deck", "e2e-quiz"), new CommandOptionInput("questions", 2), new CommandOptionInput("seconds", 10))))
            .WaitAsync(TimeSpan.FromSeconds(30));
        Assert.StartsWith("Quiz started: 2 questions", started.Content);
        var session = await QueryAsync(db => db.QuizSessions.SingleAsync());
        var first = await PostedAsync(session.Id, 0);
        var card = (await QueryAsync(db => db.Cards.SingleAsync(c => c.Id == first.CardId))).ToDeckCard();
        var question = new QuizPlay.Posted(first, card, _discord.State.FindMessage(first.MessageId!.Value.ToString(CultureInfo.InvariantCulture))!.Json);
        Assert.Contains("is right", await QuizPlay.AnswerAsync(student, question, question.Right));

        // Stop the bot for real, and start a new one on the same files.
        await _app.DisposeAsync();
        _app = null;
        Assert.Null((await QueryFileAsync(db => db.Quizzes.SingleAsync(q => q.Id == first.Id))).ClosedUtc);
        await StartBotAsync();

        var second = await PostedAsync(session.Id, 1);
        var secondAt = PostedAt(second.MessageId!.Value);
        var start = new DateTimeOffset(session.StartedUtc, TimeSpan.Zero);
        Assert.InRange(secondAt, start + _question - TimeSpan.FromSeconds(1), start + _question + TimeSpan.FromSeconds(3));
        Assert.Contains("Question 1: closed", MessageView.Text(_discord.State.FindMessage(first.MessageId!.Value.ToString(CultureInfo.InvariantCulture))!.Json));

        var ended = await Eventually.ValueAsync(() => QueryAsync(db => db.QuizSessions.AsNoTracking().FirstOrDefaultAsync(s => s.ScoreboardMessageId != null)), "no scoreboard");
        var boardAt = PostedAt(ended.ScoreboardMessageId!.Value);
        Assert.InRange(boardAt, start + (_question * 2) - TimeSpan.FromSeconds(1), start + (_question * 2) + TimeSpan.FromSeconds(3));
        var board = MessageView.Text(_discord.State.FindMessage(ended.ScoreboardMessageId!.Value.ToString(CultureInfo.InvariantCulture))!.Json);
        Assert.Contains("Quiz over: scoreboard", board);
        Assert.Contains($"1. <@{student.Id}> — 1 right of 1", board);
        Assert.Contains("Questions: 2", board);
    }

    private async Task StartBotAsync()
    {
        _app = await BotApplication.StartAsync(
            [
                "--urls=http://127.0.0.1:0",
                $"--Discord:Token={_discord.BotToken}",
                "--urls=http://127.0.0.1:0",
                $"--Discord:ApplicationId={_discord.ApplicationId}",
                $"--Discord:ApiBaseUrl={_discord.BaseUrl}",
                $"--Discord:GuildId={_guildId}",
                $"--ConnectionStrings:StudyBot=Data Source={Path.Combine(_directory, "studybot.db")}",
                $"--{SchedulingServiceCollectionExtensions.SchedulerNameKey}={_schedulerName}",
            ]);
        await _app.Status.Ready.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private async Task<Data.Entities.Quiz> PostedAsync(long sessionId, int position)
        => await Eventually.ValueAsync(
            () => QueryAsync(db => db.Quizzes.AsNoTracking().FirstOrDefaultAsync(q => q.SessionId == sessionId && q.Position == position && q.MessageId != null)),
            $"question {position + 1} was never posted");

    private DateTimeOffset PostedAt(ulong messageId)
        => DateTimeOffset.Parse(_discord.State.FindMessage(messageId.ToString(CultureInfo.InvariantCulture))!.Json["timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture);

    private async Task<T> QueryAsync<T>(Func<StudyDbContext, Task<T>> query)
    {
        await using var db = await _app!.Services.GetRequiredService<IDbContextFactory<StudyDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>Reads the database file while no bot is running.</summary>
    private async Task<T> QueryFileAsync<T>(Func<StudyDbContext, Task<T>> query)
    {
        var options = new DbContextOptionsBuilder<StudyDbContext>().UseSqlite($"Data Source={Path.Combine(_directory, "studybot.db")}").Options;
        await using var db = new StudyDbContext(options);
        return await query(db);
    }
}
