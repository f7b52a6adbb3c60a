using StudyBot.Core.Decks;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Study;
using StudyBot.Data.Review;

namespace StudyBot.Features.Review;

/// <summary>A card as put in front of a student: which prompt instance it is and in which session scope.</summary>
public sealed record ReviewPrompt(int CardId, int Nonce, int Scope, string DeckTitle, DeckCard Card, QueueKind Queue);

/// <summary>A basic or cloze card with its answer shown, and the interval each grade would give.</summary>
public sealed record ReviewReveal(ReviewPrompt Prompt, IReadOnlyList<(Rating Rating, TimeSpan Interval)> Intervals);

/// <summary>What an answer did, to show right/wrong, the explanation and the next due time.</summary>
public sealed record ReviewOutcome(ReviewPrompt Prompt, AnswerResult Result, string? Given, DateTime AnsweredUtc);
