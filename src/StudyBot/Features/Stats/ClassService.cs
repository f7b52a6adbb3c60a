using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StudyBot.Core.Answers;
using StudyBot.Core.Decks;
using StudyBot.Core.Scheduling;
using StudyBot.Data;
using StudyBot.Data.Entities;
using StudyBot.Hosting;

namespace StudyBot.Features.Stats;

/// <summary>A card the class finds hard: how often it was answered Again, and for an mcq the wrong option chosen most.</summary>
public sealed record HardCard(string DeckKey, string CardKey, string Prompt, int Answers, int Again, string? CommonWrongChoice)
{
    public double AgainRate => Answers == 0 ? 0 : (double)Again / Answers;
}

/// <summary>One student's line in the class table.</summary>
public sealed record StudentLine(ulong UserId, int ReviewsThisWeek, int Reviews30, double? Retention30, int DueNow, DateTime? LastAnswerUtc);

/// <summary>The class at a glance: who studies, how much, how well, what is hard, and a chart of the last 14 days.</summary>
public sealed record ClassStats(
    int Students,
    int ActiveThisWeek,
    int ReviewsThisWeek,
    double? Retention,
    int DueNow,
    IReadOnlyList<HardCard> Hardest,
    IReadOnlyList<StudentLine> Table,
    IReadOnlyList<DailyReviews> Daily);

/// <summary>
/// /class: the instructor's view of this guild's students over this guild's decks. Students are the
/// guild's members who are not instructors and have not left, and anyone who joined its decks.
/// </summary>
public sealed class ClassService(StudyDbContext db, StudyClock clock, IOptions<StudyBotOptions> options)
{
    public const int ChartDays = 14;
    public const int HardestCount = 10;
    /// <summary>A card needs this many answers before its Again rate says anything.</summary>
    public const int MinAnswersForHardest = 2;

    public async Task<ClassStats> ForGuildAsync(ulong guildId, ulong instructorId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var own = await db.UserSettings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == instructorId, cancellationToken);
        var days = StudyDays.Of(own ?? new UserSettings { TimeZone = options.Value.DefaultTimeZone, DayStartHour = options.Value.DefaultDayStartHour });
        var today = days.Containing(now);
        var chartDays = Enumerable.Range(0, ChartDays).Select(i => days.Of(today.Date.AddDays(i - ChartDays + 1))).ToList();
        var weekAgo = now.AddDays(-7);
        var monthAgo = now.AddDays(-30);
        var deckIds = await db.Decks.Where(d => d.GuildId == guildId).Select(d => d.Id).ToListAsync(cancellationToken);
        var students = await StudentsAsync(guildId, deckIds, cancellationToken);

