using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Answers;
using StudyBot.Core.Scheduling;
using StudyBot.Data.Entities;
using StudyBot.Data.Privacy;
using StudyBot.Data.Tests.Support;

namespace StudyBot.Data.Tests;

/// <summary>
/// Erasing a student or a server: every table of the model is searched for the erased id (so a
/// table added later is covered), the other student and server keep everything, db verify passes.
/// </summary>
public abstract class PrivacyTests : DatabaseTests
{
    private const ulong School = 901_234_567_890_123_401;
    private const ulong Club = 901_234_567_890_123_502;
    private const ulong Erased = 812_345_678_901_234_561;
    private const ulong Kept = 812_345_678_901_234_572;
    private static readonly DateTime _old = Utc.At(2026, 1, 5, 9);
    private static readonly DateTime _recent = Utc.At(2026, 3, 2, 12);

    /// <summary>Columns that hold a member's id; every table with one must hold the erased student before the erase.</summary>
    private static bool NamesAMember(string column) => column.EndsWith("UserId", StringComparison.Ordinal) || column.EndsWith("By", StringComparison.Ordinal);

    [DataFact]
    public async Task EraseUserAsync_Everywhere_NoRowInAnyTableHoldsTheStudentAndVerifyPasses()
    {
        await using var db = await SeededAsync();
        var keptBefore = await TablesHoldingAsync(db, Kept);
        var before = await TablesHoldingAsync(db, Erased);
        var memberTables = MemberTables(db);
        Assert.Empty(memberTables.Except(before.Keys));

        var report = await db.Services.GetRequiredService<PrivacyErase>().EraseUserAsync(Erased, null);

        Assert.Empty(await TablesHoldingAsync(db, Erased));
        Assert.Equal(keptBefore, await TablesHoldingAsync(db, Kept));
        Assert.Contains(report.Tables, t => t.Table == "ReviewLog" && t.Rows > 0);
        await db.AssertVerifiesAsync();
    }

    [DataFact]
    public async Task EraseUserAsync_InOneServer_OnlyThatServersDataGoesAndVerifyPasses()
    {
        await using var db = await SeededAsync();
        var keptBefore = await TablesHoldingAsync(db, Kept);
        var clubCards = await CardsOfAsync(db, Club);

        await db.Services.GetRequiredService<PrivacyErase>().EraseUserAsync(Erased, School);

        await using (var context = db.NewContext())
        {
            var schoolCards = await context.Cards.Where(c => context.Decks.Any(d => d.Id == c.DeckId && d.GuildId == School)).Select(c => c.Id).ToListAsync();
            Assert.False(await context.ReviewLog.AnyAsync(l => l.UserId == Erased && schoolCards.Contains(l.CardId)));
            Assert.False(await context.CardStates.AnyAsync(s => s.UserId == Erased && schoolCards.Contains(s.CardId)));
            Assert.False(await context.ReviewLogCuts.AnyAsync(c => c.UserId == Erased && schoolCards.Contains(c.CardId)));
            Assert.False(await context.ReviewDays.AnyAsync(d => d.UserId == Erased && context.Decks.Any(x => x.Id == d.DeckId && x.GuildId == School)));
            Assert.False(await context.QuizAnswers.AnyAsync(a => a.UserId == Erased && context.Quizzes.Any(q => q.Id == a.QuizId && q.GuildId == School)));
            Assert.False(await context.GuildMembers.AnyAsync(m => m.UserId == Erased && m.GuildId == School));
            Assert.False(await context.QuizSessions.AnyAsync(s => s.StartedBy == Erased && s.GuildId == School) || await context.DailyQuestions.AnyAsync(d => d.SetBy == Erased && d.GuildId == School));
            Assert.Null((await context.UserSettings.SingleAsync(s => s.UserId == Erased)).ReminderGuildId);
            // The other server's progress stays.
            Assert.True(await context.ReviewLog.AnyAsync(l => l.UserId == Erased && clubCards.Contains(l.CardId)));
            Assert.True(await context.GuildMembers.AnyAsync(m => m.UserId == Erased && m.GuildId == Club));
            Assert.True(await context.QuizAnswers.AnyAsync(a => a.UserId == Erased));
        }
        Assert.Equal(keptBefore, await TablesHoldingAsync(db, Kept));
        await db.AssertVerifiesAsync();
    }

    [DataFact]
    public async Task EraseGuildAsync_NoRowInAnyTableHoldsTheServerAndTheOtherServerStays()
    {
        await using var db = await SeededAsync();
        Assert.NotEmpty(await TablesHoldingAsync(db, School));
        var clubBefore = await TablesHoldingAsync(db, Club);
        await using (var context = db.NewContext())
        {
            Assert.True(await context.Quizzes.AnyAsync(q => q.GuildId == School && q.ClosedUtc == null));
        }

        var report = await db.Services.GetRequiredService<PrivacyErase>().EraseGuildAsync(School);

        Assert.Empty(await TablesHoldingAsync(db, School));
        Assert.Equal(clubBefore, await TablesHoldingAsync(db, Club));
        Assert.Single(report.OpenQuizzes);
        await using (var context = db.NewContext())
        {
            var clubCards = await CardsOfAsync(db, Club);
            Assert.True(await context.ReviewLog.AnyAsync(l => l.UserId == Erased && clubCards.Contains(l.CardId)));
        }
        await db.AssertVerifiesAsync();
    }

