using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Decks;
using StudyBot.Data.Entities;
using StudyBot.Data.Stores;
using StudyBot.Discord.Interactions;
using StudyBot.Emulator.Interactions;
using StudyBot.Features.Shared;

namespace StudyBot.Tests.EndToEnd;

/// <summary>
/// Ids that arrive in a custom_id or an option are checked against where the interaction happened and
/// who sent it: forged clicks (what a modified client could send) on every registered button, select
/// and modal route are refused and write nothing; a channel of another server is refused; a student
/// removed from a server (no event tells the bot) no longer sees its decks in a DM.
/// </summary>
public sealed class PlaceGateTests(GlobalCommandsBot fixture) : IClassFixture<GlobalCommandsBot>
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(30);
    private readonly PlaygroundBot _bot = fixture.Bot;

    /// <summary>What another server, channel and student own: the ids an attacker puts into a custom_id.</summary>
    private sealed record Foreign(int CardId, int DeckId, long LogId, long QuizId, long SiblingChannelQuizId, long QuizAnswerId);

    [Fact]
    public async Task ForgedIds_OnEveryRegisteredComponentAndModalRoute_AreRefusedAndWriteNothing()
    {
        var foreign = await ForeignIdsAsync();
        var attacker = _bot.AddStudent("forger");
        var inGuild = await Run(attacker, _bot.ChannelId, "help");
        var dm = _bot.Emulator.State.GetOrCreateDm(attacker.Id);
        var inDm = await Run(attacker, dm.Id, "help");
        var before = await WritesAsync();

        var forged = Forgeries(foreign);
        var routes = _bot.App.Services.GetRequiredService<InteractionRouteTable>().All
            .Where(r => r.Kind is InteractionRouteKind.Component or InteractionRouteKind.Modal)
            .Select(r => r.Key)
            .ToHashSet();
        // Every route has forgeries here: a new button, select or modal fails this test until it is covered.
        Assert.Empty(routes.Except(forged.Keys));

        foreach (var (prefix, ids) in forged)
        {
            var route = _bot.App.Services.GetRequiredService<InteractionRouteTable>().All.Single(r => r.Key == prefix);
            foreach (var (customId, refusal) in ids)
            {
                foreach (var (where, message) in new[] { ("server", inGuild.Message!), ("DM", inDm.Message!) })
                {
                    var channelId = message["channel_id"]!.GetValue<string>();
                    var handle = route.Kind == InteractionRouteKind.Modal
                        ? await attacker.ForgeModalAsync(channelId, customId, new Dictionary<string, string> { ["answer"] = "Pyongyang" })
                        : await attacker.ForgeClickAsync(MessageView.Id(message), customId);
                    var outcome = await handle.WaitAsync(_wait);
                    var text = outcome.Content ?? MessageView.Text(outcome.Message);
                    // A quiz question belongs to a channel of a server: in a DM every quiz id is foreign.
                    Assert.True(text.Contains(refusal, StringComparison.Ordinal), $"{customId} in a {where}: expected \"{refusal}\", got \"{text}\"");
                    Assert.True(outcome.Ephemeral, $"{customId} in a {where}: the refusal is private");
                }
            }
        }

        Assert.Equal(before, await WritesAsync());
    }

    [Fact]
    public async Task ForgedUndo_OfAnotherStudentsAnswerAlreadyUndone_ShowsNothingOfTheirs()
    {
        // The victim answered and undid in this very server: the key of that undo must not serve anyone else.
        await TestDecks.UploadAsync(_bot, TestDecks.McqThenTyped);
        var victim = _bot.AddStudent("undo-victim");
        var prompt = await _bot.RunAsync(victim, "review", new CommandOptionInput("deck", "e2e-review"));
        var answered = await _bot.ClickAsync(victim, prompt.Message!, MessageView.ButtonLabelled(prompt.Message, "Seoul"));
        var undo = MessageView.ButtonLabelled(answered.Message, "Undo");
        await _bot.ClickAsync(victim, answered.Message!, undo);
        var attacker = _bot.AddStudent("undo-forger");
        var own = await _bot.RunAsync(attacker, "help");
        var before = await WritesAsync();

        var refused = await (await attacker.ForgeClickAsync(MessageView.Id(own.Message!), undo)).WaitAsync(_wait);

        Assert.Contains(PlaceGate.ForeignAnswerText, refused.Content ?? MessageView.Text(refused.Message));
        Assert.DoesNotContain("North Korea", MessageView.Text(refused.Message));
        Assert.Equal(before, await WritesAsync());
    }

    [Fact]
    public async Task ChannelOfAnotherServer_InEveryChannelOption_IsRefusedAndNothingChanges()
    {
        var (other, otherChannel, _) = await _bot.AddServerAsync("Channel Thieves");
        var guildId = ulong.Parse(_bot.World.Guild.Id, CultureInfo.InvariantCulture);
        var settingsBefore = await _bot.QueryAsync(db => db.GuildSettings.Where(s => s.GuildId == guildId).Select(s => s.StudyChannelId).FirstOrDefaultAsync());

        var config = await _bot.RunAsync(_bot.You, "config", CommandOptionInput.Sub("study-channel", new CommandOptionInput("channel", otherChannel)));
        var daily = await _bot.RunAsync(_bot.You, "daily", CommandOptionInput.Sub("set", new CommandOptionInput("channel", otherChannel), new CommandOptionInput("time", "08:00")));

        Assert.Contains(PlaceGate.ForeignChannelText, config.Content ?? MessageView.Text(config.Message));
        Assert.Contains(PlaceGate.ForeignChannelText, daily.Content ?? MessageView.Text(daily.Message));
        Assert.Equal(settingsBefore, await _bot.QueryAsync(db => db.GuildSettings.Where(s => s.GuildId == guildId).Select(s => s.StudyChannelId).FirstOrDefaultAsync()));
        Assert.False(await _bot.QueryAsync(db => db.DailyQuestions.AnyAsync(d => d.GuildId == guildId)));
        Assert.DoesNotContain(_bot.Emulator.State.MessagesIn(otherChannel.Id), m => m.AuthorId == _bot.Emulator.State.Bot.Id);

        // The same commands with one of this server's channels still work: the gate refuses only what is foreign.
        var ours = await _bot.RunAsync(_bot.You, "config", CommandOptionInput.Sub("study-channel", new CommandOptionInput("channel", _bot.World.Channel)));
        Assert.DoesNotContain(PlaceGate.ForeignChannelText, ours.Content ?? MessageView.Text(ours.Message));
        Assert.Equal(ulong.Parse(_bot.ChannelId, CultureInfo.InvariantCulture), await _bot.QueryAsync(db => db.GuildSettings.Where(s => s.GuildId == guildId).Select(s => s.StudyChannelId).FirstOrDefaultAsync()));

        // Every channel, role and member option of every registered command is one the gate checks: these two are all the channel ones.
        var idOptions = _bot.Emulator.State.Commands(null).SelectMany(c => IdOptions(c.Name, c.Json)).ToList();
        Assert.Equal(["config instructor-role role", "config study-channel channel", "daily set channel"], idOptions.Order());
    }

    [Fact]
    public async Task StudentRemovedFromAServer_WithoutAnyEvent_NoLongerSeesItsDecksInDm_NorDecksUploadedAfter()
    {
        var (other, otherChannel, _) = await _bot.AddServerAsync("Left School");
        var otherGuild = ulong.Parse(other.Id, CultureInfo.InvariantCulture);
        await UploadAsync(otherGuild, "id: before-left\ntitle: Before they left\ncards:\n  - { id: q1, kind: basic, prompt: Before?, answers: [A] }\n");
        var leaver = _bot.AddStudent("leaver");
        var stayer = _bot.AddStudent("stayer");
        foreach (var student in new[] { leaver, stayer })
        {
            _bot.Emulator.State.AddMember(other.Id, student.Id);
            await _bot.RunAsync(student, "help");
            await Run(student, otherChannel.Id, "help");
        }
        var leaverId = ulong.Parse(leaver.Id, CultureInfo.InvariantCulture);
        Assert.True(await _bot.QueryAsync(db => db.GuildMembers.AnyAsync(m => m.GuildId == otherGuild && m.UserId == leaverId && m.LeftUtc == null)));

        // Removed in Discord; the bot is told nothing (GUILD_MEMBER_REMOVE needs a privileged intent). A deck comes after.
        _bot.Emulator.State.RemoveMember(other.Id, leaver.Id);
        await UploadAsync(otherGuild, "id: after-left\ntitle: After they left\ncards:\n  - { id: q1, kind: basic, prompt: After?, answers: [A] }\n");

        var leaverOffer = MessageView.Text((await Run(leaver, _bot.Emulator.State.GetOrCreateDm(leaver.Id).Id, "review")).Message);
        var stayerOffer = MessageView.Text((await Run(stayer, _bot.Emulator.State.GetOrCreateDm(stayer.Id).Id, "review")).Message);

        Assert.Contains(_bot.World.Guild.Name, leaverOffer);
        Assert.DoesNotContain(other.Name, leaverOffer);
        Assert.DoesNotContain("After they left", leaverOffer);
        Assert.DoesNotContain("Before they left", leaverOffer);
        Assert.Contains(other.Name, stayerOffer);
        Assert.Contains("After they left", stayerOffer);
        Assert.NotNull(await _bot.QueryAsync(db => db.GuildMembers.Where(m => m.GuildId == otherGuild && m.UserId == leaverId).Select(m => m.LeftUtc).SingleAsync()));

        // Nor can the leaver study that server's cards by naming them: /review deck and a forged Join are refused.
        var named = await Run(leaver, _bot.Emulator.State.GetOrCreateDm(leaver.Id).Id, "review", new CommandOptionInput("deck", "after-left"));
        Assert.Contains("There is no deck 'after-left' here", MessageView.Text(named.Message));
        var deckId = await _bot.QueryAsync(db => db.Decks.Where(d => d.GuildId == otherGuild && d.Key == "after-left").Select(d => d.Id).SingleAsync());
        var join = await (await leaver.ForgeClickAsync(MessageView.Id(named.Message!), $"dk:j:{deckId}")).WaitAsync(_wait);
        Assert.Contains(PlaceGate.ForeignCardText, join.Content ?? MessageView.Text(join.Message));
        Assert.False(await _bot.QueryAsync(db => db.Enrolments.AnyAsync(e => e.UserId == leaverId && e.DeckId == deckId)));
    }

    [Fact]
    public async Task MembershipUnseenLongerThanTheSetting_ExpiresFromDms_UntilTheStudentIsSeenThereAgain()
    {
        var (other, otherChannel, _) = await _bot.AddServerAsync("Quiet School");
        var otherGuild = ulong.Parse(other.Id, CultureInfo.InvariantCulture);
        var student = _bot.AddStudent("quiet");
        _bot.Emulator.State.AddMember(other.Id, student.Id);
        await _bot.RunAsync(student, "help");
        await Run(student, otherChannel.Id, "help");
        var studentId = ulong.Parse(student.Id, CultureInfo.InvariantCulture);
        // Still a member in Discord, but not seen there for longer than Membership:ExpireUnseenDays (90 by default).
        var longAgo = DateTime.UtcNow.AddDays(-91);
        await _bot.QueryAsync(db => db.GuildMembers.Where(m => m.GuildId == otherGuild && m.UserId == studentId)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.LastSeenUtc, longAgo)));
        var dm = _bot.Emulator.State.GetOrCreateDm(student.Id);

        var offer = MessageView.Text((await Run(student, dm.Id, "review")).Message);

        Assert.Contains(_bot.World.Guild.Name, offer);
        Assert.DoesNotContain(other.Name, offer);
        Assert.NotNull(await _bot.QueryAsync(db => db.GuildMembers.Where(m => m.GuildId == otherGuild && m.UserId == studentId).Select(m => m.LeftUtc).SingleAsync()));
        Assert.DoesNotContain(_bot.Emulator.Requests, r => r.Route == "/guilds/{guild_id}/members/{user_id}" && r.Path.Contains($"/{other.Id}/members/{student.Id}", StringComparison.Ordinal));

        // Seen in that server again: its decks are back in the DM at once.
        await Run(student, otherChannel.Id, "help");
        Assert.Contains(other.Name, MessageView.Text((await Run(student, dm.Id, "review")).Message));
    }

    private static IEnumerable<string> IdOptions(string path, JsonObject definition)
    {
        foreach (var option in definition["options"] as JsonArray ?? [])
        {
            var type = option!["type"]!.GetValue<int>();
            var name = option["name"]!.GetValue<string>();
            if (type is 1 or 2)
            {
                foreach (var inner in IdOptions(path + " " + name, option.AsObject()))
                {
                    yield return inner;
                }
            }
            else if (type is 6 or 7 or 8 or 9)
            {
                yield return path + " " + name;
            }
        }
    }

    /// <summary>For each route prefix, forged custom_ids and the refusal each must get.</summary>
    private static Dictionary<string, (string CustomId, string Refusal)[]> Forgeries(Foreign f) => new()
    {
        ["rv:n:"] = [($"rv:n:{f.DeckId}", PlaceGate.ForeignCardText)],
        ["rv:s:"] = [($"rv:s:{f.CardId}:0:0", PlaceGate.ForeignCardText)],
        ["rv:t:"] = [($"rv:t:{f.CardId}:0:0", PlaceGate.ForeignCardText)],
        ["rv:m:"] = [($"rv:m:{f.CardId}:0:0", PlaceGate.ForeignCardText)],
        ["rv:c:"] = [($"rv:c:{f.CardId}:0:0:0", PlaceGate.ForeignCardText)],
        ["rv:g:"] = [($"rv:g:{f.CardId}:0:3:0", PlaceGate.ForeignCardText)],
        ["rv:u:"] = [($"rv:u:{f.LogId}:0", PlaceGate.ForeignAnswerText)],
        ["rv:o:"] = [($"rv:o:{f.LogId}:0", PlaceGate.ForeignAnswerText)],
        ["qz:"] = [($"qz:{f.QuizId}:0", PlaceGate.ForeignQuizText), ($"qz:{f.SiblingChannelQuizId}:0", PlaceGate.ForeignQuizText)],
        ["qt:"] = [($"qt:{f.QuizId}", PlaceGate.ForeignQuizText), ($"qt:{f.SiblingChannelQuizId}", PlaceGate.ForeignQuizText)],
        ["qm:"] = [($"qm:{f.QuizId}", PlaceGate.ForeignQuizText), ($"qm:{f.SiblingChannelQuizId}", PlaceGate.ForeignQuizText)],
        ["qw:"] = [($"qw:{f.QuizId}", PlaceGate.ForeignQuizText), ($"qw:{f.SiblingChannelQuizId}", PlaceGate.ForeignQuizText)],
        // An instructor's accept of a wording: a question or an answer of another server or channel.
        ["qa:"] = [($"qa:{f.QuizId}:{f.QuizAnswerId}", PlaceGate.ForeignQuizText), ($"qa:{f.SiblingChannelQuizId}:{f.QuizAnswerId}", PlaceGate.ForeignQuizText)],
        // Another server's student's answer, accepted for everyone here.
        ["ov:a:"] = [($"ov:a:{f.LogId}", PlaceGate.ForeignCardText)],
        ["dk:j:"] = [($"dk:j:{f.DeckId}", PlaceGate.ForeignCardText)],
        ["dk:s"] = [($"dk:s:{f.DeckId}", InteractionRouter.ExpiredText)],
        // The instructors' page of /help, to a student (and in a DM, to anyone).
        ["hp:"] = [("hp:2", Instructors.RefusalText)],
        // A fixed custom_id carries nothing: anything after it is refused.
        ["dg:publish"] = [($"dg:publish:{f.DeckId}", InteractionRouter.ExpiredText)],
        ["dg:replace"] = [($"dg:replace:{f.DeckId}", InteractionRouter.ExpiredText)],
        ["dg:new"] = [($"dg:new:{f.DeckId}", InteractionRouter.ExpiredText)],
        ["cfg:erase"] = [($"cfg:erase:{f.DeckId}", InteractionRouter.ExpiredText)],
        ["cfg:keep"] = [($"cfg:keep:{f.DeckId}", InteractionRouter.ExpiredText)],
    };

    /// <summary>A second server with a deck, a student of it who answered a card there, and quizzes of other channels.</summary>
    private async Task<Foreign> ForeignIdsAsync()
    {
        var (other, otherChannel, _) = await _bot.AddServerAsync("Foreign School");
        var otherGuild = ulong.Parse(other.Id, CultureInfo.InvariantCulture);
        var deckId = await UploadAsync(otherGuild, TestDecks.McqThenTyped);
        var victim = _bot.Emulator.AddUser("victim-" + other.Id);
        _bot.Emulator.State.AddMember(other.Id, victim.Id);
        var prompt = await Run(victim, otherChannel.Id, "review", new CommandOptionInput("deck", "e2e-review"));
        await (await victim.ClickButtonAsync(MessageView.Id(prompt.Message!), MessageView.ButtonLabelled(prompt.Message, "Seoul"))).WaitAsync(_wait);
        var victimId = ulong.Parse(victim.Id, CultureInfo.InvariantCulture);
        var log = await _bot.QueryAsync(db => db.ReviewLog.Where(l => l.UserId == victimId).Select(l => new { l.Id, l.CardId }).SingleAsync());

        var sibling = _bot.Emulator.State.AddTextChannel(_bot.World.Guild.Id, "sibling");
        var quizzes = await _bot.QueryAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var there = new Data.Entities.Quiz { GuildId = otherGuild, ChannelId = ulong.Parse(otherChannel.Id, CultureInfo.InvariantCulture), CardId = log.CardId, OpenedUtc = now, ClosesUtc = now.AddHours(1) };
            var ownCard = await db.Cards.Where(c => c.Deck!.GuildId == ulong.Parse(_bot.World.Guild.Id, CultureInfo.InvariantCulture)).Select(c => c.Id).FirstAsync();
            var next = new Data.Entities.Quiz { GuildId = ulong.Parse(_bot.World.Guild.Id, CultureInfo.InvariantCulture), ChannelId = ulong.Parse(sibling.Id, CultureInfo.InvariantCulture), CardId = ownCard, OpenedUtc = now, ClosesUtc = now.AddHours(1) };
            db.Quizzes.AddRange(there, next);
            await db.SaveChangesAsync();
            var answer = new QuizAnswer { QuizId = there.Id, UserId = victimId, AnswerText = "Phenian", InteractionId = "forged-quiz-answer", AnsweredUtc = now };
            db.QuizAnswers.Add(answer);
            await db.SaveChangesAsync();
            return (There: there.Id, Sibling: next.Id, Answer: answer.Id);
        });
        return new Foreign(log.CardId, deckId, log.Id, quizzes.There, quizzes.Sibling, quizzes.Answer);
    }

    private async Task<int> UploadAsync(ulong guildId, string yaml)
    {
        var loaded = new DeckLoader().LoadText(yaml, "deck.yaml");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Diagnostics));
        await _bot.App.Services.GetRequiredService<DeckStore>().UploadAsync(loaded.Deck!, guildId);
        return await _bot.QueryAsync(db => db.Decks.Where(d => d.GuildId == guildId && d.Key == loaded.Deck!.Id).Select(d => d.Id).SingleAsync());
    }

    /// <summary>Every table a handler could write for a student: reviews, memory, quiz answers, enrolments, memberships.</summary>
    private Task<(int Log, int States, int QuizAnswers, int Enrolments, int Members)> WritesAsync()
        => _bot.QueryAsync(async db => (
            await db.ReviewLog.CountAsync(),
            await db.CardStates.CountAsync(),
            await db.Set<QuizAnswer>().CountAsync(),
            await db.Enrolments.CountAsync(),
            await db.GuildMembers.CountAsync()));


    private static async Task<InteractionOutcome> Run(SimulatedUser user, string channelId, string command, params CommandOptionInput[] options)
        => await (await user.RunCommandAsync(channelId, command, options)).WaitAsync(_wait);
}
