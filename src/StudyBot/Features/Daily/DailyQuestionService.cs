using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Scheduling;
using StudyBot.Data;
using StudyBot.Data.Entities;
using StudyBot.Data.Review;
using StudyBot.Features.Quiz;
using StudyBot.Features.Shared;
using StudyBot.Hosting;
using StudyBot.Observability;

namespace StudyBot.Features.Daily;

/// <summary>What /daily set did.</summary>
public sealed record DailySetting(ulong ChannelId, TimeOnly At, string TimeZone, string? DeckTitle, DateTimeOffset? Next, QuizStyle Style = QuizStyle.Choices);

/// <summary>
/// The question of the day: one question a day per guild, in one channel, at a local time in the
/// guild's zone. Each post first closes yesterday's question and shows its answer and results; it
/// draws the card the class finds hardest (most Again per answer, unseen cards counting as middling)
/// among those not asked in the last weeks.
/// </summary>
public sealed class DailyQuestionService(
    StudyDbContext db,
    IDbContextFactory<StudyDbContext> contexts,
    DeckRelationsCache relations,
    QuizForms forms,
    QuizQuestions questions,
    QuizScheduler closes,
    DailyScheduler scheduler,
    IGuildTimeZones zones,
    StudyClock clock,
    InstructorNotice notice,
    ILogger<DailyQuestionService> logger)
{
    /// <summary>A card asked as the question of the day is not asked again for this long (unless nothing else is left).</summary>
    private static readonly TimeSpan _rest = TimeSpan.FromDays(30);

    public async Task<DailySetting> SetAsync(ulong guildId, ulong channelId, TimeOnly at, string? deckKey, ulong setBy, CancellationToken cancellationToken, QuizStyle style = QuizStyle.Choices)
    {
        DeckRecord? deck = null;
        if (!string.IsNullOrWhiteSpace(deckKey))
        {
            deck = await VisibleDecks.FindAsync(db, guildId, deckKey.Trim(), cancellationToken)
                ?? throw new RefusalException($"There is no deck '{deckKey}' here; `/deck list` shows them.");
        }

        if (await CandidatesAsync(guildId, deck?.Id, cancellationToken) is { Count: 0 })
        {
            throw new RefusalException($"{(deck is null ? "This server's decks have" : $"Deck '{deck.Key}' has")} no cards to ask.");
        }

        var zone = await zones.ZoneOfAsync(guildId, cancellationToken);
        await using (var write = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var row = await write.DailyQuestions.AsTracking().FirstOrDefaultAsync(d => d.GuildId == guildId, cancellationToken);
            if (row is null)
            {
                row = new DailyQuestion { GuildId = guildId, TimeZone = zone };
                write.DailyQuestions.Add(row);
            }

            row.ChannelId = channelId;
            row.LocalMinute = (at.Hour * 60) + at.Minute;
            row.TimeZone = zone;
            row.DeckId = deck?.Id;
            row.BasicAsTyped = style == QuizStyle.Typed;
            row.SetBy = setBy;
            row.UpdatedUtc = clock.UtcNow;
            await write.SaveChangesAsync(cancellationToken);
        }

        var next = await scheduler.ScheduleAsync(guildId, at, zone, cancellationToken);
        logger.LogInformation("Question of the day for guild {Guild}: channel {Channel} at {At} {Zone}", guildId, channelId, at, zone);
        return new DailySetting(channelId, at, zone, deck?.Title, next, style);
    }

    /// <summary>After the guild's time zone changed: keeps the same local time in the new zone.</summary>
    public async Task ZoneChangedAsync(ulong guildId, CancellationToken cancellationToken)
    {
        await using var write = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await write.DailyQuestions.AsTracking().FirstOrDefaultAsync(d => d.GuildId == guildId, cancellationToken);
        if (row is null)
        {
            return;
        }

        row.TimeZone = await zones.ZoneOfAsync(guildId, cancellationToken);
        await write.SaveChangesAsync(cancellationToken);
        await scheduler.ScheduleAsync(guildId, new TimeOnly(row.LocalMinute / 60, row.LocalMinute % 60), row.TimeZone, cancellationToken);
    }

    public async Task<bool> OffAsync(ulong guildId, CancellationToken cancellationToken)
    {
        await scheduler.CancelAsync(guildId, cancellationToken);
        await using var write = await contexts.CreateDbContextAsync(cancellationToken);
        return await write.DailyQuestions.Where(d => d.GuildId == guildId).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>Closes yesterday's question and posts today's, with yesterday's answer and results.</summary>
    /// <param name="firedForUtc">The time the post was scheduled for: a second run for the same time posts nothing.</param>
    public async Task PostAsync(ulong guildId, DateTime firedForUtc, CancellationToken cancellationToken)
    {
        var setting = await db.DailyQuestions.AsNoTracking().FirstOrDefaultAsync(d => d.GuildId == guildId, cancellationToken);
        if (setting is null)
        {
            return;
        }

        // A run again of the same fire (Quartz re-runs it on another cluster node when its node died
        // mid-run): a question already posted for it stays the day's one; one made but never posted
        // (nobody could answer it) is dropped and made afresh.
        var made = await db.Quizzes.AsNoTracking().Where(q => q.GuildId == guildId && q.Daily && q.OpenedUtc >= firedForUtc)
            .Select(q => new { q.Id, q.MessageId, q.ClosesUtc }).FirstOrDefaultAsync(cancellationToken);
        if (made is { MessageId: not null })
        {
            await closes.ScheduleCloseAsync(made.Id, made.ClosesUtc, cancellationToken);
            return;
        }

        if (made is not null)
        {
            await using var drop = await contexts.CreateDbContextAsync(cancellationToken);
            await drop.Quizzes.Where(q => q.Id == made.Id && q.MessageId == null).ExecuteDeleteAsync(cancellationToken);
        }

        var previousId = await db.Quizzes.Where(q => q.GuildId == guildId && q.Daily && !q.Skipped).OrderByDescending(q => q.OpenedUtc).Select(q => (long?)q.Id).FirstOrDefaultAsync(cancellationToken);
        var fields = new List<(string, string)>();
        CardRecord? previousCard = null;
        if (previousId is { } id)
        {
            await questions.CloseAsync(id, cancellationToken);
            var previous = await db.Quizzes.AsNoTracking().Include(q => q.Answers).SingleAsync(q => q.Id == id, cancellationToken);
            previousCard = await db.Cards.AsNoTracking().SingleAsync(c => c.Id == previous.CardId, cancellationToken);
            fields.Add(QuizViews.Yesterday(previous, previousCard.ToDeckCard()));
        }

        var card = await PickAsync(guildId, setting.DeckId, previousCard, cancellationToken);
        if (card is null)
        {
            logger.LogInformation("Question of the day for guild {Guild}: no card to ask", guildId);
            HostMetrics.DailyPost("no_card");
            return;
        }

        var now = clock.UtcNow;
        var next = await scheduler.NextFireAsync(guildId, cancellationToken);
        var quiz = new Data.Entities.Quiz
        {
            GuildId = guildId,
            ChannelId = setting.ChannelId,
            CardId = card.Id,
            // A basic card: multiple choice from its deck's other answers, unless /daily set asked for typed.
            Choices = (await forms.ChoicesAsync(card.DeckId, [card.Id], setting.BasicAsTyped ? QuizStyle.Typed : QuizStyle.Choices, cancellationToken))[card.Id],
            Daily = true,
            OpenedUtc = now,
            ClosesUtc = next?.UtcDateTime ?? now.AddDays(1),
        };
        await using (var write = await contexts.CreateDbContextAsync(cancellationToken))
        {
            write.Quizzes.Add(quiz);
            await write.SaveChangesAsync(cancellationToken);
        }

        var deckTitle = await db.Decks.Where(d => d.Id == card.DeckId).Select(d => d.Title).FirstAsync(cancellationToken);
        var frame = new QuestionFrame($"Question of the day · {deckTitle}", "Question of the day", "Everyone answers once; it counts towards your own review schedule. Tomorrow's post shows the answer.", fields);
        switch (await questions.PostAsync(quiz, frame, cancellationToken))
        {
            case QuestionPost.Gone:
                // The channel is gone (QuizQuestions logged it): stop posting into nothing every day.
                HostMetrics.DailyPost("channel_gone");
                await OffAsync(guildId, cancellationToken);
                return;
            case QuestionPost.Refused:
                await PauseAsync(setting, quiz.Id, cancellationToken);
                return;
        }

        // Closes at the next post; this trigger closes it too if /daily off comes first.
        await closes.ScheduleCloseAsync(quiz.Id, quiz.ClosesUtc, cancellationToken);
        HostMetrics.DailyPost("posted");
        logger.LogInformation("Question of the day {Quiz} posted in guild {Guild} on card {Card}", quiz.Id, guildId, card.Id);
    }

    /// <summary>
    /// Discord refused the post for missing permissions: the unposted question is dropped, the daily
    /// trigger paused (the setting is kept; <c>/daily set</c> resumes it) and the instructor who set it told once.
    /// </summary>
    private async Task PauseAsync(DailyQuestion setting, long unposted, CancellationToken cancellationToken)
    {
        await using (var drop = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await drop.Quizzes.Where(q => q.Id == unposted && q.MessageId == null).ExecuteDeleteAsync(cancellationToken);
        }

        await scheduler.PauseAsync(setting.GuildId, cancellationToken);
        HostMetrics.DailyPost("paused");
        logger.LogWarning("Question of the day for guild {Guild} paused: Discord refused the post in channel {Channel} for missing permissions", setting.GuildId, setting.ChannelId);
        var at = new TimeOnly(setting.LocalMinute / 60, setting.LocalMinute % 60);
        await notice.TellAsync(
            setting.SetBy,
            $"The question of the day in <#{setting.ChannelId}> is paused: Discord refused today's post for missing permissions. "
                + $"{ChannelAccess.Need(ChannelAccess.Embeds, setting.ChannelId)} Once a server manager allows them, "
                + $"`/daily set channel:<#{setting.ChannelId}> time:{at:HH\\:mm}` resumes it.",
            cancellationToken);
    }

    private async Task<CardRecord?> PickAsync(ulong guildId, int? deckId, CardRecord? yesterday, CancellationToken cancellationToken)
    {
        var candidates = await CandidatesAsync(guildId, deckId, cancellationToken);
        if (candidates.Count == 0)
        {
            return null;
        }
        if (yesterday is not null)
        {
            // Yesterday's answer is posted with today's question: a sibling of yesterday's card, or a
            // card that shows its answer or whose answer it showed, would be given away (or give it away).
            var kin = await relations.ForDeckAsync(db, yesterday.DeckId, cancellationToken);
            var apart = candidates.Where(c => !kin.KeptApart(yesterday.Id, c)).ToList();
            candidates = apart.Count > 0 ? apart : candidates;
        }

        var since = clock.UtcNow - _rest;
        var recent = await db.Quizzes.Where(q => q.GuildId == guildId && q.Daily && q.OpenedUtc >= since).Select(q => q.CardId).ToListAsync(cancellationToken);
        var fresh = candidates.Except(recent).ToList();
        var pool = fresh.Count > 0 ? fresh : candidates;
        var answers = await db.ReviewLog
            .Where(l => pool.Contains(l.CardId) && l.Kind == ReviewKind.Answer)
            .GroupBy(l => l.CardId)
            .Select(g => new { CardId = g.Key, Answers = g.Count(), Again = g.Count(l => l.Rating == Rating.Again) })
            .ToDictionaryAsync(x => x.CardId, cancellationToken);
        // Laplace's rule: an unseen card scores 1/2, above cards the class mostly gets right.
        var pick = pool
            .Select(id => (Id: id, Score: answers.TryGetValue(id, out var a) ? (a.Again + 1.0) / (a.Answers + 2.0) : 0.5, Tie: Random.Shared.Next()))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Tie)
            .First();
        return await db.Cards.AsNoTracking().SingleAsync(c => c.Id == pick.Id, cancellationToken);
    }

    private Task<List<int>> CandidatesAsync(ulong guildId, int? deckId, CancellationToken cancellationToken)
    {
        var decks = VisibleDecks.For(db, guildId).Select(d => d.Id);
        return db.Cards
            .Where(c => !c.Retired && (deckId == null ? decks.Contains(c.DeckId) : c.DeckId == deckId))
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
    }
}
