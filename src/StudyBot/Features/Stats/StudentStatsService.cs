using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Study;
using StudyBot.Data;
using StudyBot.Data.Entities;
using StudyBot.Data.Review;
using StudyBot.Features.Shared;
using StudyBot.Hosting;

namespace StudyBot.Features.Stats;

/// <summary>One day of the student's chart: answers given (recalled and Again), or cards coming due.</summary>
public sealed record ChartDay(DateOnly Day, int Correct, int Again, int Due);

/// <summary>A student's own statistics over the decks visible where they asked.</summary>
public sealed record StudentStats(
    DueCounts DueToday,
    int DueTomorrow,
    int Reviews30,
    int MatureReviews30,
    double? TrueRetention,
    int Streak,
    IReadOnlyDictionary<CardState, int> CardsByState,
    int Unseen,
    IReadOnlyList<ChartDay> Past,
    IReadOnlyList<ChartDay> Forecast)
{
    /// <summary>The exams ahead in the student's decks, one line each ("exam in 12 days: 34 cards to secure").</summary>
    public IReadOnlyList<string> Exams { get; init; } = [];
}

/// <summary>/stats: what one student has done and what is coming, in their own study days.</summary>
public sealed class StudentStatsService(StudyDbContext db, ReviewEngine engine, StudentDefaults defaults, StudyClock clock)
{
    public const int Days = 30;

    public async Task<StudentStats> ForStudentAsync(ulong userId, ulong? guildId, CancellationToken cancellationToken)
    {
        var settings = await defaults.EnsureAsync(userId, cancellationToken);
        var days = StudyDays.Of(settings);
        var now = clock.UtcNow;
        var today = days.Containing(now);
        var first = days.Of(today.Date.AddDays(1 - Days));
        var deckIds = await VisibleDecks.ForStudent(db, userId, guildId).Select(d => d.Id).ToListAsync(cancellationToken);
        var joined = await db.Enrolments.Where(e => e.UserId == userId && deckIds.Contains(e.DeckId)).Select(e => e.DeckId).ToListAsync(cancellationToken);

        var answers = await (
            from log in db.ReviewLog
            where log.UserId == userId && log.Kind == ReviewKind.Answer && log.ReviewedUtc >= first.StartUtc
                && !db.ReviewLog.Any(u => u.UndoesId == log.Id)
            join card in db.Cards on log.CardId equals card.Id
            where deckIds.Contains(card.DeckId)
            select new { log.ReviewedUtc, log.Rating, BeforeState = log.Before.State })
            .ToListAsync(cancellationToken);
        var streakAnswers = await (
            from log in db.ReviewLog
            where log.UserId == userId && log.Kind == ReviewKind.Answer && !db.ReviewLog.Any(u => u.UndoesId == log.Id)
            join card in db.Cards on log.CardId equals card.Id
            where deckIds.Contains(card.DeckId)
            select log.ReviewedUtc)
            .ToListAsync(cancellationToken);
        // Days whose answers the retention summed: their first and last answer keep the streak.
        var summed = await db.ReviewDays.Where(d => d.UserId == userId && deckIds.Contains(d.DeckId)).Select(d => new { d.FirstUtc, d.LastUtc }).ToListAsync(cancellationToken);
        streakAnswers.AddRange(summed.SelectMany(d => new[] { d.FirstUtc, d.LastUtc }));

        var states = await db.CardStates
            .Where(s => s.UserId == userId && joined.Contains(s.Card!.DeckId) && !s.Card.Retired && !s.Memory.Suspended)
            .Select(s => new { s.Memory.State, s.Memory.Due })
            .ToListAsync(cancellationToken);
        var liveCards = await db.Cards.CountAsync(c => joined.Contains(c.DeckId) && !c.Retired, cancellationToken);
        var started = states.Count(s => s.State != CardState.New);

        // The review screen's count: new, learning and review cards left today.
        var dueToday = await engine.DueCountAsync(userId, joined, now, cancellationToken);
        var tomorrow = days.Of(today.Date.AddDays(1));
        var dueTomorrow = states.Count(s => s.State != CardState.New && s.Due >= today.EndUtc && s.Due < tomorrow.EndUtc);

        var past = Enumerable.Range(0, Days)
            .Select(i => days.Of(first.Date.AddDays(i)))
            .Select(day =>
            {
                var inDay = answers.Where(a => day.Contains(a.ReviewedUtc)).ToList();
                return new ChartDay(day.Date, inDay.Count(a => a.Rating != Rating.Again), inDay.Count(a => a.Rating == Rating.Again), 0);
            })
            .ToList();
        var forecast = Enumerable.Range(1, Days)
            .Select(i => days.Of(today.Date.AddDays(i)))
            .Select(day => new ChartDay(day.Date, 0, 0, states.Count(s => s.State != CardState.New && day.Contains(s.Due))))
            .ToList();

        var mature = answers.Where(a => a.BeforeState == CardState.Review).ToList();
        return new StudentStats(
            dueToday,
            dueTomorrow,
            answers.Count,
            mature.Count,
            mature.Count == 0 ? null : (double)mature.Count(a => a.Rating != Rating.Again) / mature.Count,
            days.Streak(streakAnswers, now),
            states.Where(s => s.State != CardState.New).GroupBy(s => s.State).ToDictionary(g => g.Key, g => g.Count()),
            Math.Max(0, liveCards - started),
            past,
            forecast)
        {
            Exams = [.. (await engine.ExamCountdownsAsync(userId, joined, now, cancellationToken)).Select(x => x.Line())],
        };
    }
}
