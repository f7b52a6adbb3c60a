using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Features.Shared;
using StudyBot.Hosting.Commands;

namespace StudyBot.Features.Help;

/// <summary>Builds the /help answer from the commands actually registered, so it can never list one that does not exist.</summary>
public sealed class HelpService(CommandCatalog catalog)
{
    public const string Title = "StudyBot";

    public const string About =
        "StudyBot helps you remember what you read. Your instructor turns the course reading into question decks; " +
        "you answer in Discord (buttons, or typing in a box) and StudyBot schedules every card for you with FSRS " +
        "spaced repetition: cards you find hard come back soon, cards you know well come back later. Your progress " +
        "follows your own time zone and is never lost.";

    public MessagePayload Build()
    {
        return new MessageBuilder()
            .AddEmbed(embed =>
            {
                embed.WithTitle(Title).WithDescription(About).WithColor(Colors.Brand);
                AddFields(embed, "For students", Lines(instructor: false));
                AddFields(embed, "For instructors", Lines(instructor: true));

                embed.WithFooter("Only you can see this message.");
            })
            .Ephemeral()
            .Build();
    }

    private List<string> Lines(bool instructor)
        => [.. catalog.Commands.SelectMany(c => c.HelpLines).Where(l => l.InstructorOnly == instructor).Select(l => l.Text)];

    /// <summary>One field per 1,024 characters of lines (Discord's field limit), never cutting a line; later fields say "(continued)".</summary>
    private static void AddFields(EmbedBuilder embed, string name, List<string> lines)
    {
        var field = new List<string>();
        var first = true;
        foreach (var line in lines)
        {
            if (field.Count > 0 && field.Sum(l => l.Length + 1) + line.Length > DiscordLimits.EmbedFieldValueLength)
            {
                embed.AddField(first ? name : name + " (continued)", string.Join('\n', field));
                (field, first) = ([], false);
            }
            field.Add(line);
        }
        if (field.Count > 0)
        {
            embed.AddField(first ? name : name + " (continued)", string.Join('\n', field));
        }
    }
}
