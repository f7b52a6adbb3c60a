using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Discord.Gateway;
using StudyBot.Emulator.Interactions;
using StudyBot.Features.Guilds;

namespace StudyBot.Tests.EndToEnd;

/// <summary>A guild member's row is written when it says something new, not at every click.</summary>
public sealed class MemberSightingsTests(PlaygroundBot bot) : IClassFixture<PlaygroundBot>
{
    [Fact]
    public async Task Interactions_SecondClickSoonAfter_DoesNotRewriteTheMemberButALeaveIsUndoneAtTheNextOne()
    {
        var student = bot.AddStudent("sighted");
        var userId = ulong.Parse(student.Id);
        var guildId = ulong.Parse(bot.World.Guild.Id);
        await bot.RunAsync(student, "remind", CommandOptionInput.Sub("show"));
        var first = await MemberAsync(guildId, userId);

        await bot.RunAsync(student, "remind", CommandOptionInput.Sub("show"));
        Assert.Equal(first.LastSeenUtc, (await MemberAsync(guildId, userId)).LastSeenUtc);

        // The student leaves the server; when they are back, their next command records them again.
        var events = bot.App.Services.GetServices<IGatewayEventHandler>().OfType<GuildEvents>().Single();
        var removal = JsonDocument.Parse($$$"""{"guild_id":"{{{guildId}}}","user":{"id":"{{{userId}}}"}}""").RootElement.Clone();
        await events.HandleAsync(new GatewayDispatch(0, 1, "GUILD_MEMBER_REMOVE", removal), CancellationToken.None);
        Assert.NotNull((await MemberAsync(guildId, userId)).LeftUtc);

        await bot.RunAsync(student, "remind", CommandOptionInput.Sub("show"));
        var back = await MemberAsync(guildId, userId);
        Assert.Null(back.LeftUtc);
        Assert.True(back.LastSeenUtc > first.LastSeenUtc);
    }

    private Task<Data.Entities.GuildMember> MemberAsync(ulong guildId, ulong userId)
        => bot.QueryAsync(db => db.GuildMembers.AsNoTracking().SingleAsync(m => m.GuildId == guildId && m.UserId == userId));
}
