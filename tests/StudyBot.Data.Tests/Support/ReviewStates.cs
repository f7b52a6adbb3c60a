using StudyBot.Core.Scheduling;
using StudyBot.Data.Entities;

namespace StudyBot.Data.Tests.Support;

public static class ReviewStates
{
    /// <summary>Makes the student's card of deck "d" a review due at <paramref name="due"/>, last seen five days before.</summary>
    public static async Task SetReviewDueAsync(this TestDatabase db, ulong userId, string cardKey, DateTime due)
    {
        var cardId = await db.CardIdAsync("d", cardKey);
        await using var context = db.NewContext();
        context.CardStates.Add(new UserCardState
        {
            UserId = userId,
            CardId = cardId,
            Version = 1,
            Memory = new CardMemory
            {
                Due = due,
                State = CardState.Review,
                Stability = 5,
                Difficulty = 5,
                Reps = 3,
                ScheduledDays = 5,
                LastReview = due.AddDays(-5),
            },
        });
        await context.SaveChangesAsync();
    }
}
