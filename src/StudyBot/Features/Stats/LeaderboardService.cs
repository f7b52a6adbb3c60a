using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Scheduling;
using StudyBot.Data;
using StudyBot.Data.Entities;
using StudyBot.Hosting;

namespace StudyBot.Features.Stats;

/// <summary>
/// One student's place on the leaderboard: cards recalled on a review (learned before, remembered
/// again), cards learned (new cards whose last answer was right), each card once, and the streak.
/// </summary>
public sealed record LeaderboardLine(int Rank, ulong UserId, int Remembered, int Learned, int Streak);

/// <summary>The leaderboard and where the asking student stands (null when they are not on it).</summary>
public sealed record Leaderboard(bool Week, IReadOnlyList<LeaderboardLine> Top, LeaderboardLine? You, bool YouOptedOut);

/// <summary>
/// /leaderboard ranks by learning, not clicking: in this guild's decks (this week, or ever), the
/// number of different cards a student recalled on a review (a card past its learning steps answered
/// Hard, Good or Easy), then the number of new cards they learned (their last answer in the period
/// right), then the streak. Answering one card again and again, or wrongly, adds nothing. Instructors
/// and students who chose <c>/settings leaderboard:false</c> are not on it.
/// </summary>
public sealed class LeaderboardService(StudyDbContext db, ClassService classes, StudyClock clock)
{
    public const int Size = 10;

    /// <summary>The rule, as the board states it.</summary>
    public const string Rule = "Ranked by cards remembered (different cards recalled on a review: learned before, not Again), then new cards learned (last answer right), then streak. Repeating a card or answering wrong adds nothing.";

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
            select new { log.Id, log.UserId, log.CardId, log.ReviewedUtc, log.Rating, log.Before.State })
            .ToListAsync(cancellationToken);
        // Days whose answers the retention summed: their recalled mature answers count as remembered (the
        // cards themselves are no longer known), their answers as answered, and their first and last answer keep the streak.
        var summed = (await db.ReviewDays.Where(d => shown.Contains(d.UserId) && deckIds.Contains(d.DeckId))
            .Select(d => new { d.UserId, d.FirstUtc, d.LastUtc, d.Answers, Recalled = d.MatureAnswers - d.MatureAgain }).ToListAsync(cancellationToken))
            .ToLookup(d => d.UserId);
        var logged = answers.ToLookup(a => a.UserId);
        var settings = await db.UserSettings.Where(s => shown.Contains(s.UserId)).ToDictionaryAsync(s => s.UserId, cancellationToken);
        var ranked = logged.Select(g => g.Key).Union(summed.Select(g => g.Key))
            .Select(student =>
            {
                var inPeriod = logged[student].Where(a => a.ReviewedUtc >= since).ToList();
                var days = summed[student].Where(d => d.FirstUtc >= since).ToList();
                var remembered = inPeriod.Where(a => a.State == CardState.Review && a.Rating is not null and not Rating.Again).Select(a => a.CardId).ToHashSet();
                var learned = inPeriod
                    .Where(a => !remembered.Contains(a.CardId))
                    .GroupBy(a => a.CardId)
                    .Count(card => card.Any(a => a.State == CardState.New) && card.MaxBy(a => a.Id)!.Rating is not null and not Rating.Again);
                var studied = logged[student].Select(a => a.ReviewedUtc).Concat(summed[student].SelectMany(d => new[] { d.FirstUtc, d.LastUtc }));
                return new
                {
                    UserId = student,
                    Remembered = remembered.Count + days.Sum(d => d.Recalled),
                    Learned = learned,
                    Answered = inPeriod.Count + days.Sum(d => d.Answers),
                    Streak = StudyDays.Of(settings.GetValueOrDefault(student) ?? new UserSettings()).Streak(studied, now),
                };
            })
            .Where(r => r.Answered > 0)
            .OrderByDescending(r => r.Remembered)
            .ThenByDescending(r => r.Learned)
            .ThenByDescending(r => r.Streak)
            .ThenBy(r => r.UserId)
            .Select((r, i) => new LeaderboardLine(i + 1, r.UserId, r.Remembered, r.Learned, r.Streak))
            .ToList();
        return new Leaderboard(week, [.. ranked.Take(Size)], ranked.FirstOrDefault(r => r.UserId == userId), hidden.Contains(userId));
    }
}
