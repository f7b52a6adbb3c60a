using StudyBot.Core.Scheduling;
using StudyBot.Core.Scheduling.Replay;

namespace StudyBot.Core.Study.Simulation;

/// <summary>What one simulated student did: every card met (the schedule's view and the memory's), reviews and seconds spent.</summary>
internal sealed record StudentRun(IReadOnlyList<(SimulatedCard Card, CardMind Mind)> Cards, int Reviews, double Seconds);

/// <summary>
/// The one daily loop of the simulations: every evening (18:00) the student answers what is due (learning
/// steps within the hour, reviews of cards already met within the daily limit, as Anki's limit counts them),
/// then the day's new cards. A first sight is rated at random (30 % Again, 10 % Hard, 50 % Good, 10 % Easy);
/// later a card is recalled with the probability the memory gives, then rated Hard (10 %), Good or Easy
/// (5 %), else Again. Study time: 20 s for a first sight, 8 s for a recalled card, 15 s for a forgotten one.
/// </summary>
internal static class StudyLoop
{
    private const double FirstSightSeconds = 20;
    private const double RecalledSeconds = 8;
    private const double ForgottenSeconds = 15;

    /// <summary>Midnight at the start of the first simulated day.</summary>
    public static readonly DateTime Origin = new(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);

    /// <param name="newCards">New cards for a day (its index and the count met so far).</param>
    /// <param name="review">The schedule's answer: sets the card's due time.</param>
    /// <param name="answers">The student's own draws (the same under every schedule).</param>
    /// <param name="hardness">Draws for each new card's hardness in the memory.</param>
    /// <param name="keepLog">Keep each card's answers (<see cref="CardMind.Log"/>), e.g. for fitting.</param>
    /// <param name="endOfDay">Called after each day's study with its index and the cards met.</param>
    public static StudentRun Run(
        IStudentMemory memory, Action<SimulatedCard, DateTime, Rating> review, Func<int, int, int> newCards, int days, int reviewsPerDay,
        Random answers, Random hardness, bool keepLog = false, Action<int, IReadOnlyList<(SimulatedCard Card, CardMind Mind)>>? endOfDay = null)
    {
        var cards = new List<(SimulatedCard Card, CardMind Mind)>();
        var queue = new PriorityQueue<int, (DateTime Due, int Index)>();
        var reviews = 0;
        var seconds = 0.0;
        for (var day = 0; day < days; day++)
        {
            var start = Origin.AddDays(day).AddHours(18);
            var end = start.AddHours(1);
            var fresh = newCards(day, cards.Count);
            for (var k = 0; k < fresh; k++)
            {
                var mind = memory.NewCard(hardness);
                mind.Log = keepLog ? [] : null;
                cards.Add((new SimulatedCard { Fsrs = FsrsCard.CreateNew(start), Due = start }, mind));
            }
            queue.Clear();
            for (var i = 0; i < cards.Count; i++)
            {
                if (cards[i].Card.Due <= end)
                {
                    queue.Enqueue(i, (cards[i].Card.Due, i));
                }
            }
            var now = start;
            var dueReviews = 0;
            while (queue.TryPeek(out var index, out var key) && key.Due <= end)
            {
                queue.Dequeue();
                var (card, mind) = cards[index];
                if (!card.Learning && mind.Seen && card.Due < start.AddMinutes(1) && dueReviews++ >= reviewsPerDay)
                {
                    continue;
                }
                now = key.Due > now ? key.Due : now;
                Rating rating;
                if (!mind.Seen)
                {
                    rating = FirstRating(answers);
                    seconds += FirstSightSeconds;
                }
                else
                {
                    var recalled = answers.NextDouble() < memory.Recall(mind, now);
                    rating = recalled ? RecallRating(answers) : Rating.Again;
                    seconds += recalled ? RecalledSeconds : ForgottenSeconds;
                }
                memory.Review(mind, now, rating);
                mind.Log?.Add(new ReviewEntry(rating, now));
                review(card, now, rating);
                reviews++;
                now = now.AddSeconds(10);
                if (card.Due <= end)
                {
                    queue.Enqueue(index, (card.Due, index));
                }
            }
            endOfDay?.Invoke(day, cards);
        }
        return new StudentRun(cards, reviews, seconds);
    }

    private static Rating FirstRating(Random random)
    {
        var x = random.NextDouble();
        return x < 0.3 ? Rating.Again : x < 0.4 ? Rating.Hard : x < 0.9 ? Rating.Good : Rating.Easy;
    }

    private static Rating RecallRating(Random random)
    {
        var x = random.NextDouble();
        return x < 0.1 ? Rating.Hard : x < 0.95 ? Rating.Good : Rating.Easy;
    }
}
