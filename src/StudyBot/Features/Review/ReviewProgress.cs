using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Study;
using StudyBot.Data;
using StudyBot.Data.Entities;
using StudyBot.Data.Review;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Review;

/// <summary>A review session so far: answers in a row with no pause longer than <see cref="ReviewProgress.SessionGap"/>.</summary>
public sealed record SessionSummary(int Reviewed, int Right, TimeSpan Time);

/// <summary>
/// Where a student stands in today's reviews: how many cards are left, when the next learning card
/// comes back, and what the session so far amounts to. Read-only; lives in one interaction's scope.
/// </summary>
public sealed class ReviewProgress(StudyDbContext db, StudentDefaults defaults, CurrentPlace place)
{
    /// <summary>A learning card due within this long is worth waiting for, rather than "come back tomorrow".</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromHours(1);

    /// <summary>A pause longer than this starts a new session.</summary>
    public static readonly TimeSpan SessionGap = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Cards still to study today in the scope (0 = all enrolled decks this place shows: this guild's,
    /// or in a DM those of the guilds the student shares with the bot): learning cards due today,
    /// then reviews due today and new cards within the daily limits, where the cards of one note
    /// count once (answering one buries its siblings for the day) and notes answered today not at all.
    /// </summary>
    public async Task<int> LeftTodayAsync(ulong userId, int scope, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var settings = await defaults.EnsureAsync(userId, cancellationToken);
        var day = StudyDay.Containing(nowUtc, UserZones.Find(settings.TimeZone), settings.DayStartHour);
        var decks = DeckIds(userId, scope);
        var states = db.CardStates.Where(s => s.UserId == userId && !s.Memory.Suspended && !s.Card!.Retired && decks.Contains(s.Card.DeckId));
        var learning = await states.CountAsync(s => (s.Memory.State == CardState.Learning || s.Memory.State == CardState.Relearning) && s.Memory.Due < day.EndUtc, cancellationToken);
        var reviews = await states
            .Where(s => s.Memory.State == CardState.Review && s.Memory.Due < day.EndUtc)
            .Select(s => s.Card!.NoteKey)
            .ToListAsync(cancellationToken);
        var fresh = await db.Cards
            .Where(c => decks.Contains(c.DeckId) && !c.Retired
                && !db.CardStates.Any(s => s.UserId == userId && s.CardId == c.Id && (s.Memory.State != CardState.New || s.Memory.Suspended)))
            .Select(c => c.NoteKey)
            .ToListAsync(cancellationToken);
        var today = await (
            from log in db.ReviewLog
            where log.UserId == userId && log.Kind == ReviewKind.Answer && log.ReviewedUtc >= day.StartUtc && log.ReviewedUtc < day.EndUtc
                && !db.ReviewLog.Any(u => u.UndoesId == log.Id)
            join card in db.Cards on log.CardId equals card.Id
            where decks.Contains(card.DeckId)
            select new { log.Before.State, card.NoteKey }).ToListAsync(cancellationToken);

        var buried = SiblingRule.BuriedNotes(today.Select(t => t.NoteKey)).ToHashSet(StringComparer.Ordinal);
        int Groups(IEnumerable<string?> notes)
        {
            var count = 0;
            foreach (var note in notes)
            {
                // A card alone counts itself; a note counts once, then its siblings wait for tomorrow.
                if (note is null || buried.Add(note))
                {
                    count++;
                }
            }
            return count;
        }

        var reviewsLeft = Math.Max(0, settings.ReviewsPerDay - today.Count(t => t.State == CardState.Review));
        var newLeft = Math.Max(0, settings.NewPerDay - today.Count(t => t.State == CardState.New));
        var dueReviews = Math.Min(Groups(reviews), reviewsLeft);
        var dueNew = Math.Min(Groups(fresh), newLeft);
        return learning + dueReviews + dueNew;
    }

    /// <summary>When the next learning card in the scope comes back, if that is after now but within <see cref="WaitLimit"/>.</summary>
    public async Task<DateTime?> NextLearningDueAsync(ulong userId, int scope, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var decks = DeckIds(userId, scope);
        var until = nowUtc + WaitLimit;
        return await db.CardStates
            .Where(s => s.UserId == userId && !s.Memory.Suspended && !s.Card!.Retired && decks.Contains(s.Card.DeckId)
                && (s.Memory.State == CardState.Learning || s.Memory.State == CardState.Relearning)
                && s.Memory.Due > nowUtc && s.Memory.Due <= until)
            .OrderBy(s => s.Memory.Due)
            .Select(s => (DateTime?)s.Memory.Due)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The session that ends with the student's latest answer (none when the last answer is older than <see cref="SessionGap"/>).</summary>
    public async Task<SessionSummary?> SessionAsync(ulong userId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var since = nowUtc - TimeSpan.FromHours(12);
        var answers = await db.ReviewLog
            .Where(l => l.UserId == userId && l.Kind == ReviewKind.Answer && l.Source != ReviewSource.Quiz && l.ReviewedUtc >= since
                && !db.ReviewLog.Any(u => u.UndoesId == l.Id))
            .OrderByDescending(l => l.ReviewedUtc)
            .Select(l => new { l.ReviewedUtc, l.Rating, l.ResponseTimeMs })
            .ToListAsync(cancellationToken);
        if (answers.Count == 0 || nowUtc - answers[0].ReviewedUtc > SessionGap)
        {
            return null;
        }
        var count = 1;
        while (count < answers.Count && answers[count - 1].ReviewedUtc - answers[count].ReviewedUtc <= SessionGap)
        {
            count++;
        }
        var session = answers.Take(count).ToList();
        var first = session[^1];
        var start = first.ReviewedUtc - TimeSpan.FromMilliseconds(first.ResponseTimeMs);
        return new SessionSummary(count, session.Count(a => a.Rating != Rating.Again), answers[0].ReviewedUtc - start);
    }

    /// <summary>The decks the student joined among those this place shows (the same set /review draws from), or the one deck in scope.</summary>
    private IQueryable<int> DeckIds(ulong userId, int scope)
    {
        var visible = VisibleDecks.ForStudent(db, userId, place.GuildId).Select(d => d.Id);
        return db.Enrolments.Where(e => e.UserId == userId && (scope == 0 || e.DeckId == scope) && visible.Contains(e.DeckId)).Select(e => e.DeckId);
    }
}