        var answers = await (
            from log in db.ReviewLog
            where log.Kind == ReviewKind.Answer && log.ReviewedUtc >= monthAgo && students.Contains(log.UserId)
                && !db.ReviewLog.Any(u => u.UndoesId == log.Id)
            join card in db.Cards on log.CardId equals card.Id
            where deckIds.Contains(card.DeckId)
            select new { log.UserId, log.CardId, log.ReviewedUtc, log.Rating, log.AnswerText, BeforeState = log.Before.State })
            .ToListAsync(cancellationToken);
        var due = await db.CardStates
            .Where(s => students.Contains(s.UserId) && deckIds.Contains(s.Card!.DeckId) && !s.Card.Retired && !s.Memory.Suspended
                && s.Memory.State != CardState.New && s.Memory.Due <= now
                && db.Enrolments.Any(e => e.UserId == s.UserId && e.DeckId == s.Card.DeckId))
            .GroupBy(s => s.UserId)
            .Select(g => new { UserId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.UserId, g => g.Count, cancellationToken);

        var week = answers.Where(a => a.ReviewedUtc >= weekAgo).ToList();
        var matureWeek = week.Where(a => a.BeforeState == CardState.Review).ToList();
        var table = students
            .Select(id =>
            {
                var mine = answers.Where(a => a.UserId == id).ToList();
                var mature = mine.Where(a => a.BeforeState == CardState.Review).ToList();
                return new StudentLine(
                    id,
                    mine.Count(a => a.ReviewedUtc >= weekAgo),
                    mine.Count,
                    mature.Count == 0 ? null : (double)mature.Count(a => a.Rating != Rating.Again) / mature.Count,
                    due.GetValueOrDefault(id),
                    mine.Count == 0 ? null : mine.Max(a => a.ReviewedUtc));
            })
            .OrderByDescending(l => l.ReviewsThisWeek)
            .ThenByDescending(l => l.Reviews30)
            .ThenBy(l => l.UserId)
            .ToList();

        var hardestIds = answers
            .GroupBy(a => a.CardId)
            .Where(g => g.Count() >= MinAnswersForHardest && g.Any(a => a.Rating == Rating.Again))
            .OrderByDescending(g => (double)g.Count(a => a.Rating == Rating.Again) / g.Count())
            .ThenByDescending(g => g.Count(a => a.Rating == Rating.Again))
            .ThenBy(g => g.Key)
            .Take(HardestCount)
            .ToList();
        var cardIds = hardestIds.Select(g => g.Key).ToList();
        var cards = await db.Cards.Include(c => c.Deck).Where(c => cardIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var hardest = hardestIds
            .Select(g =>
            {
                var card = cards[g.Key];
                string? wrong = null;
                if (card.Kind == CardKind.Mcq)
                {
                    wrong = g.Where(a => a.Rating == Rating.Again)
                        .Select(a => ChoiceAnswer.TryParseLogText(a.AnswerText, out var index) && index >= 0 && index < card.Choices.Count ? card.Choices[index].Text : null)
                        .Where(t => t is not null)
                        .GroupBy(t => t)
                        .OrderByDescending(t => t.Count())
                        .ThenBy(t => t.Key, StringComparer.Ordinal)
                        .Select(t => t.Key)
                        .FirstOrDefault();
                }

                return new HardCard(card.Deck!.Key, card.Key, card.Prompt, g.Count(), g.Count(a => a.Rating == Rating.Again), wrong);
            })
            .ToList();

        var daily = chartDays
            .Select(day => answers.Where(a => day.Contains(a.ReviewedUtc)).ToList())
            .Select((inDay, i) => new DailyReviews(chartDays[i].Date, inDay.Count(a => a.Rating != Rating.Again), inDay.Count(a => a.Rating == Rating.Again)))
            .ToList();
        return new ClassStats(
            students.Count,
            week.Select(a => a.UserId).Distinct().Count(),
            week.Count,
            matureWeek.Count == 0 ? null : (double)matureWeek.Count(a => a.Rating != Rating.Again) / matureWeek.Count,
            due.Values.Sum(),
            hardest,
            table,
            daily);
    }

    /// <summary>The guild's students: members who do not teach and have not left, plus anyone enrolled in its decks who is not a known instructor.</summary>
    public async Task<List<ulong>> StudentsAsync(ulong guildId, IReadOnlyCollection<int> deckIds, CancellationToken cancellationToken)
    {
        var instructors = db.GuildMembers.Where(m => m.GuildId == guildId && m.IsInstructor).Select(m => m.UserId);
        var members = await db.GuildMembers.Where(m => m.GuildId == guildId && !m.IsInstructor && m.LeftUtc == null).Select(m => m.UserId).ToListAsync(cancellationToken);
        var enrolled = await db.Enrolments.Where(e => deckIds.Contains(e.DeckId) && !instructors.Contains(e.UserId)
                && !db.GuildMembers.Any(m => m.GuildId == guildId && m.UserId == e.UserId && m.LeftUtc != null))
            .Select(e => e.UserId).Distinct().ToListAsync(cancellationToken);
        return [.. members.Union(enrolled).Order()];
    }
}
