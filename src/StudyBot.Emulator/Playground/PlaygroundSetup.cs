using StudyBot.Emulator.Interactions;
using StudyBot.Emulator.State;

namespace StudyBot.Emulator.Playground;

/// <summary>
/// What the Playground world is made of. Ids left null are picked when the world is created; a host
/// that keeps the filled-in plan (<see cref="PlaygroundSetup.ToPlan"/>) gets the same world back.
/// </summary>
public sealed record PlaygroundPlan(IReadOnlyList<PlaygroundServerPlan> Servers, IReadOnlyList<PlaygroundMemberPlan> Members)
{
    /// <summary>One server with #study and the single member "you", who is not an instructor.</summary>
    public static PlaygroundPlan Single { get; } = new(
        [new PlaygroundServerPlan(null, "StudyBot Playground", null, "study", null)],
        [new PlaygroundMemberPlan(null, "you", "you", "", Instructor: false, null)]);
}

/// <summary>A server (guild) with one text channel; <see cref="InstructorRoleId"/> names its role with Manage Server.</summary>
public sealed record PlaygroundServerPlan(string? Id, string Name, string? ChannelId, string ChannelName, string? InstructorRoleId);

/// <summary>A member of every server; an instructor holds each server's instructor role. <see cref="Avatar"/> is an emoji.</summary>
public sealed record PlaygroundMemberPlan(string? Id, string Username, string DisplayName, string Avatar, bool Instructor, string? DmChannelId);

public sealed record PlaygroundServer(EmuGuild Guild, EmuChannel Channel, EmuRole? InstructorRole);

public sealed record PlaygroundMember(SimulatedUser User, string DisplayName, string Avatar, bool Instructor, EmuChannel Dm)
{
    public string Id => User.Id;
}

/// <summary>The world the Playground page shows: its servers and the members a visitor can switch between.</summary>
public sealed record PlaygroundSetup(IReadOnlyList<PlaygroundServer> Servers, IReadOnlyList<PlaygroundMember> Members)
{
    public EmuGuild Guild => Servers[0].Guild;
    public EmuChannel Channel => Servers[0].Channel;

    /// <summary>The member the page starts as: the first instructor, else the first member.</summary>
    public SimulatedUser You => (Members.FirstOrDefault(m => m.Instructor) ?? Members[0]).User;

    public PlaygroundMember? Member(string userId) => Members.FirstOrDefault(m => m.Id == userId);

    /// <summary>The plan with every id filled in: building it again gives this same world.</summary>
    public PlaygroundPlan ToPlan() => new(
        [.. Servers.Select(s => new PlaygroundServerPlan(s.Guild.Id, s.Guild.Name, s.Channel.Id, s.Channel.Name, s.InstructorRole?.Id))],
        [.. Members.Select(m => new PlaygroundMemberPlan(m.Id, m.User.User.Username, m.DisplayName, m.Avatar, m.Instructor, m.Dm.Id))]);
}
