using Microsoft.EntityFrameworkCore;

namespace StudyBot.Data.Privacy;

/// <summary>What an erase deleted: rows per table (only those with rows), and the channel quizzes it ended.</summary>
public sealed record EraseReport(IReadOnlyList<(string Table, int Rows)> Tables, IReadOnlyList<long> OpenQuizzes)
{
    public int Rows => Tables.Sum(t => t.Rows);

    public override string ToString() =>
        Tables.Count == 0 ? "nothing was stored" : string.Join(", ", Tables.Select(t => $"{t.Table} {t.Rows}"));
}

/// <summary>
/// Deletes what StudyBot stores about one student (everywhere, or in one server) or about one server,
/// in one transaction. A student's progress goes with its whole review log, card by card, so the
/// review log still replays to every state that is left (db verify passes). Rows of a server that
/// only name the student as who started a quiz or set the question of the day keep the row and lose
/// the name (the id becomes 0). Jobs in the scheduler (a reminder, a question's deadline, the daily
/// post) are the caller's to delete: the report names the quizzes that were still open.
/// </summary>
public sealed class PrivacyErase(IDbContextFactory<StudyDbContext> contexts)
{
    /// <summary>Stands for an erased member where a server's row keeps a "who did it" column.</summary>
    public const ulong Erased = 0;

