using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StudyBot.Data;
using StudyBot.Data.Entities;
using StudyBot.Data.Review;
using StudyBot.Discord.Rest;
using StudyBot.Features.Shared;
using StudyBot.Hosting;
using StudyBot.Observability;

namespace StudyBot.Features.Quiz;

/// <summary>A started session, as the instructor's confirmation tells it.</summary>
public sealed record StartedSession(long SessionId, int Questions, int Requested, int Seconds, DateTime EndsUtc, string DeckTitle);

/// <summary>
/// Channel quiz sessions: questions one after the other, each closed at its deadline by a Quartz
/// trigger in the persistent store, then a scoreboard. All questions are planned at start, so after
/// a restart the remaining ones keep their times; one whose whole time passed while the bot was
/// offline is skipped rather than stretching the quiz.
/// </summary>
public sealed class QuizSessionService(
    StudyDbContext db,
    IDbContextFactory<StudyDbContext> contexts,
    DeckRelationsCache relations,
    QuizForms forms,
    QuizQuestions questions,
    QuizScheduler scheduler,
    DiscordRestClient rest,
    StudyClock clock,
    InstructorNotice notice,
    ILogger<QuizSessionService> logger)
{
    public const int MaxQuestions = 50;
    public const int MinSeconds = 10;
    public const int MaxSeconds = 600;

    /// <summary>A question with less time than this left (after a restart) is skipped.</summary>
    private static readonly TimeSpan _shortestWindow = TimeSpan.FromSeconds(5);

    public async Task<StartedSession> StartAsync(ulong guildId, ulong channelId, ulong startedBy, string deckKey, int count, int seconds, QuizStyle style, CancellationToken cancellationToken)
    {
        var deck = await VisibleDecks.FindAsync(db, guildId, deckKey.Trim(), cancellationToken)
            ?? throw new RefusalException($"There is no deck '{deckKey}' here; `/deck list` shows them.");
        if (await db.QuizSessions.AnyAsync(s => s.GuildId == guildId && s.ChannelId == channelId && s.EndedUtc == null, cancellationToken))
        {
            throw new RefusalException("A quiz is already running in this channel; `/quiz stop` ends it.");
        }

        var candidates = await db.Cards.Where(c => c.DeckId == deck.Id && !c.Retired).Select(c => c.Id).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            throw new RefusalException($"Deck '{deck.Key}' has no cards to quiz on.");
        }

        count = Math.Clamp(count, 1, MaxQuestions);
        seconds = Math.Clamp(seconds, MinSeconds, MaxSeconds);
        var shuffled = candidates.ToArray();
        Random.Shared.Shuffle(shuffled);
        // No two questions of one session may give each other away: siblings, or cards that show each other's answers.
        var picked = (await relations.ForDeckAsync(db, deck.Id, cancellationToken)).Draw(shuffled, count);
        // Basic cards are asked as multiple choice from the deck's other answers (or typed, as asked), fixed now for the whole session.
        var choices = await forms.ChoicesAsync(deck.Id, picked, style, cancellationToken);
        var now = clock.UtcNow;
        var length = TimeSpan.FromSeconds(seconds);
        var session = new QuizSession
        {
            GuildId = guildId,
            ChannelId = channelId,
            DeckId = deck.Id,
            StartedBy = startedBy,
            SecondsPerQuestion = seconds,
            StartedUtc = now,
            Questions = [.. picked.Select((cardId, i) => new Data.Entities.Quiz
            {
                GuildId = guildId,
                ChannelId = channelId,
                CardId = cardId,
                Choices = choices[cardId],
                Position = i,
                OpenedUtc = now + (length * i),
                ClosesUtc = now + (length * (i + 1)),
            })],
        };
        await using (var write = await contexts.CreateDbContextAsync(cancellationToken))
        {
            write.QuizSessions.Add(session);
            await write.SaveChangesAsync(cancellationToken);
        }

        var first = session.Questions[0];
        switch (await questions.PostAsync(first, Frame(session, first, deck.Title), cancellationToken))
        {
            case QuestionPost.Gone:
                await DiscardAsync(session.Id, cancellationToken);
                throw new RefusalException("StudyBot cannot post in this channel. No quiz was started.");
            case QuestionPost.Refused:
                await DiscardAsync(session.Id, cancellationToken);
                throw new RefusalException($"Discord refused my question in <#{channelId}>. {ChannelAccess.Need(ChannelAccess.Embeds, channelId)} No quiz was started.");
        }

        await scheduler.ScheduleCloseAsync(first.Id, first.ClosesUtc, cancellationToken);
        HostMetrics.QuizSessionStarted();
        logger.LogInformation("Quiz session {Session} started in channel {Channel}: {Count} questions of {Seconds} s from deck {Deck}", session.Id, channelId, session.Questions.Count, seconds, deck.Id);
        return new StartedSession(session.Id, session.Questions.Count, count, seconds, session.Questions[^1].ClosesUtc, deck.Title);
    }

    /// <summary>At a question's deadline: close it, then post the next question or the scoreboard.</summary>
    /// <param name="resume">
    /// This run finishes one that was interrupted (Quartz re-runs a close job whose cluster node died
    /// mid-run): every step is taken again only where it is missing, so nothing is posted twice.
    /// </param>
    public async Task AdvanceAsync(long quizId, CancellationToken cancellationToken, bool resume = false)
    {
        var closed = await questions.CloseAsync(quizId, cancellationToken, resume);
        var quiz = await db.Quizzes.AsNoTracking().FirstOrDefaultAsync(q => q.Id == quizId, cancellationToken);
        if (quiz?.SessionId is not { } sessionId || closed == QuestionClose.AlreadyClosed)
        {
            return;
        }

        if (closed == QuestionClose.Gone)
        {
            await EndQuietlyAsync(sessionId, cancellationToken);
            return;
        }

        var session = await db.QuizSessions.AsNoTracking().Include(s => s.Questions).FirstAsync(s => s.Id == sessionId, cancellationToken);
        if (session.EndedUtc is not null)
        {
            return;
        }

        var deckTitle = await DeckTitleAsync(session.DeckId, cancellationToken);
        var skipped = new List<int>();
        foreach (var next in session.Questions.Where(q => q.Position > quiz.Position && q.ClosedUtc == null).OrderBy(q => q.Position))
        {
            if (next.MessageId is not null)
            {
                // Posted by the interrupted run: make sure its close is scheduled (replacing is harmless).
                await scheduler.ScheduleCloseAsync(next.Id, next.ClosesUtc, cancellationToken);
                return;
            }

            if (next.ClosesUtc - clock.UtcNow < _shortestWindow)
            {
                await SkipAsync([next.Id], cancellationToken);
                skipped.Add(next.Position);
                continue;
            }

            await NoteSkippedAsync(session, skipped, cancellationToken);

            switch (await questions.PostAsync(next, Frame(session, next, deckTitle), cancellationToken))
            {
                case QuestionPost.Gone:
                    await EndQuietlyAsync(sessionId, cancellationToken);
                    return;
                case QuestionPost.Refused:
                    if (await EndQuietlyAsync(sessionId, cancellationToken))
                    {
                        await TellRefusedAsync(session, $"after question {quiz.Position + 1} of {session.Questions.Count}", cancellationToken);
                    }

                    return;
            }

            await scheduler.ScheduleCloseAsync(next.Id, next.ClosesUtc, cancellationToken);
            return;
        }

        await NoteSkippedAsync(session, skipped, cancellationToken);
        await FinishAsync(sessionId, stopped: false, cancellationToken);
    }

    /// <summary>Says in the channel which questions were skipped because too little of their time was left (the bot was away), so nobody waits for them.</summary>
    private async Task NoteSkippedAsync(QuizSession session, List<int> positions, CancellationToken cancellationToken)
    {
        if (positions.Count == 0)
        {
            return;
        }

        try
        {
            await rest.CreateMessageAsync(session.ChannelId, QuizViews.SkippedNote(positions, session.Questions.Count, _shortestWindow), null, cancellationToken);
        }
        catch (DiscordApiException e) when (QuizQuestions.IsGone(e) || ChannelAccess.IsRefused(e))
        {
            // The next post meets the same channel and ends the quiz as it does without a note.
            logger.LogInformation("Quiz session {Session}: the note about skipped questions was not posted in channel {Channel} ({Code})", session.Id, session.ChannelId, e.Code);
        }

        positions.Clear();
    }

    /// <summary>Questions skipped for lack of time: not asked, yet before one that was asked or in a quiz that ran to its end (those a /quiz stop drops are not counted).</summary>
    public static int SkippedForTime(QuizSession session)
    {
        var lastAsked = session.Questions.Where(q => q.MessageId != null).Select(q => q.Position).DefaultIfEmpty(-1).Max();
        return session.Questions.Count(q => q.Skipped && q.MessageId == null && (!session.Stopped || q.Position < lastAsked));
    }

    /// <summary>/quiz stop: closes the open question, drops the rest and posts the scoreboard.</summary>
    public async Task<bool> StopAsync(ulong guildId, ulong channelId, CancellationToken cancellationToken)
    {
        var sessionId = await db.QuizSessions.Where(s => s.GuildId == guildId && s.ChannelId == channelId && s.EndedUtc == null)
            .Select(s => (long?)s.Id).FirstOrDefaultAsync(cancellationToken);
        if (sessionId is not { } id)
        {
            return false;
        }

        var open = await db.Quizzes.Where(q => q.SessionId == id && q.ClosedUtc == null).Select(q => new { q.Id, Posted = q.MessageId != null }).ToListAsync(cancellationToken);
        await SkipAsync([.. open.Where(q => !q.Posted).Select(q => q.Id)], cancellationToken);
        foreach (var posted in open.Where(q => q.Posted))
        {
            await scheduler.CancelCloseAsync(posted.Id, cancellationToken);
            if (await questions.CloseAsync(posted.Id, cancellationToken) == QuestionClose.Gone)
            {
                await EndQuietlyAsync(id, cancellationToken);
                return true;
            }
        }

        await FinishAsync(id, stopped: true, cancellationToken);
        return true;
    }

    private async Task FinishAsync(long sessionId, bool stopped, CancellationToken cancellationToken)
    {
        await using var write = await contexts.CreateDbContextAsync(cancellationToken);
        if (await write.QuizSessions.Where(s => s.Id == sessionId && s.EndedUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedUtc, clock.UtcNow).SetProperty(x => x.Stopped, stopped), cancellationToken) == 0)
        {
            return;
        }

        // One query: the answers hang under the questions (no two collections side by side to multiply rows), and one
        // statement reads them all as of one moment.
        var session = await write.QuizSessions.AsNoTracking().Include(s => s.Questions).ThenInclude(q => q.Answers).AsSingleQuery().SingleAsync(s => s.Id == sessionId, cancellationToken);
        var asked = session.Questions.Where(q => q.MessageId != null).ToList();
        var lines = Score(asked);
        try
        {
            var message = await rest.CreateMessageAsync(session.ChannelId, QuizViews.Scoreboard(session, await DeckTitleAsync(session.DeckId, cancellationToken), lines, asked.Count, SkippedForTime(session)), null, cancellationToken);
            await write.QuizSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ScoreboardMessageId, message.Id.Value), cancellationToken);
        }
        catch (DiscordApiException e) when (QuizQuestions.IsGone(e))
        {
            logger.LogInformation("Quiz session {Session}: channel {Channel} is gone ({Code}); ended without a scoreboard", sessionId, session.ChannelId, e.Code);
            return;
        }
        catch (DiscordApiException e) when (ChannelAccess.IsRefused(e))
        {
            logger.LogWarning("Quiz session {Session}: Discord refused the scoreboard in channel {Channel} for missing permissions ({Code})", sessionId, session.ChannelId, e.Code);
            HostMetrics.RefusedPost("quiz");
            await TellRefusedAsync(session, "without its scoreboard", cancellationToken);
            return;
        }

        logger.LogInformation("Quiz session {Session} {How}: {Asked} questions, {Players} players", sessionId, stopped ? "stopped" : "finished", asked.Count, lines.Count);
    }

    /// <summary>Right answers first, then less time spent on them.</summary>
    public static IReadOnlyList<ScoreLine> Score(IReadOnlyList<Data.Entities.Quiz> asked)
        => [.. asked
            .SelectMany(q => q.Answers.Select(a => (q.OpenedUtc, Answer: a)))
            .GroupBy(x => x.Answer.UserId)
            .Select(g => new ScoreLine(
                g.Key,
                g.Count(x => QuizViews.IsRight(x.Answer.Rating)),
                g.Count(),
                TimeSpan.FromTicks(g.Where(x => QuizViews.IsRight(x.Answer.Rating)).Sum(x => Math.Max(0, (x.Answer.AnsweredUtc - x.OpenedUtc).Ticks)))))
            .OrderByDescending(l => l.Right)
            .ThenBy(l => l.RightTime)
            .ThenBy(l => l.UserId)];

    /// <summary>The channel or a message is gone, or the bot may no longer post: end without posting anything more. True when this call ended it.</summary>
    private async Task<bool> EndQuietlyAsync(long sessionId, CancellationToken cancellationToken)
    {
        await using var write = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.UtcNow;
        HostMetrics.QuestionsSkipped(await write.Quizzes.Where(q => q.SessionId == sessionId && q.ClosedUtc == null)
            .ExecuteUpdateAsync(q => q.SetProperty(x => x.ClosedUtc, now).SetProperty(x => x.Skipped, true), cancellationToken));
        return await write.QuizSessions.Where(s => s.Id == sessionId && s.EndedUtc == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedUtc, now), cancellationToken) > 0;
    }

    /// <summary>A session whose first question could not be posted: nobody saw it, so nothing of it is kept.</summary>
    private async Task DiscardAsync(long sessionId, CancellationToken cancellationToken)
    {
        await using var write = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await write.Database.BeginTransactionAsync(cancellationToken);
        await write.Quizzes.Where(q => q.SessionId == sessionId).ExecuteDeleteAsync(cancellationToken);
        await write.QuizSessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Tells the instructor who started the quiz, once (the caller ended it), why it ended.</summary>
    private Task TellRefusedAsync(QuizSession session, string when, CancellationToken cancellationToken)
        => notice.TellAsync(
            session.StartedBy,
            $"The quiz in <#{session.ChannelId}> ended {when}: Discord refused my post there for missing permissions. "
                + $"{ChannelAccess.Need(ChannelAccess.Embeds, session.ChannelId)} Once a server manager allows them, `/quiz start` runs a new quiz.",
            cancellationToken);

    private async Task SkipAsync(IReadOnlyList<long> quizIds, CancellationToken cancellationToken)
    {
        if (quizIds.Count == 0)
        {
            return;
        }

        await using var write = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.UtcNow;
        HostMetrics.QuestionsSkipped(await write.Quizzes.Where(q => quizIds.Contains(q.Id) && q.ClosedUtc == null)
            .ExecuteUpdateAsync(q => q.SetProperty(x => x.ClosedUtc, now).SetProperty(x => x.Skipped, true), cancellationToken));
    }

    private async Task<string> DeckTitleAsync(int deckId, CancellationToken cancellationToken)
        => await db.Decks.Where(d => d.Id == deckId).Select(d => d.Title).FirstOrDefaultAsync(cancellationToken) ?? "";

    private static QuestionFrame Frame(QuizSession session, Data.Entities.Quiz quiz, string deckTitle)
        => new($"Quiz · {deckTitle}", $"Question {quiz.Position + 1} of {session.Questions.Count}", "Everyone answers once; your first answer counts and goes into your own review schedule.", []);
}
