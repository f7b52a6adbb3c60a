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
public sealed class ReviewProgress(StudyDbContext db, ReviewEngine engine)
{
    /// <summary>A learning card due within this long is worth waiting for, rather than "come back tomorrow".</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromHours(1);

    /// <summary>A pause longer than this starts a new session.</summary>
    public static readonly TimeSpan SessionGap = TimeSpan.FromMinutes(30);

    /// <summary>
    /// What is left today for the place's student in the scope (0 = all enrolled decks the place
    /// shows: its guild's, or in a DM those of the guilds the student shares with the bot): new, learning and review cards, by
    /// the engine's one count (<see cref="ReviewEngine.DueCountAsync"/>), which /stats, reminders
    /// and /remind show use as well.
    /// </summary>
    public async Task<DueCounts> LeftTodayAsync(Place place, int scope, DateTime nowUtc, CancellationToken cancellationToken)
        => await engine.DueCountAsync(place.UserId, await DeckIds(place, scope).ToListAsync(cancellationToken), nowUtc, cancellationToken);

    /// <summary>
    /// The scope's day from one read: what is left today and when the next learning card comes
    /// back, if that is after now but within <see cref="WaitLimit"/>.
    /// </summary>
    public async Task<(DueCounts Left, DateTime? NextLearningDueUtc)> WaitingAsync(Place place, int scope, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var today = await engine.StudyTodayAsync(place.UserId, await DeckIds(place, scope).ToListAsync(cancellationToken), nowUtc, cancellationToken);
        return (today.Left, today.NextLearningDueUtc is { } due && due <= nowUtc + WaitLimit ? due : null);
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
    private IQueryable<int> DeckIds(Place place, int scope)
    {
        var userId = place.UserId;
        var visible = VisibleDecks.ForStudent(db, userId, place.GuildId).Select(d => d.Id);
        return db.Enrolments.Where(e => e.UserId == userId && (scope == 0 || e.DeckId == scope) && visible.Contains(e.DeckId)).Select(e => e.DeckId);
    }
}
