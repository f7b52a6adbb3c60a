using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Study;
using StudyBot.Data.Review;
using StudyBot.Emulator.Interactions;

namespace StudyBot.Tests.EndToEnd;

/// <summary>
/// One count everywhere: for the Playground's class studying an essay deck over two study days,
/// after every answer and on every card, the review screen, <c>/stats</c>, <c>/remind show</c> and
/// the engine's due count show the same new, learning and review counts.
/// </summary>
public sealed partial class DueCountAgreementTests(ClockedPlaygroundBot fixture) : IClassFixture<ClockedPlaygroundBot>
{
    private PlaygroundBot Bot => fixture.Bot;

    [Fact]
    public async Task ReviewScreenStatsRemindShowAndDueCount_ClassOverTwoDays_AgreeAfterEveryAnswer()
    {
        // Midday UTC (the students' zone): no study day ends while the test runs.
        var now = fixture.Clock.GetUtcNow();
        fixture.Clock.Advance(TimeSpan.FromHours((36 - now.TimeOfDay.TotalHours) % 24));
        var students = new[] { "Ana", "Ben", "Chloé" }.Select(name => Bot.Member(name).User).ToList();

        var compared = 0;
        foreach (var (student, index) in students.Select((s, i) => (s, i)))
        {
            // Day 1: the first cards of a new deck; answers in turn wrong, right and easy.
            var screen = (await Bot.RunAsync(student, "review", new CommandOptionInput("deck", "china-costs"))).Message!;
            var first = await AgreeAsync(student, screen);
            Assert.True(first.New > 0, "the deck should have new cards to introduce");
            for (var i = 0; i < 6; i++)
            {
                var before = await AgreeAsync(student, screen);
                var outcome = await AnswerShownAsync(student, screen, (Grade)((i + index) % 3));
                var after = await AgreeAsync(student, outcome);
                compared += 2;
                if (Queue(screen) == "new card")
                {
                    // A new card answered leaves the new count, whatever the grade ("20 left today" never stays put).
                    Assert.Equal(before.New - 1, after.New);
                }
                if (MessageView.Buttons(outcome).All(b => b.Label != "Next card"))
                {
                    break;
                }
                screen = (await Bot.ClickAsync(student, outcome, MessageView.ButtonLabelled(outcome, "Next card"))).Message!;
            }
        }

        // Day 2, three weeks on: learning cards are overdue, easy ones are reviews due; the counts still agree.
        fixture.Clock.Advance(TimeSpan.FromDays(21));
        var reviewsSeen = false;
        foreach (var student in students)
        {
            var screen = (await Bot.RunAsync(student, "review")).Message!;
            for (var i = 0; i < 4 && Queue(screen) is not null; i++)
            {
                reviewsSeen |= (await AgreeAsync(student, screen)).Review > 0;
                var outcome = await AnswerShownAsync(student, screen, (Grade)(i % 3));
                await AgreeAsync(student, outcome);
                compared += 2;
                screen = (await Bot.ClickAsync(student, outcome, MessageView.ButtonLabelled(outcome, "Next card"))).Message!;
            }
        }

        Assert.True(reviewsSeen, "three weeks on, some card answered easily should be a review due");
        Assert.True(compared >= 30, $"only {compared} screens compared");
    }

    /// <summary>The counts the screen shows, checked against /stats, /remind show and the engine's count at this moment; returns them.</summary>
    private async Task<DueCounts> AgreeAsync(SimulatedUser student, JsonObject screen)
    {
        var shown = Counts(MessageView.Text(screen), "the review screen");

        var stats = (await Bot.RunAsync(student, "stats")).Message!;
        var statsDue = stats["embeds"]![0]!["fields"]!.AsArray().OfType<JsonObject>().Single(f => f["name"]!.GetValue<string>() == "Due today")["value"]!.GetValue<string>();
        var remind = (await Bot.RunAsync(student, "remind", CommandOptionInput.Sub("show"))).Content;
        var userId = ulong.Parse(student.Id);
        var deckIds = await Bot.QueryAsync(db => db.Decks.Select(d => d.Id).ToListAsync());
        var engine = await Bot.App.Services.GetRequiredService<ReviewEngine>().DueCountAsync(userId, deckIds, fixture.Clock.GetUtcNow().UtcDateTime);

        Assert.Equal(engine, shown);
        Assert.Equal(engine, statsDue == "0" ? DueCounts.None : Counts(statsDue, "/stats"));
        Assert.Equal(engine, Counts(remind ?? "", "/remind show"));
        Assert.Contains($"**{engine.Total}**", remind);
        return engine;
    }

    private static DueCounts Counts(string text, string where)
    {
        var match = CountsText().Match(text);
        if (!match.Success)
        {
            Assert.True(text.Contains("Nothing left today", StringComparison.Ordinal) || text.Contains("**0** (", StringComparison.Ordinal),
                $"{where} shows no counts:\n{text}");
            return DueCounts.None;
        }
        return new DueCounts(int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value), int.Parse(match.Groups[3].Value));
    }

    /// <summary>The queue a card screen names in its author line ("new card", "review", ...); null when it is not a card.</summary>
    private static string? Queue(JsonObject screen)
        => screen["embeds"]?[0]?["author"]?["name"]?.GetValue<string>() is { } author && author.Split(" · ") is { Length: >= 3 } parts ? parts[1] : null;

    private enum Grade
    {
        Wrong,
        Right,
        Easy,
    }

    /// <summary>Answers whatever card is shown, as a student would: a basic or cloze card shown and self-graded, a typed card typed, a choice clicked.</summary>
    private async Task<JsonObject> AnswerShownAsync(SimulatedUser student, JsonObject card, Grade grade)
    {
        var labels = MessageView.Buttons(card).Select(b => b.Label).ToList();
        if (labels.Contains("Show answer"))
        {
            var revealed = (await Bot.ClickAsync(student, card, MessageView.ButtonLabelled(card, "Show answer"))).Message!;
            var label = grade switch { Grade.Wrong => "Again", Grade.Right => "Good", _ => "Easy" };
            return (await Bot.ClickAsync(student, revealed, MessageView.Button(revealed, l => l.StartsWith(label, StringComparison.Ordinal)))).Message!;
        }
        if (labels.Contains("Answer"))
        {
            var opened = await student.ClickButtonAsync(MessageView.Id(card), MessageView.ButtonLabelled(card, "Answer"));
            return (await (await student.SubmitModalAsync(opened, new Dictionary<string, string> { ["answer"] = "I do not know" })).WaitAsync(TimeSpan.FromSeconds(30))).Message!;
        }
        return (await Bot.ClickAsync(student, card, MessageView.Buttons(card)[(int)grade % labels.Count].CustomId)).Message!;
    }

    [GeneratedRegex(@"(\d+) new · (\d+) learning · (\d+) to review")]
    private static partial Regex CountsText();
}
