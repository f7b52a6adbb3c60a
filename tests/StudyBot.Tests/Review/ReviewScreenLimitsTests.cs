using System.Text.Json;
using StudyBot.Core.Decks;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Study;
using StudyBot.Data.Review;
using StudyBot.Discord.Models;
using StudyBot.Emulator.Validation;
using StudyBot.Features.Quiz;
using StudyBot.Features.Review;
using StudyBot.Tests.EndToEnd;

namespace StudyBot.Tests.Review;

/// <summary>
/// Every screen of every card (prompt, answer window, reveal, each kind of outcome) of the essay
/// decks and of a deck at Discord's limits, put through the emulator's validation: a card that
/// passes deck validation can always be shown.
/// </summary>
public class ReviewScreenLimitsTests
{
    private static readonly DateTime _now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Screens_EveryEssayCard_PassEmulatorValidation()
    {
        var decks = Directory.EnumerateFiles(PlaygroundBot.RepositoryDecks(), "*.yaml").Order().Select(path => Load(File.ReadAllText(path), Path.GetFileName(path))).ToList();

        var (screens, problems) = Validate(decks);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(screens > 1000, $"only {screens} screens were built");
    }

    [Fact]
    public void Screens_DeckAtTheLimits_PassEmulatorValidation()
    {
        var deck = Load(LimitsDeck(), "limits.yaml");
        Assert.All(deck.Cards.Where(c => c.Id != "typed-long-prompt"), c => Assert.Equal(6000, CardScreens.LargestScreen(c)));

        var (screens, problems) = Validate([deck]);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(screens >= 30, $"only {screens} screens were built");
    }

    /// <summary>A deck with a 100-character title whose cards' largest screens hold exactly 6,000 characters, and a typed card whose answer window body is full.</summary>
    private static string LimitsDeck()
    {
        var rest = 6000 - CardScreens.Overhead;
        var explanation = new string('e', 4096);
        var quote = $"'{explanation}'";
        var choices = string.Join("\n", Enumerable.Range(0, 5).Select(i => $"      - {{ text: \"{new string((char)('a' + i), 80)}\"{(i == 0 ? ", correct: true" : "")} }}"));
        return $$"""
            id: limits
            title: {{new string('T', 100)}}
            cards:
              - id: basic
                kind: basic
                prompt: {{new string('p', rest - 2 * CardScreens.FieldValue)}}
                answer: {{new string('a', 4096)}}
                explanation: {{quote}}
              - id: typed
                kind: typed
                prompt: {{new string('p', rest - 2 * CardScreens.FieldValue)}}
                answers: [{{new string('a', 4000)}}]
                explanation: {{quote}}
              - id: typed-long-prompt
                kind: typed
                prompt: {{new string('p', 4000)}}
                answers: [a]
              - id: mcq
                kind: mcq
                prompt: {{new string('p', rest - 80 - CardScreens.FieldValue)}}
                choices:
            {{choices}}
                explanation: {{quote}}
              - id: cloze
                kind: cloze
                text: '{{new string('x', rest - 3 * CardScreens.FieldValue)}}{{"{{"}}c1::{{new string('a', 1024)}}::{{new string('h', 200)}}{{"}}"}}'
                explanation: {{quote}}
            """;
    }

    private static Deck Load(string text, string name)
    {
        var result = new DeckLoader().LoadText(text, name);
        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        return result.Deck!;
    }

    private static (int Screens, List<string> Problems) Validate(IReadOnlyList<Deck> decks)
    {
        var problems = new List<string>();
        var screens = 0;
        void Check(string what, DeckCard card, IReadOnlyList<string> errors)
        {
            screens++;
            problems.AddRange(errors.Select(e => $"{card.Id} {what}: {e}"));
        }

        foreach (var deck in decks)
        {
            foreach (var card in deck.Cards)
            {
                foreach (var queue in Enum.GetValues<QueueKind>())
                {
                    var prompt = new ReviewPrompt(int.MaxValue, int.MaxValue, int.MaxValue, deck.Title, card, queue) { Left = new DueCounts(99_999, 99_999, 99_999) };
                    Check($"prompt ({queue})", card, Message(ReviewViews.Prompt(prompt, ephemeral: true)));
                    if (card.Kind is CardKind.Basic or CardKind.Cloze)
                    {
                        var intervals = new[] { Rating.Again, Rating.Hard, Rating.Good, Rating.Easy }.Select(r => (r, TimeSpan.FromDays(3650))).ToList();
                        Check("reveal", card, Message(ReviewViews.Reveal(new ReviewReveal(prompt, intervals))));
                    }

                    if (card.Kind is CardKind.Typed or CardKind.Cloze)
                    {
                        Check("answer window", card, Modal(ReviewViews.AnswerModal(prompt)));
                    }

                }

                foreach (var (what, payload) in QuizScreens(deck, card))
                {
                    Check(what, card, Message(payload));
                }

                if (card.Kind is CardKind.Typed or CardKind.Cloze)
                {
                    Check("quiz answer window", card, Modal(QuizViews.AnswerModal(long.MaxValue, card)));
                }

                // The queue only names itself in the author line, which outcomes do not show.
                var answered = new ReviewPrompt(int.MaxValue, int.MaxValue, int.MaxValue, deck.Title, card, QueueKind.Learning);
                foreach (var outcome in Outcomes(answered))
                {
                    Check($"outcome ({outcome.Result.Rating}, {outcome.Given}, override {outcome.Overridden}, leech {outcome.Result.Leech})", card, Message(ReviewViews.Outcome(outcome)));
                }
            }
        }

        return (screens, problems);
    }

