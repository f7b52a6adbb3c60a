using StudyBot.Core.Answers;
using StudyBot.Core.Scheduling;
using StudyBot.Data.Entities;
using StudyBot.Data.Review;

namespace StudyBot.Testing;

/// <summary>
/// A student whose memory follows FSRS-6 with their own (non-default) weights, answering through the
/// real review engine at the times it schedules: recall with the probability their memory gives.
/// </summary>
public sealed class SimulatedStudent(ReviewEngine engine, ulong userId, int seed)
{
    /// <summary>Weights of a student who forgets faster than the defaults assume.</summary>
    public static readonly double[] TrueWeights =
        [0.1, 0.5, 1.2, 4.0, 7.5, 0.4, 1.5, 0.05, 1.2, 0.3, 1.3, 2.2, 0.15, 0.5, 1.2, 0.3, 2.8, 0.6, 0.2, 0.2, 0.5];

    private readonly FsrsScheduler _memory = new(new FsrsParameters { Weights = TrueWeights });
    private readonly Random _random = new(seed);
    private readonly Dictionary<int, (FsrsCard Memory, DateTime Next)> _cards = [];
    private int _answers;

    public ulong UserId => userId;

    /// <summary>Studies every card due before <paramref name="untilUtc"/> (new cards start at <paramref name="startUtc"/>), one card after another.</summary>
    public async Task<IReadOnlyList<AnswerResult>> StudyAsync(IReadOnlyList<int> cardIds, DateTime startUtc, DateTime untilUtc)
    {
        var results = new List<AnswerResult>();
        foreach (var cardId in cardIds)
        {
            var (memory, next) = _cards.TryGetValue(cardId, out var known)
                ? known
                : (FsrsCard.CreateNew(startUtc), startUtc.AddMinutes(_random.Next(0, 600)));
            while (next < untilUtc)
            {
                var rating = memory.State == CardState.New ? FirstRating() : Recall(memory, next);
                var result = await engine.AnswerAsync(userId, cardId, new SelfGrade(rating), $"sim-{userId}-{seed}-{_answers++}", TimeSpan.FromSeconds(5), ReviewSource.Review, next);
                results.Add(result);
                memory = _memory.Next(memory, next, rating);
                var wait = result.After.Due - next;
                next = result.After.Due + TimeSpan.FromMinutes(wait < TimeSpan.FromDays(1) ? _random.Next(0, 20) : _random.Next(0, 24 * 60));
            }
            _cards[cardId] = (memory, next);
        }
        return results;
    }

    private Rating FirstRating()
    {
        var x = _random.NextDouble();
        return x < 0.25 ? Rating.Again : x < 0.4 ? Rating.Hard : x < 0.85 ? Rating.Good : Rating.Easy;
    }

    private Rating Recall(FsrsCard memory, DateTime now)
    {
        if (_random.NextDouble() >= _memory.Retrievability(memory, now))
        {
            return Rating.Again;
        }
        var x = _random.NextDouble();
        return x < 0.15 ? Rating.Hard : x < 0.85 ? Rating.Good : Rating.Easy;
    }
}
