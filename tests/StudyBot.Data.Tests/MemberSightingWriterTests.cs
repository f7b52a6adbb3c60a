using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Data.Entities;
using StudyBot.Data.Infrastructure;
using StudyBot.Data.Stores;
using StudyBot.Data.Tests.Support;

namespace StudyBot.Data.Tests;

/// <summary>
/// The member sightings of many interactions are written together: a few statements for a class's
/// burst, a returning member's row updated and their leave cleared, and a sighting the database
/// refuses failing alone.
/// </summary>
public abstract class MemberSightingWriterTests : DatabaseTests
{
    private const ulong School = 7;
    private static readonly DateTime _monday = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [DataFact]
    public async Task WriteAsync_AClassAtOnce_EveryStudentRecordedInAFewStatements()
    {
        await using var db = await SchoolAsync();
        var writer = db.Services.GetRequiredService<MemberSightingWriter>();

        // 500 students, each seen twice (the later sighting says they teach), all queued at once.
        var written = Enumerable.Range(1, 500).SelectMany(i => new[]
        {
            writer.WriteAsync(School, (ulong)i, teaches: false, _monday),
            writer.WriteAsync(School, (ulong)i, teaches: true, _monday.AddSeconds(1)),
        }).ToList();
        await Task.WhenAll(written);

        await using var context = db.NewContext();
        var members = await context.GuildMembers.AsNoTracking().Where(m => m.GuildId == School).ToListAsync();
        Assert.Equal(500, members.Count);
        Assert.All(members, m =>
        {
            Assert.True(m.IsInstructor);
            Assert.Equal(_monday.AddSeconds(1), m.LastSeenUtc);
            // The first sighting, or the later one when both shared a batch (the writer may take the very
            // first sighting alone, before the second of the pair is queued).
            Assert.Contains(m.FirstSeenUtc, new[] { _monday, _monday.AddSeconds(1) });
            Assert.Null(m.LeftUtc);
        });
        // 1,000 sightings, at most 200 a statement: 5 when all were queued before the writer took the first, a few more if not.
        Assert.InRange(writer.Statements, 5, 20);
    }

    [DataFact]
    public async Task WriteAsync_MemberWhoLeft_UpdatedAndBackKeepingTheFirstSighting()
    {
        await using var db = await SchoolAsync();
        await using (var context = db.NewContext())
        {
            context.GuildMembers.Add(new GuildMember { GuildId = School, UserId = 42, IsInstructor = true, FirstSeenUtc = _monday, LastSeenUtc = _monday, LeftUtc = _monday.AddHours(1) });
            await context.SaveChangesAsync();
        }

        await db.Services.GetRequiredService<MemberSightingWriter>().WriteAsync(School, 42, teaches: false, _monday.AddDays(1));

        await using var check = db.NewContext();
        var member = await check.GuildMembers.AsNoTracking().SingleAsync(m => m.GuildId == School && m.UserId == 42);
        Assert.Equal(_monday, member.FirstSeenUtc);
        Assert.Equal(_monday.AddDays(1), member.LastSeenUtc);
        Assert.False(member.IsInstructor);
        Assert.Null(member.LeftUtc);
    }

    [DataFact]
    public async Task WriteAsync_OneSightingOfAGuildNotRecorded_OnlyItFails()
    {
        await using var db = await SchoolAsync();
        var writer = db.Services.GetRequiredService<MemberSightingWriter>();

        var written = Enumerable.Range(1, 50).Select(i => writer.WriteAsync(i == 25 ? 999UL : School, (ulong)i, teaches: false, _monday)).ToList();

        var refused = await Assert.ThrowsAnyAsync<DbException>(() => written[24]);
        Assert.True(DatabaseErrors.IsConstraintViolation(refused), refused.Message);
        await Task.WhenAll(written.Where((_, i) => i != 24));
        await using var context = db.NewContext();
        Assert.Equal(49, await context.GuildMembers.CountAsync(m => m.GuildId == School));
        Assert.False(await context.GuildMembers.AnyAsync(m => m.UserId == 25));
    }

    [DataFact]
    public async Task WriteAsync_BatchRefusedForAnotherReason_EverySightingFailsWithoutBeingTriedAlone()
    {
        await using var db = await SchoolAsync();
        var writer = db.Services.GetRequiredService<MemberSightingWriter>();
        await using (var context = db.NewContext())
        {
            // A failure that is no broken constraint (as a database busy past its timeout, or gone): the table is missing.
            await context.Database.ExecuteSqlRawAsync("""DROP TABLE "GuildMembers" """);
        }
        db.Statements.Reset();

        var written = Enumerable.Range(1, 10).Select(i => writer.WriteAsync(School, (ulong)i, teaches: false, _monday)).ToList();

        foreach (var task in written)
        {
            var refused = await Assert.ThrowsAnyAsync<DbException>(() => task);
            Assert.False(DatabaseErrors.IsConstraintViolation(refused), refused.Message);
        }
        // One statement for the batch (two if the writer took the first sighting before the rest were queued), not one more per sighting.
        Assert.InRange(db.Statements.Commands, 1, 2);
    }

    private async Task<TestDatabase> SchoolAsync()
    {
        var db = await CreateDatabaseAsync();
        await using var context = db.NewContext();
        context.Guilds.Add(new Guild { Id = School, Name = "School", CreatedUtc = _monday });
        await context.SaveChangesAsync();
        return db;
    }
}

public sealed class MemberSightingWriterTestsOnSqlite : MemberSightingWriterTests;

public sealed class MemberSightingWriterTestsOnPostgres : MemberSightingWriterTests, IOnPostgres;
