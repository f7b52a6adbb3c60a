using Microsoft.Extensions.Options;
using StudyBot.Data;
using StudyBot.Data.Infrastructure;
using StudyBot.Discord.Models;
using StudyBot.Features.Shared;
using StudyBot.Hosting;

namespace StudyBot.Tests.Guilds;

/// <summary>
/// Who teaches, decided from the interaction where it can be: the guild's instructor role is read
/// from the database only for a member who holds some role. The database here is a file in a folder
/// that does not exist, so any read fails: a check that returns has read nothing.
/// </summary>
public sealed class InstructorsTests
{
    private static readonly Snowflake _guild = new(8_388_608_017);

    [Fact]
    public async Task IsInstructor_MemberWithoutRolesOrPermissions_NoWithoutReadingTheDatabase()
    {
        await using var db = UnreachableDatabase();
        var instructors = new Instructors(db, Options.Create(new StudyBotOptions()));

        Assert.False(await instructors.IsInstructorAsync(InGuild(new GuildMember { Permissions = "0" }), CancellationToken.None));
    }

    [Fact]
    public async Task IsInstructor_MemberWithManageServer_YesWithoutReadingTheDatabase()
    {
        await using var db = UnreachableDatabase();
        var instructors = new Instructors(db, Options.Create(new StudyBotOptions()));

        Assert.True(await instructors.IsInstructorAsync(InGuild(new GuildMember { Permissions = (1UL << 5).ToString(System.Globalization.CultureInfo.InvariantCulture), Roles = [new(77)] }), CancellationToken.None));
    }

    [Fact]
    public async Task IsInstructor_MemberWithARole_ReadsTheGuildsInstructorRole()
    {
        await using var db = UnreachableDatabase();
        var instructors = new Instructors(db, Options.Create(new StudyBotOptions()));

        // The guild's own instructor role is in the database: this member's check must go there (and here fails).
        await Assert.ThrowsAnyAsync<Exception>(() => instructors.IsInstructorAsync(InGuild(new GuildMember { Permissions = "0", Roles = [new(77)] }), CancellationToken.None));
    }

    private static Interaction InGuild(GuildMember member) => new()
    {
        Type = InteractionType.MessageComponent,
        GuildId = _guild,
        Member = member with { User = new User { Id = new(42), Username = "student" } },
    };

    private static StudyDbContext UnreachableDatabase()
    {
        var path = Path.Combine(Path.GetTempPath(), "studybot-no-such-folder-" + Guid.NewGuid().ToString("N"), "studybot.db");
        return new StudyDbContext(StudyDbOptions.For(DatabaseTarget.Sqlite(path)));
    }
}
