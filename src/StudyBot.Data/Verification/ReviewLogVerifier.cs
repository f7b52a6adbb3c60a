using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Scheduling.Exam;
using StudyBot.Core.Study;
using StudyBot.Data.Entities;
using StudyBot.Data.Review;

namespace StudyBot.Data.Verification;

/// <summary>One way the stored data disagrees with a replay of the review log.</summary>
public sealed record StateDifference(ulong UserId, int CardId, long? LogId, string What);

public sealed record VerificationReport(int Users, int CardStates, int LogEntries, IReadOnlyList<StateDifference> Differences)
{
    public bool Passed => Differences.Count == 0;
}

/// <summary>
/// Recomputes every user's card states by replaying the review log through FSRS from new, and
/// compares each step with what the log recorded and the end result with the stored state. A card
/// whose oldest entries the retention deleted (a <see cref="ReviewLogCut"/>) is replayed from its
/// first entry left, and a stored state whose entries were all deleted has nothing to replay.
/// </summary>
public sealed class ReviewLogVerifier(IDbContextFactory<StudyDbContext> contexts, FsrsSchedulers schedulers)
{
    public async Task<VerificationReport> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var differences = new List<StateDifference>();
        var replayed = new Dictionary<(ulong User, int Card), CardMemory>();
        var befores = new Dictionary<long, CardMemory>();
        var entries = 0;
        // The weights in force at each answer: the fit the log entry names (none: the defaults).
        var cut = (await db.ReviewLogCuts.Select(c => new { c.UserId, c.CardId }).ToListAsync(cancellationToken)).Select(c => (c.UserId, c.CardId)).ToHashSet();
        var fits = await db.FsrsFits.Where(f => f.Adopted).ToDictionaryAsync(f => f.Id, f => f.Weights, cancellationToken);
        await foreach (var entry in db.ReviewLog.OrderBy(l => l.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            entries++;
            var key = (entry.UserId, entry.CardId);
            if (!replayed.TryGetValue(key, out var current))
            {
                current = entry.Before;
                if ((current.State != CardState.New || current.Reps != 0) && !cut.Contains(key))
                {
                    differences.Add(new(entry.UserId, entry.CardId, entry.Id, "the card's first log entry does not start from a new card"));
                }
            }
            else if (current != entry.Before)
            {
                differences.Add(new(entry.UserId, entry.CardId, entry.Id, $"state before differs from the replay: {Describe(current, entry.Before)}"));
            }

            CardMemory expected;
            if (entry.Kind == ReviewKind.Answer && entry.Rating is { } rating)
            {
                befores[entry.Id] = current;
                if (entry.FsrsFitId is { } fitId && !fits.ContainsKey(fitId))
                {
                    differences.Add(new(entry.UserId, entry.CardId, entry.Id, $"the answer names FSRS fit {fitId}, which is not an adopted fit"));
                }
                var weights = entry.FsrsFitId is { } id ? fits.GetValueOrDefault(id) : null;
                if (entry.ExamRule is { } rule && !ExamRule.Exists(rule))
                {
                    differences.Add(new(entry.UserId, entry.CardId, entry.Id, $"the answer names exam rule {rule}, which this version does not know (known: {string.Join(", ", ExamRule.All.Select(r => r.Version))})"));
                    expected = entry.After;
                }
                else
                {
                    // The same step an answer took (AnswerDecision.Schedule), with the settings the entry recorded (the exam in force and its rule too).
                    expected = CardMemory.From(AnswerDecision.Schedule(current.ToStudy(), entry.ReviewedUtc, rating, schedulers.ForEntry(entry, weights)).After);
                }
            }
            else if (entry.Kind == ReviewKind.Undo && entry.UndoesId is { } undone && befores.TryGetValue(undone, out var restored))
            {
                expected = restored;
            }
            else
            {
                differences.Add(new(entry.UserId, entry.CardId, entry.Id, $"malformed {entry.Kind} entry (rating or undone entry missing)"));
                expected = entry.After;
            }
            if (expected != entry.After)
            {
                differences.Add(new(entry.UserId, entry.CardId, entry.Id, $"recorded result differs from the replay: {Describe(expected, entry.After)}"));
            }
            replayed[key] = expected;
        }

        var states = await db.CardStates.ToListAsync(cancellationToken);
        foreach (var state in states)
        {
            if (!replayed.Remove((state.UserId, state.CardId), out var expected))
            {
                if (cut.Contains((state.UserId, state.CardId)))
                {
                    continue;
                }
                differences.Add(new(state.UserId, state.CardId, null, "a stored state has no review log entries"));
            }
            else if (expected != state.Memory)
            {
                differences.Add(new(state.UserId, state.CardId, null, $"stored state differs from the replay: {Describe(expected, state.Memory)}"));
            }
        }
        foreach (var ((user, card), _) in replayed)
        {
            differences.Add(new(user, card, null, "the review log has entries but there is no stored state"));
        }
        var users = states.Select(s => s.UserId).Distinct().Count();
        return new VerificationReport(users, states.Count, entries, differences);
    }

    private static string Describe(CardMemory expected, CardMemory actual) =>
        $"expected {Format(expected)}, found {Format(actual)}";

    private static string Format(CardMemory m) =>
        $"{m.State} due {m.Due:u} S={m.Stability:R} D={m.Difficulty:R} reps={m.Reps} lapses={m.Lapses} steps={m.LearningSteps}" +
        (m.Suspended ? " suspended" : "") + (m.Leech ? " leech" : "");
}
