using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Answers;
using StudyBot.Core.Decks;
using StudyBot.Data.Entities;
using StudyBot.Data.Review;
using StudyBot.Data.Verification;
using StudyBot.Emulator.Interactions;
using StudyBot.Features.Config;

namespace StudyBot.Tests.EndToEnd;

/// <summary>/config erase-server through the emulator: managers only, asked first, the server's rows gone, other servers untouched.</summary>
public sealed class EraseServerTests(PlaygroundBot bot) : IClassFixture<PlaygroundBot>
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EraseServer_ManagerConfirms_EverythingOfTheServerGoesAndVerifyPasses()
    {
        var (guild, channel, teacher) = await bot.AddServerAsync("Erased School");
        var guildId = ulong.Parse(guild.Id, CultureInfo.InvariantCulture);
        var student = bot.Emulator.AddUser("erased-student");
        bot.Emulator.State.AddMember(guild.Id, student.Id);
        var studentId = ulong.Parse(student.Id, CultureInfo.InvariantCulture);
        var card = await bot.QueryAsync(db => db.Cards.Where(c => c.Deck!.GuildId == guildId && c.Kind == CardKind.Mcq).Select(c => c.Id).FirstAsync());
        await bot.App.Services.GetRequiredService<ReviewEngine>().AnswerAsync(studentId, card, new ChoiceAnswer(0), "erase-e2e", TimeSpan.Zero, ReviewSource.Review, DateTime.UtcNow);
        var otherDecks = await bot.QueryAsync(db => db.Decks.CountAsync(d => d.GuildId != guildId));

        // A student is refused; nothing asked.
        var refused = await (await student.RunCommandAsync(channel.Id, "config", CommandOptionInput.Sub("erase-server"))).WaitAsync(_wait);
        Assert.Equal(EraseServerModule.RefusalText, refused.Content);

        // The manager is asked; "Keep it" erases nothing.
        var asked = await (await teacher.RunCommandAsync(channel.Id, "config", CommandOptionInput.Sub("erase-server"))).WaitAsync(_wait);
        Assert.True(asked.Ephemeral);
        Assert.Contains("Erase everything StudyBot stores about this server?", MessageView.Text(asked.Message));
        var kept = await (await teacher.ClickButtonAsync(MessageView.Id(asked.Message!), EraseServerModule.KeepId)).WaitAsync(_wait);
        Assert.Contains("Nothing was erased", MessageView.Text(kept.Message));
        Assert.True(await bot.QueryAsync(db => db.ReviewLog.AnyAsync(l => l.UserId == studentId)));

        // A student clicking the confirmation (a forged click) is refused too.
        var forged = await (await student.ForgeClickAsync(MessageView.Id(asked.Message!), EraseServerModule.EraseId)).WaitAsync(_wait);
        Assert.Equal(EraseServerModule.RefusalText, forged.Content);
        Assert.True(await bot.QueryAsync(db => db.Decks.AnyAsync(d => d.GuildId == guildId)));

        var again = await (await teacher.RunCommandAsync(channel.Id, "config", CommandOptionInput.Sub("erase-server"))).WaitAsync(_wait);
        var erased = await (await teacher.ClickButtonAsync(MessageView.Id(again.Message!), EraseServerModule.EraseId)).WaitAsync(_wait);

        Assert.Contains("This server's data was erased", MessageView.Text(erased.Message));
        Assert.False(await bot.QueryAsync(db => db.Decks.AnyAsync(d => d.GuildId == guildId)));
        Assert.False(await bot.QueryAsync(db => db.Guilds.AnyAsync(g => g.Id == guildId)));
        Assert.False(await bot.QueryAsync(db => db.GuildSettings.AnyAsync(g => g.GuildId == guildId)));
        Assert.False(await bot.QueryAsync(db => db.ReviewLog.AnyAsync(l => l.UserId == studentId)));
        Assert.False(await bot.QueryAsync(db => db.CardStates.AnyAsync(s => s.UserId == studentId)));
        Assert.Equal(otherDecks, await bot.QueryAsync(db => db.Decks.CountAsync(d => d.GuildId != guildId)));
        var report = await bot.App.Services.GetRequiredService<ReviewLogVerifier>().VerifyAsync();
        Assert.True(report.Passed, string.Join("\n", report.Differences.Select(d => d.What)));
    }
}
