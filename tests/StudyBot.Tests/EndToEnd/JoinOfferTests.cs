using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using StudyBot.Features.Decks;

namespace StudyBot.Tests.EndToEnd;

/// <summary>/review with nothing joined: the server's decks, the instructor's own first, a Join each; Join shows the first card in place.</summary>
public sealed class JoinOfferTests(PlaygroundBot bot) : IClassFixture<PlaygroundBot>
{
    private static readonly string[] _essayKeys = ["china-costs", "collapse-fears", "washington-levers"];

    [Fact]
    public async Task Review_NothingJoined_OffersOwnDecksFirstThenEssaysAndJoinShowsTheFirstCardInPlace()
    {
        await TestDecks.UploadAsync(bot, TestDecks.McqThenTyped.Replace("title: End-to-end review", "title: Week 1"));
        var student = bot.AddStudent("joiner");

        var offer = await bot.RunAsync(student, "review");

        var joins = MessageView.Buttons(offer.Message).Where(b => b.Label.StartsWith("Join ", StringComparison.Ordinal) && !b.Label.StartsWith("Join all", StringComparison.Ordinal)).ToList();
        Assert.Equal("Join Week 1", joins[0].Label);
        Assert.Equal(1 + _essayKeys.Length, joins.Count);
        Assert.Contains(MessageView.Buttons(offer.Message), b => b.Label == $"Join all {joins.Count}");
        var text = MessageView.Text(offer.Message);
        Assert.True(text.IndexOf("`e2e-review`", StringComparison.Ordinal) < _essayKeys.Min(k => text.IndexOf($"`{k}`", StringComparison.Ordinal)), text);

        var card = await bot.ClickAsync(student, offer.Message!, joins[0].CustomId);

        // The same message now asks the deck's first card; the offer's text is gone.
        Assert.Equal(MessageView.Id(offer.Message!), MessageView.Id(card.Message!));
        var shown = MessageView.Text(card.Message);
        Assert.Contains("capital of North Korea", shown);
        Assert.DoesNotContain("not joined", shown);
        Assert.DoesNotContain("You joined", shown);
        Assert.Contains(MessageView.Buttons(card.Message), b => b.Label == "Pyongyang");
        var userId = ulong.Parse(student.Id, CultureInfo.InvariantCulture);
        Assert.Equal(["e2e-review"], await bot.QueryAsync(db => db.Enrolments.Where(e => e.UserId == userId).Join(db.Decks, e => e.DeckId, d => d.Id, (e, d) => d.Key).ToListAsync()));

        // The next card replaces it in the same message, with nothing left of the offer.
        var answered = await bot.ClickAsync(student, card.Message!, MessageView.ButtonLabelled(card.Message, "Pyongyang"));
        var next = await bot.ClickAsync(student, answered.Message!, MessageView.ButtonLabelled(answered.Message, "Next card"));
        Assert.Equal(MessageView.Id(offer.Message!), MessageView.Id(next.Message!));
        Assert.Equal("", next.Message!["content"]?.GetValue<string>() ?? "");
    }

    [Fact]
    public async Task Review_MoreDecksThanButtonsHold_OffersASelectMenuAndJoinsTheChosenDecks()
    {
        var guildId = ulong.Parse(bot.World.Guild.Id, CultureInfo.InvariantCulture);
        var have = await bot.QueryAsync(db => db.Decks.CountAsync(d => d.GuildId == guildId));
        for (var i = have; i <= DeckViews.OfferButtons; i++)
        {
            await TestDecks.UploadAsync(bot, TestDecks.McqThenTyped.Replace("id: e2e-review", $"id: extra-{i:00}").Replace("title: End-to-end review", $"title: Extra {i:00}"));
        }

        var student = bot.AddStudent("chooser");
        var offer = await bot.RunAsync(student, "review");

        var select = Components(offer.Message!).Single(c => c["type"]!.GetValue<int>() == 3);
        Assert.Equal(DeckIds.JoinSelect, select["custom_id"]!.GetValue<string>());
        var options = select["options"]!.AsArray().Select(o => (Label: o!["label"]!.GetValue<string>(), Value: o["value"]!.GetValue<string>(), Key: o["description"]!.GetValue<string>())).ToList();
        Assert.True(options.Count > DeckViews.OfferButtons);
        // The instructors' decks come before the essay decks.
        var essays = options.Select((o, i) => (o.Key, i)).Where(x => _essayKeys.Contains(x.Key)).Select(x => x.i).ToList();
        Assert.Equal(_essayKeys.Length, essays.Count);
        Assert.Equal(Enumerable.Range(options.Count - essays.Count, essays.Count), essays);
        Assert.DoesNotContain(MessageView.Buttons(offer.Message), b => b.Label.StartsWith("Join Extra", StringComparison.Ordinal));

        var chosen = options.Where(o => o.Label.StartsWith("Extra", StringComparison.Ordinal)).Take(2).ToList();
        var card = await (await student.SelectAsync(MessageView.Id(offer.Message!), DeckIds.JoinSelect, [.. chosen.Select(c => c.Value)])).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("capital of North Korea", MessageView.Text(card.Message));
        var userId = ulong.Parse(student.Id, CultureInfo.InvariantCulture);
        var joined = await bot.QueryAsync(db => db.Enrolments.Where(e => e.UserId == userId).Select(e => e.DeckId.ToString()).ToListAsync());
        Assert.Equal(chosen.Select(c => c.Value).Order(), joined.Order());
    }

    private static IEnumerable<JsonObject> Components(JsonObject message)
        => (message["components"] as JsonArray ?? []).OfType<JsonObject>().SelectMany(row => (row["components"] as JsonArray ?? []).OfType<JsonObject>());
}
