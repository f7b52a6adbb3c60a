using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Scheduling.Exam;
using StudyBot.Core.Study;
using StudyBot.Data.Entities;

namespace StudyBot.Data.Review;

public sealed partial class ReviewEngine
{
    /// <summary>
    /// The exams ahead in the decks the student joined among <paramref name="deckIds"/>, the soonest
    /// first, one per deck (its next exam): days left in the student's calendar, the cards still
    /// to secure for it at the student's target, and the daily new-card pace that brings every card in on time.
    /// </summary>
    public async Task<IReadOnlyList<ExamCountdown>> ExamCountdownsAsync(ulong userId, IReadOnlyCollection<int> deckIds, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        var decks = await db.Enrolments
            .Where(e => e.UserId == userId && deckIds.Contains(e.DeckId))
            .Join(db.Decks, e => e.DeckId, d => d.Id, (e, d) => d)
            .Where(d => !d.Retired)
            .Select(d => new { d.Id, d.Key, d.Title, d.GuildId })
            .ToListAsync(cancellationToken);
        if (decks.Count == 0)
        {
            return [];
        }
        var exams = await NextExamsAsync(db, [.. decks.Select(d => d.Id)], nowUtc, cancellationToken);
        if (exams.Count == 0)
        {
            return [];
        }
        var settings = await _settings(db, userId) ?? _defaults;
        var zone = UserZones.Find(settings.TimeZone);
        var today = StudyDay.Containing(nowUtc, zone, settings.DayStartHour).Date;
        var scheduler = new ExamScheduler(schedulers.For(settings));
        var target = settings.ExamTarget ?? ExamScheduler.DefaultTarget;
        var examDeckIds = exams.Keys.ToList();
        var studied = (await db.CardStates
            .Where(s => s.UserId == userId && !s.Card!.Retired && examDeckIds.Contains(s.Card.DeckId) && !s.Memory.Suspended)
            .Select(s => new { s.Card!.DeckId, s.Memory })
            .ToListAsync(cancellationToken))
            .ToLookup(s => s.DeckId, s => s.Memory.ToFsrs());
        var neverStudied = await db.Cards
            .Where(c => examDeckIds.Contains(c.DeckId) && !c.Retired && !db.CardStates.Any(s => s.UserId == userId && s.CardId == c.Id))
            .GroupBy(c => c.DeckId)
            .Select(g => new { DeckId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.DeckId, g => g.Count, cancellationToken);
        var countdowns = new List<ExamCountdown>();
        foreach (var deck in decks.Where(d => exams.ContainsKey(d.Id)))
        {
            var examUtc = exams[deck.Id];
            var examDay = StudyDay.Containing(examUtc, zone, settings.DayStartHour).Date;
            var fresh = neverStudied.GetValueOrDefault(deck.Id) + studied[deck.Id].Count(m => m.State == CardState.New);
            var toSecure = ExamCountdown.CardsToSecureAmong(studied[deck.Id], neverStudied.GetValueOrDefault(deck.Id), examUtc, target, scheduler);
            countdowns.Add(new ExamCountdown(deck.Key, deck.Title, examUtc, examDay.DayNumber - today.DayNumber, toSecure, ExamPace.NewCardsPerDay(fresh, today, examDay)));
        }
        return [.. countdowns.OrderBy(c => c.ExamUtc).ThenBy(c => c.DeckKey, StringComparer.Ordinal)];
    }

    /// <summary>Each deck's next exam after <paramref name="nowUtc"/>, among <paramref name="deckIds"/> (decks without one are left out).</summary>
    private static async Task<Dictionary<int, DateTime>> NextExamsAsync(StudyDbContext db, IReadOnlyCollection<int> deckIds, DateTime nowUtc, CancellationToken cancellationToken) =>
        (await db.ExamDates
            .Where(x => deckIds.Contains(x.DeckId) && x.AtUtc > nowUtc && db.Decks.Any(d => d.Id == x.DeckId && d.GuildId == x.GuildId))
            .Select(x => new { x.DeckId, x.AtUtc })
            .ToListAsync(cancellationToken))
        .GroupBy(x => x.DeckId)
        .ToDictionary(g => g.Key, g => g.Min(x => x.AtUtc));

    /// <summary>
    /// The day's limits with the exam pace: the new-card limit is raised to the sum of the paces of
    /// the decks with an exam ahead (each: the deck's cards not yet introduced at the start of the
    /// day, spread over the study days before the exam), so every card is in on time.
    /// </summary>
    private static async Task<DailyLimits> WithExamPaceAsync(StudyDbContext db, DailyLimits limits, UserSettings settings, StudyDay day, IReadOnlyCollection<int> deckIds, IReadOnlyList<QueueCard> cards, IEnumerable<AnsweredToday> today, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var exams = await NextExamsAsync(db, deckIds, nowUtc, cancellationToken);
        if (exams.Count == 0)
        {
            return limits;
        }
        var zone = UserZones.Find(settings.TimeZone);
        var pace = 0;
        foreach (var (deckId, examUtc) in exams)
        {
            var fresh = cards.Count(c => c.DeckId == deckId && c.State == CardState.New) + today.Count(a => a.DeckId == deckId && a.StateBefore == CardState.New);
            pace += ExamPace.NewCardsPerDay(fresh, day.Date, StudyDay.Containing(examUtc, zone, settings.DayStartHour).Date) ?? 0;
        }
        return pace > limits.NewPerDay ? limits with { NewPerDay = pace } : limits;
    }
}