    [DataFact]
    public async Task PruneAsync_OldEntriesSummedPerDayAndCutAndVerifyStillPasses()
    {
        await using var db = await CreateDatabaseAsync();
        var cards = await db.NumberedCardsAsync("d", 4);
        // Card 1: answered long ago only. Card 2: long ago and recently. Card 3: an old answer undone
        // recently (kept with its undo). Card 4: recent only.
        await Answer(db, Kept, cards[0], Rating.Again, "a1", _old);
        await Answer(db, Kept, cards[0], Rating.Good, "a2", _old.AddMinutes(10));
        await Answer(db, Kept, cards[1], Rating.Good, "b1", _old.AddDays(1));
        await Answer(db, Kept, cards[1], Rating.Good, "b2", _recent);
        await Answer(db, Kept, cards[2], Rating.Hard, "c1", _old.AddDays(2));
        var undone = await Answer(db, Kept, cards[2], Rating.Again, "c2", _old.AddDays(3));
        await db.Engine.UndoAsync(Kept, undone.LogId, "c2-undo", _recent);
        await Answer(db, Kept, cards[3], Rating.Easy, "d1", _recent);

        var retention = db.Services.GetRequiredService<ReviewLogRetention>();
        var report = await retention.PruneAsync(_recent.AddDays(-ReviewLogRetention.MinimumDays), _recent);

        Assert.Equal(4, report.EntriesDeleted); // a1, a2, b1, c1: c2 stays because its undo stays
        await using (var context = db.NewContext())
        {
            var days = await context.ReviewDays.OrderBy(d => d.Day).ToListAsync();
            Assert.Equal([(DateOnly.FromDateTime(_old), 2, 1), (DateOnly.FromDateTime(_old.AddDays(1)), 1, 0), (DateOnly.FromDateTime(_old.AddDays(2)), 1, 0)],
                days.Select(d => (d.Day, d.Answers, d.Again)));
            Assert.Equal((_old, _old.AddMinutes(10)), (days[0].FirstUtc, days[0].LastUtc));
            var cuts = await context.ReviewLogCuts.OrderBy(c => c.CardId).Select(c => new { c.CardId, c.Entries }).ToListAsync();
            Assert.Equal([(cards[0], 2), (cards[1], 1), (cards[2], 1)], cuts.Select(c => (c.CardId, c.Entries)));
            Assert.Equal(4, await context.ReviewLog.CountAsync());
        }
        await db.AssertVerifiesAsync();

        // Nothing more is old: a second pass changes nothing; answers go on after the cut.
        Assert.Equal(0, (await retention.PruneAsync(_recent.AddDays(-ReviewLogRetention.MinimumDays), _recent)).EntriesDeleted);
        await Answer(db, Kept, cards[0], Rating.Good, "a3", _recent.AddDays(3));
        await db.AssertVerifiesAsync();

        // The verifier still notices a tampered first entry on a card that was never cut.
        await using (var context = db.NewContext())
        {
            await context.ReviewLog.Where(l => l.CardId == cards[3]).ExecuteUpdateAsync(s => s.SetProperty(l => l.Before.Reps, 3));
        }
        Assert.Contains((await db.Verifier.VerifyAsync()).Differences, d => d.CardId == cards[3]);
    }

    private static Task<Review.AnswerResult> Answer(TestDatabase db, ulong user, int card, Rating rating, string id, DateTime at) =>
        db.Engine.AnswerAsync(user, card, new SelfGrade(rating), id, TimeSpan.Zero, ReviewSource.Review, at);

