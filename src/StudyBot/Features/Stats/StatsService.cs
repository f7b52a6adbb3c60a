using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Study;
using StudyBot.Data;
using StudyBot.Data.Entities;
using StudyBot.Data.Review;
using StudyBot.Features.Shared;
using StudyBot.Hosting;

namespace StudyBot.Features.Stats;

/// <summary>One deck's line in the class view.</summary>
public sealed record DeckActivity(string Key, string Title, int Students, int AnswersThisWeek);

/// <summary>The class at a glance: who studies, how much, how well, and what is waiting.</summary>
public sealed record ClassStats(
    int Students,
    int ReviewsToday,
    int ReviewsThisWeek,
    int MatureReviewsThisWeek,
    double? Retention,
    int DueNow,
    int QuizAnswersThisWeek,
    IReadOnlyList<DeckActivity> Decks,
    IReadOnlyList<DailyReviews> Daily);

/// <summary>Computes the instructor's class view over the decks this guild can use.</summary>
public sealed class StatsService(StudyDbContext db, StudyClock clock, IOptions<StudyBotOptions> options)
{
    public const int ChartDays = 14;

    /// <summary>Days are the instructor's study days: their own settings if saved, else the bot's defaults.</summary>
    public async Task<ClassStats> ForGuildAsync(ulong? guildId, ulong instructorId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var own = await db.UserSettings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == instructorId, cancellationToken);
        var zone = UserZones.Find(own?.TimeZone ?? options.Value.DefaultTimeZone);
        var dayStartHour = own?.DayStartHour ?? options.Value.DefaultDayStartHour;
        var today = StudyDay.Containing(now, zone, dayStartHour);
        var chartDays = Enumerable.Range(0, ChartDays)
            .Select(i => today.Date.AddDays(i - ChartDays + 1))
            .Select(date => new StudyDay(date, StudyDay.LocalToUtc(date, dayStartHour, zone), StudyDay.LocalToUtc(date.AddDays(1), dayStartHour, zone)))
            .ToList();
        var weekAgo = now.AddDays(-7);
        var since = chartDays[0].StartUtc < weekAgo ? chartDays[0].StartUtc : weekAgo;
        var decks = await VisibleDecks.For(db, guildId).Select(d => new { d.Id, d.Key, d.Title }).ToListAsync(cancellationToken);
        var deckIds = decks.Select(d => d.Id).ToList();

        var enrolments = await db.Enrolments.Where(e => deckIds.Contains(e.DeckId)).Select(e => new { e.UserId, e.DeckId }).ToListAsync(cancellationToken);
        var answers = await (
            from log in db.ReviewLog
            where log.Kind == ReviewKind.Answer && log.ReviewedUtc >= since && !db.ReviewLog.Any(u => u.UndoesId == log.Id)
            join card in db.Cards on log.CardId equals card.Id
            where deckIds.Contains(card.DeckId)
            select new { log.UserId, log.ReviewedUtc, log.Rating, log.Source, BeforeState = log.Before.State, card.DeckId })
            .ToListAsync(cancellationToken);
        var daily = chartDays
            .Select(day => answers.Where(a => day.Contains(a.ReviewedUtc)).ToList())
            .Select((inDay, i) => new DailyReviews(chartDays[i].Date, inDay.Count(a => a.Rating != Rating.Again), inDay.Count(a => a.Rating == Rating.Again)))
            .ToList();
        answers = answers.Where(a => a.ReviewedUtc >= weekAgo).ToList();
        var dueNow = await db.CardStates.CountAsync(
            s => deckIds.Contains(s.Card!.DeckId) && !s.Card.Retired && !s.Memory.Suspended && s.Memory.State != CardState.New && s.Memory.Due <= now,
            cancellationToken);

        var mature = answers.Where(a => a.BeforeState == CardState.Review).ToList();
        var students = enrolments.Select(e => e.UserId).Concat(answers.Select(a => a.UserId)).Distinct().Count();
        var perDeck = decks
            .Select(d => new DeckActivity(
                d.Key,
                d.Title,
                enrolments.Where(e => e.DeckId == d.Id).Select(e => e.UserId).Distinct().Count(),
                answers.Count(a => a.DeckId == d.Id)))
            .OrderByDescending(d => d.AnswersThisWeek)
            .ThenBy(d => d.Key, StringComparer.Ordinal)
            .ToList();
        return new ClassStats(
            students,
            answers.Count(a => today.Contains(a.ReviewedUtc)),
            answers.Count,
            mature.Count,
            mature.Count == 0 ? null : (double)mature.Count(a => a.Rating != Rating.Again) / mature.Count,
            dueNow,
            answers.Count(a => a.Source == ReviewSource.Quiz),
            perDeck,
            daily);
    }
}
