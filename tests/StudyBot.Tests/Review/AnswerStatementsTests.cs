using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Answers;
using StudyBot.Core.Scheduling;
using StudyBot.Data.Diagnostics;
using StudyBot.Features.Quiz;
using StudyBot.Features.Review;
using StudyBot.Features.Shared;
using StudyBot.Tests.EndToEnd;

namespace StudyBot.Tests.Review;

/// <summary>
/// SQL round trips of one answer through the services the button handlers call, in the real host:
/// <see cref="ReviewService.AnswerAsync"/> for a review prompt and <see cref="QuizQuestions.AnswerAsync"/>
/// for a quiz question. Counted by <see cref="SqlStatementCounter"/>: each command EF runs (queries
/// and the answer's batched write) and each transaction begin and commit. The budget is four: one
/// read, begin, one write, commit.
/// </summary>
public sealed class AnswerStatementsTests : IAsyncLifetime
{
    private readonly SqlStatementCounter _statements = new();
    private readonly PlaygroundBot _bot;

    public AnswerStatementsTests() => _bot = new PlaygroundBot { Configure = builder => builder.Services.AddSingleton(_statements) };

    public Task InitializeAsync() => _bot.InitializeAsync();

    public Task DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task ReviewAnswer_FullServicePath_FourStatements()
    {
        await TestDecks.UploadAsync(_bot, TestDecks.McqThenTyped);
        var card = await _bot.QueryAsync(db => db.Cards.Where(c => c.Key == "capital" && c.Deck!.Key == "e2e-review").Select(c => c.Id).SingleAsync());
        // Another student's answer puts the card's content in the engine's cache, as a class does.
        await AnswerAsync(101, card, nonce: 0);

        _statements.Reset();
        var outcome = await AnswerAsync(102, card, nonce: 0);
        AssertFourStatements();

        _statements.Reset();
        var next = await AnswerAsync(102, card, nonce: 1);
        AssertFourStatements();

        Assert.Equal(Rating.Good, outcome.Result.Rating);
        Assert.Equal(("End-to-end review", "capital", 1), (outcome.Prompt.DeckTitle, outcome.Prompt.Card.Id, next.Prompt.Nonce));
        Assert.False(next.Result.Duplicate);
    }

    [Fact]
    public async Task QuizAnswer_FullServicePath_FourStatements()
    {
        await TestDecks.UploadAsync(_bot, TestDecks.McqThenTyped);
        var card = await _bot.QueryAsync(db => db.Cards.Where(c => c.Key == "capital" && c.Deck!.Key == "e2e-review").Select(c => c.Id).SingleAsync());
        var now = DateTime.UtcNow;
        var quiz = await _bot.QueryAsync(async db =>
        {
            var question = new Data.Entities.Quiz { GuildId = ulong.Parse(_bot.World.Guild.Id, CultureInfo.InvariantCulture), ChannelId = 1, CardId = card, OpenedUtc = now, ClosesUtc = now.AddMinutes(10) };
            db.Quizzes.Add(question);
            await db.SaveChangesAsync();
            return question.Id;
        });
        await QuizAnswerAsync(quiz, 201);

        _statements.Reset();
        var outcome = await QuizAnswerAsync(quiz, 202);
        AssertFourStatements();

        Assert.Equal((false, false, true, "Pyongyang"), (outcome.Closed, outcome.Repeated, outcome.Right, outcome.Chosen));
    }

    private async Task<ReviewOutcome> AnswerAsync(ulong student, int card, int nonce)
    {
        await using var scope = _bot.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReviewService>().AnswerAsync(Place.InGuild(ulong.Parse(_bot.World.Guild.Id, CultureInfo.InvariantCulture), student), card, nonce, 0, new ChoiceAnswer(0), null, CancellationToken.None);
    }

    private async Task<QuizAnswerOutcome> QuizAnswerAsync(long quiz, ulong student)
    {
        await using var scope = _bot.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<QuizQuestions>().AnswerAsync(quiz, student, new ChoiceAnswer(0), CancellationToken.None);
    }

    private void AssertFourStatements() =>
        Assert.True(
            (_statements.Commands, _statements.Begins, _statements.Commits, _statements.Rollbacks) == (2, 1, 1, 0),
            $"expected 2 commands, 1 begin, 1 commit; saw {_statements.Commands}, {_statements.Begins}, {_statements.Commits}, {_statements.Rollbacks} rollbacks:\n{string.Join("\n---\n", _statements.Recent)}");
}
