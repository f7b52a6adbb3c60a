using Spectre.Console;

namespace StudyBot.Cli.Decks;

/// <summary>The console the deck commands write to, registered once by <see cref="DeckCli.AddDeckCommands"/>.</summary>
public sealed record DeckConsole(IAnsiConsole Console);
