using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Scheduling;
using StudyBot.Data.Entities;

namespace StudyBot.Data.Privacy;

/// <summary>What one retention pass did.</summary>
public sealed record RetentionReport(int Students, int EntriesDeleted, int DaysSummed);

/// <summary>
/// Deletes review log entries older than a cut-off, after summing their answers into
/// <see cref="ReviewDay"/> rows (answers, Again, mature answers per student, deck and UTC day), so the
/// all-time counts and streaks keep them. For each card the oldest entries go, up to the last one
/// before the cut-off; an entry a later, kept undo points at is kept with everything after it, so
/// every undo still finds what it undid. The cut is recorded per card (<see cref="ReviewLogCut"/>),
/// and db verify replays such a card from the first entry left.
/// </summary>
public sealed class ReviewLogRetention(IDbContextFactory<StudyDbContext> contexts)
{
    /// <summary>The shortest retention allowed: the statistics read the last 30 study days from the log itself.</summary>
    public const int MinimumDays = 35;

    public async Task<RetentionReport> PruneAsync(DateTime cutoffUtc, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        List<ulong> students;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            students = await db.ReviewLog.Where(l => l.ReviewedUtc < cutoffUtc).Select(l => l.UserId).Distinct().ToListAsync(cancellationToken);
        }
        int deleted = 0, days = 0;
        foreach (var student in students)
        {
            var (entries, summed) = await PruneStudentAsync(student, cutoffUtc, nowUtc, cancellationToken);
            deleted += entries;
            days += summed;
        }
        return new RetentionReport(students.Count, deleted, days);
    }

    private sealed record Line(long Id, int CardId, int DeckId, ReviewKind Kind, Rating? Rating, CardState BeforeState, DateTime ReviewedUtc, long? UndoesId);

    /// <summary>One student in one transaction: sums, cuts and deletes.</summary>
    private async Task<(int Entries, int Days)> PruneStudentAsync(ulong userId, DateTime cutoffUtc, DateTime nowUtc, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var cardsWithOld = db.ReviewLog.Where(l => l.UserId == userId && l.ReviewedUtc < cutoffUtc).Select(l => l.CardId);
            var lines = await (
                from l in db.ReviewLog
                where l.UserId == userId && cardsWithOld.Contains(l.CardId)
                join c in db.Cards on l.CardId equals c.Id
                orderby l.Id
                select new Line(l.Id, l.CardId, c.DeckId, l.Kind, l.Rating, l.Before.State, l.ReviewedUtc, l.UndoesId))
                .ToListAsync(cancellationToken);

            var pruned = new List<Line>();
            var cuts = new Dictionary<int, int>();
            foreach (var card in lines.GroupBy(l => l.CardId))
            {
                var chain = card.ToList();
                var keep = chain.FindIndex(l => l.ReviewedUtc >= cutoffUtc);
                keep = keep < 0 ? chain.Count : keep;
                // A kept undo must find the answer it undoes: keep from that answer on.
                for (var moved = true; moved;)
                {
                    moved = false;
                    var prefix = chain.Take(keep).Select(l => l.Id).ToHashSet();
                    var needed = chain.Skip(keep).Where(l => l.UndoesId is { } u && prefix.Contains(u)).Select(l => chain.FindIndex(p => p.Id == l.UndoesId)).DefaultIfEmpty(keep).Min();
                    if (needed < keep)
                    {
                        keep = needed;
                        moved = true;
                    }
                }
                if (keep > 0)
                {
                    pruned.AddRange(chain.Take(keep));
                    cuts[card.Key] = keep;
                }
            }
            if (pruned.Count == 0)
            {
                return (0, 0);
            }

            var undone = pruned.Where(l => l.UndoesId is not null).Select(l => l.UndoesId!.Value).ToHashSet();
            var answers = pruned.Where(l => l.Kind == ReviewKind.Answer && l.Rating is not null && !undone.Contains(l.Id)).ToList();
            var groups = answers.GroupBy(l => (l.DeckId, Day: DateOnly.FromDateTime(l.ReviewedUtc))).ToList();
            foreach (var day in groups)
            {
                var row = await db.ReviewDays.FindAsync([userId, day.Key.DeckId, day.Key.Day], cancellationToken);
                if (row is null)
                {
                    row = new ReviewDay { UserId = userId, DeckId = day.Key.DeckId, Day = day.Key.Day, FirstUtc = DateTime.MaxValue, LastUtc = DateTime.MinValue };
                    db.ReviewDays.Add(row);
                }
                row.Answers += day.Count();
                row.Again += day.Count(l => l.Rating == Rating.Again);
                row.MatureAnswers += day.Count(l => l.BeforeState == CardState.Review);
                row.MatureAgain += day.Count(l => l.BeforeState == CardState.Review && l.Rating == Rating.Again);
                row.FirstUtc = day.Min(l => l.ReviewedUtc) < row.FirstUtc ? day.Min(l => l.ReviewedUtc) : row.FirstUtc;
                row.LastUtc = day.Max(l => l.ReviewedUtc) > row.LastUtc ? day.Max(l => l.ReviewedUtc) : row.LastUtc;
            }
            foreach (var (cardId, entries) in cuts)
            {
                var cut = await db.ReviewLogCuts.FindAsync([userId, cardId], cancellationToken);
                if (cut is null)
                {
                    db.ReviewLogCuts.Add(new ReviewLogCut { UserId = userId, CardId = cardId, Entries = entries, CutUtc = nowUtc });
                }
                else
                {
                    cut.Entries += entries;
                    cut.CutUtc = nowUtc;
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            var ids = pruned.Select(l => l.Id).ToList();
            foreach (var chunk in ids.Chunk(500))
            {
                await db.ReviewLog.Where(l => chunk.Contains(l.Id)).ExecuteDeleteAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return (pruned.Count, groups.Count);
        });
    }
}