    /// <summary>Every outcome a card's kind can show, each with the longest text the screen can hold: the longest typed answer, a long note, a leech warning.</summary>
    private static IEnumerable<ReviewOutcome> Outcomes(ReviewPrompt prompt)
    {
        var card = prompt.Card;
        var longest = new string('w', CardScreens.Given);
        var given = card.Kind switch
        {
            CardKind.Mcq => Enumerable.Range(0, card.Choices.Count).Select(i => (string?)$"choice {i}").ToList(),
            CardKind.Basic => [null],
            CardKind.Cloze => [null, longest],
            _ => [longest],
        };
        foreach (var text in given)
        {
            foreach (var rating in new[] { Rating.Again, Rating.Hard, Rating.Good, Rating.Easy })
            {
                foreach (var leech in Enum.GetValues<LeechOutcome>())
                {
                    var note = text is null ? null : $"Hard, missing {new string('m', 500)}; expected: {CardScreens.ShownAnswer(card)}";
                    var after = FsrsCard.CreateNew(_now) with { Due = _now.AddYears(10), Lapses = 99 };
                    var result = new AnswerResult(long.MaxValue, prompt.CardId, rating, FsrsCard.CreateNew(_now), after, leech != LeechOutcome.None, leech, note, Duplicate: false);
                    yield return new ReviewOutcome(prompt, result, text, _now) { Left = new DueCounts(99_999, 99_999, 99_999) };
                    if (text is not null && card.Kind is CardKind.Typed or CardKind.Cloze)
                    {
                        yield return new ReviewOutcome(prompt, result, text, _now) { Overridden = true, Left = new DueCounts(99_999, 99_999, 99_999) };
                    }
                }
            }
        }
    }

    /// <summary>A card as a channel quiz and as the question of the day shows it: open (with yesterday's card beside it) and closed with every answer given.</summary>
    private static IEnumerable<(string What, MessagePayload Payload)> QuizScreens(Deck deck, DeckCard card)
    {
        foreach (var daily in new[] { false, true })
        {
            var quiz = new Data.Entities.Quiz { Id = long.MaxValue, CardId = int.MaxValue, OpenedUtc = _now, ClosesUtc = _now.AddDays(1), Daily = daily, Position = 99 };
            for (var i = 0; i < 30; i++)
            {
                quiz.Answers.Add(new Data.Entities.QuizAnswer { UserId = ulong.MaxValue - (ulong)i, AnswerText = new string('w', CardScreens.Given), Rating = i % 2 == 0 ? Rating.Good : Rating.Again, AnsweredUtc = _now.AddSeconds(i), InteractionId = $"i{i}" });
            }

            var yesterday = QuizViews.Yesterday(quiz, card);
            var frame = new QuestionFrame($"Question of the day · {deck.Title}", "Question of the day", "Everyone answers once; it counts towards your own review schedule. Tomorrow's post shows the answer.", [yesterday]);
            yield return ($"quiz question (daily {daily})", QuizViews.Question(quiz, card, frame));
            yield return ($"quiz results (daily {daily})", QuizViews.Results(quiz, card, deck.Title));
        }
    }

    private static IReadOnlyList<string> Message(MessagePayload payload)
        => PayloadValidation.Message(JsonSerializer.SerializeToNode(payload, DiscordJsonContext.Default.MessagePayload)!.AsObject());

    private static IReadOnlyList<string> Modal(InteractionCallbackData modal)
    {
        var response = new InteractionResponse { Type = InteractionCallbackType.Modal, Data = modal };
        var json = JsonSerializer.SerializeToNode(response, DiscordJsonContext.Default.InteractionResponse)!.AsObject();
        return PayloadValidation.Modal(json["data"]!.AsObject());
    }
}
