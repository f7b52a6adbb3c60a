using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Scheduling;
using StudyBot.Data.Entities;

namespace StudyBot.Data.Verification;

/// <summary>Counts of what the database holds.</summary>
public sealed record DatabaseCounts(IReadOnlyList<(string Name, long Count)> Rows);

public sealed class DatabaseStats(IDbContextFactory<StudyDbContext> contexts)
{
    public async Task<DatabaseCounts> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = new List<(string, long)>
        {
            ("guilds", await db.Guilds.LongCountAsync(cancellationToken)),
            ("decks", await db.Decks.LongCountAsync(cancellationToken)),
            ("deck versions", await db.DeckVersions.LongCountAsync(cancellationToken)),
            ("cards (active)", await db.Cards.LongCountAsync(c => !c.Retired, cancellationToken)),
            ("cards (retired)", await db.Cards.LongCountAsync(c => c.Retired, cancellationToken)),
            ("enrolments", await db.Enrolments.LongCountAsync(cancellationToken)),
            ("students with progress", await db.CardStates.Select(s => s.UserId).Distinct().LongCountAsync(cancellationToken)),
        };
        foreach (var state in Enum.GetValues<CardState>())
        {
            rows.Add(($"card states: {state.ToString().ToLowerInvariant()}", await db.CardStates.LongCountAsync(s => s.Memory.State == state, cancellationToken)));
        }
        rows.Add(("card states: suspended", await db.CardStates.LongCountAsync(s => s.Memory.Suspended, cancellationToken)));
        rows.Add(("card states: leeches", await db.CardStates.LongCountAsync(s => s.Memory.Leech, cancellationToken)));
        rows.Add(("review log: answers", await db.ReviewLog.LongCountAsync(l => l.Kind == ReviewKind.Answer, cancellationToken)));
        rows.Add(("review log: undos", await db.ReviewLog.LongCountAsync(l => l.Kind == ReviewKind.Undo, cancellationToken)));
        rows.Add(("quizzes", await db.Quizzes.LongCountAsync(cancellationToken)));
        rows.Add(("quiz answers", await db.QuizAnswers.LongCountAsync(cancellationToken)));
        rows.Add(("user settings", await db.UserSettings.LongCountAsync(cancellationToken)));
        return new DatabaseCounts(rows);
    }
}
