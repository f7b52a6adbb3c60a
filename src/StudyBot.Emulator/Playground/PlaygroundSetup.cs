using StudyBot.Emulator.Interactions;
using StudyBot.Emulator.State;

namespace StudyBot.Emulator.Playground;

/// <summary>The world the Playground page shows: one guild, its #study channel, and the user "you".</summary>
public sealed record PlaygroundSetup(EmuGuild Guild, EmuChannel Channel, SimulatedUser You);
