using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using StudyBot.Emulator.Interactions;

namespace StudyBot.Tests.EndToEnd;

/// <summary>/class, /stats and /leaderboard through the emulator, and /settings.</summary>
public sealed class StatsAndSettingsTests(PlaygroundBot bot) : IClassFixture<PlaygroundBot>
{
    private const string ClassDeck = """
        id: class-deck
        title: Class deck
        cards:
          - id: buffer
            kind: mcq
            prompt: What does China fear most on its border?
            choices:
              - { text: "Refugees and collapse", correct: true }
              - { text: "Tourism" }
              - { text: "Trade" }
          - id: river
            kind: typed
            prompt: Which river forms much of the China-North Korea border?
            answers: [Yalu]
        """;

    [Fact]
    public async Task Class_TwoStudentsStumble_ListsTheCardTheyMissedMostFirstWithTheWrongChoice()
    {
        await TestDecks.UploadAsync(bot, ClassDeck);
        var ana = bot.AddStudent("ana");
        var ben = bot.AddStudent("ben");
        bot.Emulator.State.FindUser(ana.Id)!.GlobalName = "Ana Lima";
        // A name a spreadsheet would run as a formula stays text.
        bot.Emulator.State.FindUser(ben.Id)!.GlobalName = "=cmd";
        // Both miss the mcq (choosing Tourism); only Ben misses the typed card: 2/2 Again against 1/2.
        await AnswerClassDeckAsync(ana, "Tourism", "Yalu");
        await AnswerClassDeckAsync(ben, "Tourism", "Mekong");
        // The instructor's own answers are not the class's.
        await AnswerClassDeckAsync(bot.You, "Trade", "Mekong");

        var shown = await bot.RunAsync(bot.You, "class", CommandOptionInput.Sub("show"));

        var embed = shown.Message!["embeds"]![0]!.AsObject();
        var hardest = Field(embed, "Hardest cards (most Again per answer)").Split('\n');
        Assert.StartsWith("1. `class-deck/buffer`", hardest[0]);
        Assert.Contains("2/2 Again; most chose \"Tourism\"", hardest[0]);
        Assert.StartsWith("2. `class-deck/river`", hardest[1]);
        Assert.Contains("1/2 Again", hardest[1]);
        var students = Field(embed, "Each student");
        Assert.Contains($"<@{ana.Id}> — 2 this week", students);
        Assert.Contains($"<@{ben.Id}> — 2 this week", students);
        Assert.DoesNotContain($"<@{bot.You.Id}>", students);
        Assert.Equal("stats.png", Assert.Single(shown.Message["attachments"]!.AsArray())!["filename"]!.GetValue<string>());

        var export = await bot.RunAsync(bot.You, "class", CommandOptionInput.Sub("export"));
        var csv = Assert.Single(export.Message!["attachments"]!.AsArray())!;
        Assert.Equal("class.csv", csv["filename"]!.GetValue<string>());
        var lines = System.Text.Encoding.UTF8.GetString(bot.Emulator.State.FindAttachment(csv["id"]!.GetValue<string>())!.Bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("display_name,username,user_id,answers_7_days,answers_30_days,true_retention_30_days,cards_due_now,last_active_utc", lines[0].TrimEnd('\r'));
        // Names as the server shows them; the id as text a spreadsheet keeps whole (="…", quoted for CSV).
        Assert.Contains(lines, l => l.StartsWith($"Ana Lima,ana,\"=\"\"{ana.Id}\"\"\",2,2,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"'=cmd,ben,\"=\"\"{ben.Id}\"\"\",2,2,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(bot.You.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Class_Student_IsRefused()
    {
        var outcome = await bot.RunAsync(bot.AddStudent("curious"), "class", CommandOptionInput.Sub("show"));

        Assert.Contains("Only instructors", outcome.Content);
    }

    [Fact]
    public async Task Stats_StudentAfterTwoAnswers_SeesOwnCountsAndAChartOfPastAndComingDays()
    {
        await TestDecks.UploadAsync(bot, TestDecks.McqThenTyped);
        var student = bot.AddStudent("counted");
        var prompt = await bot.RunAsync(student, "review", new CommandOptionInput("deck", "e2e-review"));
        var answered = await bot.ClickAsync(student, prompt.Message!, MessageView.ButtonLabelled(prompt.Message, "Pyongyang"));
        var next = await bot.ClickAsync(student, answered.Message!, MessageView.ButtonLabelled(answered.Message, "Next card"));
        await TypeAsync(student, next.Message!, "Yalu");

        var stats = await bot.RunAsync(student, "stats");

        Assert.True(stats.Ephemeral);
        var embed = stats.Message!["embeds"]![0]!.AsObject();
        Assert.Equal("2", Field(embed, "Reviews, 30 days"));
        Assert.Equal("1 day", Field(embed, "Streak"));
        // Both cards answered right are in learning steps that come back within minutes, today: due today, as /review counts them.
        Assert.Equal("2 (0 new · 2 learning · 0 to review)", Field(embed, "Due today"));
        Assert.Contains("2 learning", Field(embed, "Cards"));
        var attachment = Assert.Single(stats.Message["attachments"]!.AsArray())!;
        Assert.Equal("my-stats.png", attachment["filename"]!.GetValue<string>());
        Assert.Equal("attachment://my-stats.png", embed["image"]!["url"]!.GetValue<string>());
        var stored = bot.Emulator.State.FindAttachment(attachment["id"]!.GetValue<string>())!;
        Assert.Equal("image/png", stored.ContentType);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], stored.Bytes.Take(4).ToArray());
    }

    [Fact]
    public async Task Leaderboard_StudentWhoLeftIt_IsNotOnItAndOthersAre()
    {
        await TestDecks.UploadAsync(bot, TestDecks.McqThenTyped);
        var shown = bot.AddStudent("shown");
        var shy = bot.AddStudent("shy");
        foreach (var student in new[] { shown, shy })
        {
            var prompt = await bot.RunAsync(student, "review", new CommandOptionInput("deck", "e2e-review"));
            await bot.ClickAsync(student, prompt.Message!, MessageView.ButtonLabelled(prompt.Message, "Pyongyang"));
        }

        var before = MessageView.Text((await bot.RunAsync(shown, "leaderboard")).Message);
        Assert.Contains($"<@{shy.Id}>", before);
        var left = await bot.RunAsync(shy, "settings", new CommandOptionInput("leaderboard", false));
        Assert.Contains("On leaderboards: no", MessageView.Text(left.Message));

        var board = await bot.RunAsync(shown, "leaderboard", new CommandOptionInput("period", "all"));

        var text = MessageView.Text(board.Message);
        Assert.Contains("all time", text);
        Assert.Contains($"<@{shown.Id}>", text);
        Assert.DoesNotContain($"<@{shy.Id}>", text);
        Assert.DoesNotContain($"<@{bot.You.Id}>", text);
        Assert.False(board.Ephemeral);
    }

    [Fact]
    public async Task Leaderboard_ManyAnswersMostlyWrong_RanksBelowFewerAnswersThatRememberedMoreCards()
    {
        // The class: 25 answers with 9 wrong on three new cards (clicking) against 9 answers with
        // 1 wrong, each recalling a card learned before, and 4 right answers learning four new cards.
        var clicker = bot.AddStudent("clicker");
        var careful = bot.AddStudent("careful");
        var steady = bot.AddStudent("steady");
        foreach (var student in new[] { clicker, careful, steady })
        {
            await bot.RunAsync(student, "review", new CommandOptionInput("deck", "china-costs"));
        }

        var guildId = ulong.Parse(bot.World.Guild.Id);
        var cards = await bot.QueryAsync(db => db.Cards.Where(c => c.Deck!.GuildId == guildId && c.Deck.Key == "china-costs").OrderBy(c => c.Id).Select(c => c.Id).Take(9).ToListAsync());
        Assert.Equal(9, cards.Count);
        var now = DateTime.UtcNow;
        var log = new List<Data.Entities.ReviewLogEntry>();
        void Answer(string userId, int card, Core.Scheduling.CardState before, Core.Scheduling.Rating rating) => log.Add(new()
        {
            UserId = ulong.Parse(userId),
            CardId = card,
            Rating = rating,
            InteractionId = $"seeded-{userId}-{log.Count}",
            ReviewedUtc = now.AddMinutes(-60 + log.Count * 0.1),
            Before = new() { State = before, Due = now },
            After = new() { State = Core.Scheduling.CardState.Learning, Due = now },
        });
        for (var i = 0; i < 25; i++)
        {
            // Three new cards asked again and again: 9 wrong, and each card's last answer right.
            Answer(clicker.Id, cards[i % 3], i < 3 ? Core.Scheduling.CardState.New : Core.Scheduling.CardState.Learning, i is >= 3 and < 12 ? Core.Scheduling.Rating.Again : Core.Scheduling.Rating.Good);
        }

        for (var i = 0; i < 9; i++)
        {
            Answer(careful.Id, cards[i], Core.Scheduling.CardState.Review, i == 0 ? Core.Scheduling.Rating.Again : Core.Scheduling.Rating.Good);
        }

        for (var i = 0; i < 4; i++)
        {
            Answer(steady.Id, cards[i + 4], Core.Scheduling.CardState.New, Core.Scheduling.Rating.Good);
        }

        await bot.QueryAsync(async db =>
        {
            db.ReviewLog.AddRange(log);
            return await db.SaveChangesAsync();
        });

        var board = await bot.RunAsync(clicker, "leaderboard");

        var text = MessageView.Text(board.Message);
        Assert.Contains(StudyBot.Features.Stats.LeaderboardService.Rule, text);
        var order = new[] { careful, steady, clicker }.Select(s => text.IndexOf($"<@{s.Id}>", StringComparison.Ordinal)).ToList();
        Assert.All(order, position => Assert.True(position >= 0, text));
        Assert.Equal(order.Order().ToList(), order);
        Assert.Contains($"<@{careful.Id}> — 8 cards remembered, 0 learned", text);
        Assert.Contains($"<@{steady.Id}> — 0 cards remembered, 4 learned", text);
        Assert.Contains($"<@{clicker.Id}> — 0 cards remembered, 3 learned", text);
    }

    [Fact]
    public async Task Settings_ValidZoneAndLimits_AreSavedAndUnknownZoneChangesNothing()
    {
        var student = bot.AddStudent("settler");
        var userId = ulong.Parse(student.Id);

        var saved = await bot.RunAsync(student, "settings", new CommandOptionInput("timezone", "Pacific/Kiritimati"), new CommandOptionInput("day-start", 6), new CommandOptionInput("new-per-day", 5));
        Assert.Contains("Settings saved", MessageView.Text(saved.Message));
        var refused = await bot.RunAsync(student, "settings", new CommandOptionInput("timezone", "Atlantis/Capital"));
        Assert.Contains("not a known time zone", refused.Content);

        var settings = await bot.QueryAsync(db => db.UserSettings.SingleAsync(s => s.UserId == userId));
        Assert.Equal("Pacific/Kiritimati", settings.TimeZone);
        Assert.Equal(6, settings.DayStartHour);
        Assert.Equal(5, settings.NewPerDay);
    }

    [Theory]
    [InlineData("Berl", "Europe/Berlin")]
    [InlineData("new york", "America/New_York")]
    [InlineData("india", "Asia/Kolkata")]
    [InlineData("pacific", "America/Los_Angeles")]
    [InlineData("CET", "Europe/Berlin")]
    [InlineData("EST", "America/New_York")]
    [InlineData("UTC+5:30", "Asia/Kolkata")]
    public async Task SettingsAutocomplete_ZoneAsPeopleSayIt_SuggestsTheIanaZone(string typed, string zone)
    {
        var student = bot.AddStudent("typist");

        var handle = await student.AutocompleteAsync(bot.ChannelId, "settings", new CommandOptionInput("timezone", typed, Focused: true));
        var outcome = await handle.Callback.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(8, outcome.CallbackType);
        var values = outcome.Data!["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()).ToList();
        Assert.Contains(zone, values);
    }

    private async Task AnswerClassDeckAsync(Emulator.Interactions.SimulatedUser student, string choice, string typed)
    {
        var prompt = await bot.RunAsync(student, "review", new CommandOptionInput("deck", "class-deck"));
        var answered = await bot.ClickAsync(student, prompt.Message!, MessageView.ButtonLabelled(prompt.Message, choice));
        var next = await bot.ClickAsync(student, answered.Message!, MessageView.ButtonLabelled(answered.Message, "Next card"));
        await TypeAsync(student, next.Message!, typed);
    }

    private static async Task TypeAsync(Emulator.Interactions.SimulatedUser student, JsonObject prompt, string answer)
    {
        var opened = await student.ClickButtonAsync(MessageView.Id(prompt), MessageView.ButtonLabelled(prompt, "Answer"));
        await (await student.SubmitModalAsync(opened, new Dictionary<string, string> { ["answer"] = answer })).WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static string Field(JsonObject embed, string name)
        => embed["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == name)!["value"]!.GetValue<string>();
}
