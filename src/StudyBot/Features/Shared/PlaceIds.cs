using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using StudyBot.Data;

namespace StudyBot.Features.Shared;

/// <summary>
/// Where the ids a custom_id carries belong: a card's and a deck's server, an answer's student and
/// card, a quiz's server and channel. These never change once written, so each is read once and then
/// kept (bounded), and checking a click costs no query on the answer path. Ids that name nothing are
/// not kept.
/// </summary>
public sealed class PlaceIds(IDbContextFactory<StudyDbContext> contexts) : IDisposable
{
    private static readonly TimeSpan _keep = TimeSpan.FromHours(1);

    private static readonly Func<StudyDbContext, int, Task<ulong?>> _cardGuild =
        EF.CompileAsyncQuery((StudyDbContext db, int cardId) => db.Cards.Where(c => c.Id == cardId).Select(c => (ulong?)c.Deck!.GuildId).FirstOrDefault());

    private static readonly Func<StudyDbContext, int, Task<ulong?>> _deckGuild =
        EF.CompileAsyncQuery((StudyDbContext db, int deckId) => db.Decks.Where(d => d.Id == deckId).Select(d => (ulong?)d.GuildId).FirstOrDefault());

    private static readonly Func<StudyDbContext, long, Task<LogOwner?>> _log =
        EF.CompileAsyncQuery((StudyDbContext db, long logId) => db.ReviewLog.Where(l => l.Id == logId).Select(l => new LogOwner(l.UserId, l.CardId)).FirstOrDefault());

    private static readonly Func<StudyDbContext, long, Task<QuizPlace?>> _quiz =
        EF.CompileAsyncQuery((StudyDbContext db, long quizId) => db.Quizzes.Where(q => q.Id == quizId).Select(q => new QuizPlace(q.GuildId, q.ChannelId)).FirstOrDefault());

    private static readonly Func<StudyDbContext, long, Task<QuizPlace?>> _quizAnswer =
        EF.CompileAsyncQuery((StudyDbContext db, long answerId) => db.QuizAnswers.Where(a => a.Id == answerId)
            .Join(db.Quizzes, a => a.QuizId, q => q.Id, (a, q) => new QuizPlace(q.GuildId, q.ChannelId)).FirstOrDefault());

    private readonly MemoryCache _known = new(new MemoryCacheOptions { SizeLimit = 500_000, CompactionPercentage = 0.1 });

    /// <summary>The student an answer (review log entry) is of, and its card.</summary>
    public sealed record LogOwner(ulong UserId, int CardId);

    /// <summary>The server and channel a quiz question was posted in.</summary>
    public sealed record QuizPlace(ulong GuildId, ulong ChannelId);

    private readonly record struct CardKey(int Id);

    private readonly record struct DeckKey(int Id);

    private readonly record struct LogKey(long Id);

    private readonly record struct QuizKey(long Id);

    private readonly record struct QuizAnswerKey(long Id);

    /// <summary>The server of the card's deck; null when there is no such card.</summary>
    public Task<ulong?> CardGuildAsync(long cardId, CancellationToken cancellationToken)
        => cardId is < 1 or > int.MaxValue ? Task.FromResult<ulong?>(null) : KnownAsync(new CardKey((int)cardId), db => _cardGuild(db, (int)cardId), cancellationToken);

    /// <summary>The deck's server; null when there is no such deck.</summary>
    public Task<ulong?> DeckGuildAsync(long deckId, CancellationToken cancellationToken)
        => deckId is < 1 or > int.MaxValue ? Task.FromResult<ulong?>(null) : KnownAsync(new DeckKey((int)deckId), db => _deckGuild(db, (int)deckId), cancellationToken);

    public Task<LogOwner?> LogAsync(long logId, CancellationToken cancellationToken)
        => KnownAsync(new LogKey(logId), db => _log(db, logId), cancellationToken);

    public Task<QuizPlace?> QuizAsync(long quizId, CancellationToken cancellationToken)
        => KnownAsync(new QuizKey(quizId), db => _quiz(db, quizId), cancellationToken);

    /// <summary>The server and channel of the question a quiz answer was given to.</summary>
    public Task<QuizPlace?> QuizAnswerAsync(long answerId, CancellationToken cancellationToken)
        => KnownAsync(new QuizAnswerKey(answerId), db => _quizAnswer(db, answerId), cancellationToken);

    public void Dispose() => _known.Dispose();

    private async Task<T?> KnownAsync<TKey, T>(TKey key, Func<StudyDbContext, Task<T?>> read, CancellationToken cancellationToken)
        where TKey : notnull
    {
        if (_known.TryGetValue(key, out T? known))
        {
            return known;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await read(db);
        if (found is not null)
        {
            _known.Set(key, found, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = _keep });
        }

        return found;
    }
}
