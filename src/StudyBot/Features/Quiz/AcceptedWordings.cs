using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StudyBot.Data;
using StudyBot.Data.Review;
using StudyBot.Discord.Rest;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Quiz;

/// <summary>
/// An instructor accepts a student's wording for everyone (from /overrides, or from a closed quiz question): the card
/// accepts it in a new deck version, answers graded wrong with it are re-counted (<see cref="WordingAcceptance"/>),
/// and the closed questions and scoreboards that showed the old score are shown again.
/// </summary>
public sealed class AcceptedWordings(
    WordingAcceptance acceptance,
    IDbContextFactory<StudyDbContext> contexts,
    QuizQuestions questions,
    DiscordRestClient rest,
    ILogger<AcceptedWordings> logger)
{
    /// <summary>Accepts the wording and says what it did, or why it could not.</summary>
    public async Task<string> AcceptAsync(ulong guildId, int cardId, string wording, CancellationToken cancellationToken)
    {
        WordingAccepted accepted;
        try
        {
            accepted = await acceptance.AcceptAsync(guildId, cardId, wording, cancellationToken);
        }
        catch (Exception e) when (RefusalException.Text(e) is { } refused)
        {
            return refused;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var quizId in accepted.Quizzes)
        {
            await questions.ShowResultsAgainAsync(quizId, cancellationToken);
        }

        var sessions = await db.Quizzes.Where(q => accepted.Quizzes.Contains(q.Id) && q.SessionId != null).Select(q => q.SessionId!.Value).Distinct().ToListAsync(cancellationToken);
        foreach (var sessionId in sessions)
        {
            await ShowScoreboardAgainAsync(db, sessionId, cancellationToken);
        }

        var version = accepted.Version is { } v
            ? $"“{accepted.Wording}” is now an answer of card `{accepted.CardKey}` in version {v} of deck `{accepted.DeckKey}`: everyone who types it is graded Good."
            : $"Card `{accepted.CardKey}` of deck `{accepted.DeckKey}` already accepts “{accepted.Wording}”.";
        var recounted = accepted.Answers == 0
            ? " No answer graded wrong needed re-counting."
            : $" Re-counted as Good: {accepted.Answers} answer{(accepted.Answers == 1 ? "" : "s")} of {accepted.Regraded.Count} student{(accepted.Regraded.Count == 1 ? "" : "s")}, their schedules replayed.";
        var quizzes = accepted.Quizzes.Count == 0 ? "" : $" Re-scored {accepted.Quizzes.Count} quiz question{(accepted.Quizzes.Count == 1 ? "" : "s")} and {(sessions.Count == 1 ? "its scoreboard" : "their scoreboards")}.";
        logger.LogInformation("Wording accepted on card {Card} of deck {Deck} (version {Version}): {Answers} answers re-counted, {Quizzes} quiz questions re-scored",
            accepted.CardKey, accepted.DeckKey, accepted.Version, accepted.Answers, accepted.Quizzes.Count);
        return version + recounted + quizzes;
    }

    /// <summary>A session's scoreboard, once posted, is edited to the new score.</summary>
    private async Task ShowScoreboardAgainAsync(StudyDbContext db, long sessionId, CancellationToken cancellationToken)
    {
        var session = await db.QuizSessions.AsNoTracking().Include(s => s.Questions).ThenInclude(q => q.Answers).AsSingleQuery().SingleAsync(s => s.Id == sessionId, cancellationToken);
        if (session.EndedUtc is null || session.ScoreboardMessageId is not { } messageId)
        {
            return;
        }

        var asked = session.Questions.Where(q => q.MessageId != null).ToList();
        var title = await db.Decks.Where(d => d.Id == session.DeckId).Select(d => d.Title).FirstOrDefaultAsync(cancellationToken) ?? "";
        try
        {
            await rest.EditMessageAsync(session.ChannelId, messageId, QuizViews.Scoreboard(session, title, QuizSessionService.Score(asked), asked.Count), cancellationToken);
        }
        catch (DiscordApiException e) when (QuizQuestions.IsGone(e))
        {
            logger.LogInformation("Quiz session {Session}: its scoreboard is gone ({Code}); the new score is kept without it", sessionId, e.Code);
        }
    }
}
