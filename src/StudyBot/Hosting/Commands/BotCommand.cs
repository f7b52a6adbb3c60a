using StudyBot.Discord.Models;

namespace StudyBot.Hosting.Commands;

/// <summary>
/// One slash command as registered with Discord, with the lines /help shows for it. Features add
/// theirs with <see cref="BotCommandServiceCollectionExtensions.AddBotCommand"/>, so /help lists
/// exactly what is registered.
/// </summary>
public sealed record BotCommand(ApplicationCommand Definition, IReadOnlyList<HelpLine> HelpLines);

/// <summary>One line of /help; instructor lines are listed apart.</summary>
public sealed record HelpLine(string Text, bool InstructorOnly = false)
{
    public static HelpLine Student(string text) => new(text);

    public static HelpLine Instructor(string text) => new(text, InstructorOnly: true);
}
