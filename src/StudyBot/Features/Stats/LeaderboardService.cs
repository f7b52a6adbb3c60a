using Microsoft.EntityFrameworkCore;
using StudyBot.Data;
using StudyBot.Data.Entities;
using StudyBot.Hosting;

namespace StudyBot.Features.Stats;

/// <summary>One student's place on the leaderboard.</summary>
public sealed record LeaderboardLine(int Rank, ulong UserId, int Reviews, int Streak);

/// <summary>The leaderboard and where the asking student stands (null when they are not on it).</summary>
public sealed record Leaderboard(bool Week, IReadOnlyList<LeaderboardLine> Top, LeaderboardLine? You, bool YouOptedOut);

/// <summary>
/// /leaderboard: answers in this guild's decks (this week, or ever) and streaks, ranked. Instructors
/// and students who chose <c>/settings leaderboard:false</c> are not on it.
/// </summary>
public sealed class LeaderboardService(StudyDbContext db, ClassService classes, StudyClock clock)
{
    public const int Size = 10;

    public async Task<Leaderboard> ForGuildAsync(ulong guildId, ulong userId, bool week, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var since = week ? now.AddDays(-7) : DateTime.MinValue;
        var deckIds = await db.Decks.Where(d => d.GuildId == guildId).Select(d => d.Id).ToListAsync(cancellationToken);
        var students = await classes.StudentsAsync(guildId, deckIds, cancellationToken);
        var hidden = await db.UserSettings.Where(s => s.HideFromLeaderboard && students.Contains(s.UserId)).Select(s => s.UserId).ToListAsync(cancellationToken);
        var shown = students.Except(hidden).ToList();

        var answers = await (
            from log in db.ReviewLog
            where log.Kind == ReviewKind.Answer && shown.Contains(log.UserId) && !db.ReviewLog.Any(u => u.UndoesId == log.Id)
            join card in db.Cards on log.CardId equals card.Id
            where deckIds.Contains(card.DeckId)
            select new { log.UserId, log.ReviewedUtc, Count = 1 })
            .ToListAsync(cancellationToken);
        // Days whose answers the retention summed count with their totals; their first and last answer keep the streak.
        var summed = await db.ReviewDays.Where(d => shown.Contains(d.UserId) && deckIds.Contains(d.DeckId)).Select(d => new { d.UserId, d.FirstUtc, d.LastUtc, d.Answers }).ToListAsync(cancellationToken);
        answers.AddRange(summed.SelectMany(d => new[] { new { d.UserId, ReviewedUtc = d.FirstUtc, Count = d.Answers }, new { d.UserId, ReviewedUtc = d.LastUtc, Count = 0 } }));
        var settings = await db.UserSettings.Where(s => shown.Contains(s.UserId)).ToDictionaryAsync(s => s.UserId, cancellationToken);
        var ranked = answers
            .GroupBy(a => a.UserId)
            .Select(g => new
            {
                UserId = g.Key,
                Reviews = g.Where(a => a.ReviewedUtc >= since).Sum(a => a.Count),
                Streak = StudyDays.Of(settings.GetValueOrDefault(g.Key) ?? new UserSettings()).Streak(g.Select(a => a.ReviewedUtc), now),
            })
            .Where(r => r.Reviews > 0)
            .OrderByDescending(r => r.Reviews)
            .ThenByDescending(r => r.Streak)
            .ThenBy(r => r.UserId)
            .Select((r, i) => new LeaderboardLine(i + 1, r.UserId, r.Reviews, r.Streak))
            .ToList();
        return new Leaderboard(week, [.. ranked.Take(Size)], ranked.FirstOrDefault(r => r.UserId == userId), hidden.Contains(userId));
    }
}