    /// <summary>Erases a student's data: everywhere, or with <paramref name="guildId"/> only what belongs to that server.</summary>
    public async Task<EraseReport> EraseUserAsync(ulong userId, ulong? guildId, CancellationToken cancellationToken = default)
    {
        return await InTransactionAsync(async (db, count) =>
        {
            if (guildId is not { } guild)
            {
                await count("QuizAnswers", db.QuizAnswers.Where(a => a.UserId == userId).ExecuteDeleteAsync(cancellationToken));
                await count("ReviewLog", db.ReviewLog.Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken));
                await count("ReviewLogCuts", db.ReviewLogCuts.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken));
                await count("ReviewDays", db.ReviewDays.Where(d => d.UserId == userId).ExecuteDeleteAsync(cancellationToken));
                await count("CardStates", db.CardStates.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken));
                await count("Enrolments", db.Enrolments.Where(e => e.UserId == userId).ExecuteDeleteAsync(cancellationToken));
                await count("GuildMembers", db.GuildMembers.Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken));
                await count("UserSettings", db.UserSettings.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken));
                await count("FsrsFits", db.FsrsFits.Where(f => f.UserId == userId).ExecuteDeleteAsync(cancellationToken));
                await count("QuizSessions", db.QuizSessions.Where(s => s.StartedBy == userId).ExecuteUpdateAsync(u => u.SetProperty(s => s.StartedBy, Erased), cancellationToken));
                await count("DailyQuestions", db.DailyQuestions.Where(d => d.SetBy == userId).ExecuteUpdateAsync(u => u.SetProperty(d => d.SetBy, Erased), cancellationToken));
                await count("ExamDates", db.ExamDates.Where(x => x.SetByUserId == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.SetByUserId, Erased), cancellationToken));
            }
            else
            {
                var decks = db.Decks.Where(d => d.GuildId == guild).Select(d => d.Id);
                var cards = db.Cards.Where(c => decks.Contains(c.DeckId)).Select(c => c.Id);
                await count("QuizAnswers", db.QuizAnswers.Where(a => a.UserId == userId && db.Quizzes.Any(q => q.Id == a.QuizId && q.GuildId == guild)).ExecuteDeleteAsync(cancellationToken));
                await count("ReviewLog", db.ReviewLog.Where(l => l.UserId == userId && cards.Contains(l.CardId)).ExecuteDeleteAsync(cancellationToken));
                await count("ReviewLogCuts", db.ReviewLogCuts.Where(c => c.UserId == userId && cards.Contains(c.CardId)).ExecuteDeleteAsync(cancellationToken));
                await count("ReviewDays", db.ReviewDays.Where(d => d.UserId == userId && decks.Contains(d.DeckId)).ExecuteDeleteAsync(cancellationToken));
                await count("CardStates", db.CardStates.Where(s => s.UserId == userId && cards.Contains(s.CardId)).ExecuteDeleteAsync(cancellationToken));
                await count("Enrolments", db.Enrolments.Where(e => e.UserId == userId && decks.Contains(e.DeckId)).ExecuteDeleteAsync(cancellationToken));
                await count("GuildMembers", db.GuildMembers.Where(m => m.UserId == userId && m.GuildId == guild).ExecuteDeleteAsync(cancellationToken));
                await count("UserSettings", db.UserSettings.Where(s => s.UserId == userId && s.ReminderGuildId == guild).ExecuteUpdateAsync(u => u.SetProperty(s => s.ReminderGuildId, (ulong?)null), cancellationToken));
                await count("QuizSessions", db.QuizSessions.Where(s => s.GuildId == guild && s.StartedBy == userId).ExecuteUpdateAsync(u => u.SetProperty(s => s.StartedBy, Erased), cancellationToken));
                await count("DailyQuestions", db.DailyQuestions.Where(d => d.GuildId == guild && d.SetBy == userId).ExecuteUpdateAsync(u => u.SetProperty(d => d.SetBy, Erased), cancellationToken));
                await count("ExamDates", db.ExamDates.Where(x => x.GuildId == guild && x.SetByUserId == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.SetByUserId, Erased), cancellationToken));
            }
            return [];
        }, cancellationToken);
    }

    /// <summary>Erases a server: its settings, members, decks with every student's progress on them, quizzes and daily question.</summary>
    public async Task<EraseReport> EraseGuildAsync(ulong guildId, CancellationToken cancellationToken = default)
    {
        return await InTransactionAsync(async (db, count) =>
        {
            var open = await db.Quizzes.Where(q => q.GuildId == guildId && q.ClosedUtc == null).Select(q => q.Id).ToListAsync(cancellationToken);
            var decks = db.Decks.Where(d => d.GuildId == guildId).Select(d => d.Id);
            var cards = db.Cards.Where(c => decks.Contains(c.DeckId)).Select(c => c.Id);
            await count("QuizAnswers", db.QuizAnswers.Where(a => db.Quizzes.Any(q => q.Id == a.QuizId && q.GuildId == guildId)).ExecuteDeleteAsync(cancellationToken));
            await count("Quizzes", db.Quizzes.Where(q => q.GuildId == guildId).ExecuteDeleteAsync(cancellationToken));
            await count("QuizSessions", db.QuizSessions.Where(s => s.GuildId == guildId).ExecuteDeleteAsync(cancellationToken));
            await count("DailyQuestions", db.DailyQuestions.Where(d => d.GuildId == guildId).ExecuteDeleteAsync(cancellationToken));
            await count("ExamDates", db.ExamDates.Where(x => x.GuildId == guildId).ExecuteDeleteAsync(cancellationToken));
            await count("ReviewLog", db.ReviewLog.Where(l => cards.Contains(l.CardId)).ExecuteDeleteAsync(cancellationToken));
            await count("ReviewLogCuts", db.ReviewLogCuts.Where(c => cards.Contains(c.CardId)).ExecuteDeleteAsync(cancellationToken));
            await count("ReviewDays", db.ReviewDays.Where(d => decks.Contains(d.DeckId)).ExecuteDeleteAsync(cancellationToken));
            await count("CardStates", db.CardStates.Where(s => cards.Contains(s.CardId)).ExecuteDeleteAsync(cancellationToken));
            await count("Enrolments", db.Enrolments.Where(e => decks.Contains(e.DeckId)).ExecuteDeleteAsync(cancellationToken));
            await count("Cards", db.Cards.Where(c => decks.Contains(c.DeckId)).ExecuteDeleteAsync(cancellationToken));
            await count("DeckVersions", db.DeckVersions.Where(v => decks.Contains(v.DeckId)).ExecuteDeleteAsync(cancellationToken));
            await count("DeckImages", db.DeckImages.Where(i => decks.Contains(i.DeckId)).ExecuteDeleteAsync(cancellationToken));
            await count("Decks", db.Decks.Where(d => d.GuildId == guildId).ExecuteDeleteAsync(cancellationToken));
            await count("GuildMembers", db.GuildMembers.Where(m => m.GuildId == guildId).ExecuteDeleteAsync(cancellationToken));
            await count("GuildSettings", db.GuildSettings.Where(s => s.GuildId == guildId).ExecuteDeleteAsync(cancellationToken));
            await count("Guilds", db.Guilds.Where(g => g.Id == guildId).ExecuteDeleteAsync(cancellationToken));
            await count("UserSettings", db.UserSettings.Where(s => s.ReminderGuildId == guildId).ExecuteUpdateAsync(u => u.SetProperty(s => s.ReminderGuildId, (ulong?)null), cancellationToken));
            return open;
        }, cancellationToken);
    }

    /// <summary>Runs the deletes in one transaction; each reports its table and rows to the tally.</summary>
    private async Task<EraseReport> InTransactionAsync(Func<StudyDbContext, Func<string, Task<int>, Task>, Task<List<long>>> erase, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var counts = new List<(string, int)>();
            var open = await erase(db, async (table, rows) =>
            {
                if (await rows is var n and > 0)
                {
                    counts.Add((table, n));
                }
            });
            await transaction.CommitAsync(cancellationToken);
            return new EraseReport(counts, open);
        });
    }
}