    /// <summary>
    /// Two servers with a deck each; both students study both (old answers cut by the retention,
    /// recent ones, an undo), set a reminder and settings; a quiz session and a daily question in
    /// each server, started and set by the student to erase, answered by both.
    /// </summary>
    private async Task<TestDatabase> SeededAsync()
    {
        var db = await CreateDatabaseAsync();
        await using (var context = db.NewContext())
        {
            foreach (var guild in new[] { School, Club })
            {
                context.Guilds.Add(new Guild { Id = guild, Name = $"guild {guild}", CreatedUtc = _old, Settings = new GuildSettings { GuildId = guild, StudyChannelId = guild + 1, InstructorRoleId = guild + 2 } });
                foreach (var user in new[] { Erased, Kept })
                {
                    context.GuildMembers.Add(new GuildMember { GuildId = guild, UserId = user, FirstSeenUtc = _old, LastSeenUtc = _recent, IsInstructor = user == Erased });
                }
            }
            await context.SaveChangesAsync();
        }

        var n = 0;
        foreach (var (guild, deck) in new[] { (School, "d"), (Club, "e") })
        {
            var upload = await db.Decks.UploadAsync(TestDecks.Numbered(deck, 4), guild);
            var cards = await CardsOfAsync(db, guild);
            foreach (var user in new[] { Erased, Kept })
            {
                await db.Students.EnrolAsync(user, upload.DeckId);
                await Answer(db, user, cards[0], Rating.Good, $"i{n++}", _old);
                await Answer(db, user, cards[0], Rating.Good, $"i{n++}", _recent);
                await Answer(db, user, cards[1], Rating.Again, $"i{n++}", _recent);
                var undone = await Answer(db, user, cards[2], Rating.Hard, $"i{n++}", _recent.AddMinutes(1));
                await db.Engine.UndoAsync(user, undone.LogId, $"i{n++}", _recent.AddMinutes(2));
            }

            await using var context = db.NewContext();
            var session = new QuizSession { GuildId = guild, ChannelId = guild + 1, DeckId = upload.DeckId, StartedBy = Erased, SecondsPerQuestion = 30, StartedUtc = _recent };
            context.QuizSessions.Add(session);
            await context.SaveChangesAsync();
            var quiz = new Quiz { GuildId = guild, ChannelId = guild + 1, CardId = cards[3], OpenedUtc = _recent, ClosesUtc = _recent.AddSeconds(30), SessionId = session.Id };
            foreach (var user in new[] { Erased, Kept })
            {
                quiz.Answers.Add(new QuizAnswer { UserId = user, AnswerText = "answer", Rating = Rating.Good, AnsweredUtc = _recent, InteractionId = $"q{guild}-{user}" });
            }
            context.Quizzes.Add(quiz);
            context.DailyQuestions.Add(new DailyQuestion { GuildId = guild, ChannelId = guild + 1, LocalMinute = 540, TimeZone = "UTC", DeckId = upload.DeckId, SetBy = Erased, UpdatedUtc = _recent });
            context.ExamDates.Add(new ExamDate { GuildId = guild, DeckId = upload.DeckId, AtUtc = _recent.AddDays(30), SetByUserId = Erased, CreatedUtc = _recent });
            await context.SaveChangesAsync();
        }

        await using (var context = db.NewContext())
        {
            foreach (var user in new[] { Erased, Kept })
            {
                var settings = await context.UserSettings.FindAsync(user) ?? context.UserSettings.Add(new UserSettings { UserId = user }).Entity;
                settings.TimeZone = "Europe/Berlin";
                settings.ReminderTime = new TimeOnly(18, 0);
                settings.ReminderGuildId = School;
                context.FsrsFits.Add(new FsrsFit { UserId = user, FittedUtc = _recent, Reviews = 5, LogLossBefore = 0.5, LogLossAfter = 0.6, Weights = "[]", Adopted = false });
            }
            await context.SaveChangesAsync();
        }
        await db.Services.GetRequiredService<ReviewLogRetention>().PruneAsync(_recent.AddDays(-ReviewLogRetention.MinimumDays), _recent);
        await db.AssertVerifiesAsync();
        return db;
    }

    private static async Task<List<int>> CardsOfAsync(TestDatabase db, ulong guild)
    {
        await using var context = db.NewContext();
        return await context.Cards.Where(c => context.Decks.Any(d => d.Id == c.DeckId && d.GuildId == guild)).OrderBy(c => c.Ordinal).Select(c => c.Id).ToListAsync();
    }

    /// <summary>The tables of the model with a column naming a member.</summary>
    private static HashSet<string> MemberTables(TestDatabase db)
    {
        using var context = db.NewContext();
        return Model(context).Tables.Where(t => t.Columns.Any(c => NamesAMember(c.Name))).Select(t => t.Name).ToHashSet();
    }

    private static IRelationalModel Model(StudyDbContext context) =>
        context.GetService<IDesignTimeModel>().Model.GetRelationalModel();

    /// <summary>
    /// Every table of the model, every column that can hold a snowflake (a 64-bit number) or text
    /// holding it: the rows per table that carry <paramref name="id"/>.
    /// </summary>
    private static async Task<Dictionary<string, long>> TablesHoldingAsync(TestDatabase db, ulong id)
    {
        await using var context = db.NewContext();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        var found = new Dictionary<string, long>();
        foreach (var table in Model(context).Tables)
        {
            var conditions = table.Columns
                .Where(c => c.ProviderClrType == typeof(long) || c.ProviderClrType == typeof(string))
                .Select(c => c.ProviderClrType == typeof(long) ? $"\"{c.Name}\" = @id" : $"\"{c.Name}\" LIKE @text")
                .ToList();
            if (conditions.Count == 0)
            {
                continue;
            }
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table.Name}\" WHERE {string.Join(" OR ", conditions)}";
            if (conditions.Any(c => c.EndsWith("@id", StringComparison.Ordinal)))
            {
                Add(command, "@id", (long)id);
            }
            if (conditions.Any(c => c.EndsWith("@text", StringComparison.Ordinal)))
            {
                Add(command, "@text", $"%{id}%");
            }
            var rows = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            if (rows > 0)
            {
                found[table.Name] = rows;
            }
        }
        return found;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

public sealed class PrivacyTestsOnSqlite : PrivacyTests;

public sealed class PrivacyTestsOnPostgres : PrivacyTests, IOnPostgres;
