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
                AddFields(embed, "For students", instructor: false);
                AddFields(embed, "For instructors", instructor: true);

                embed.WithFooter("Only you can see this message.");
            })
            .Ephemeral()
            .Build();
    }

    /// <summary>The lines in as many fields as Discord's 1,024 characters per field need, each line whole.</summary>
    private void AddFields(EmbedBuilder embed, string name, bool instructor)
    {
        var field = new System.Text.StringBuilder();
        var first = true;
        foreach (var line in catalog.Commands.SelectMany(c => c.HelpLines).Where(l => l.InstructorOnly == instructor).Select(l => Text.Truncate(l.Text, FieldLimit)))
        {
            if (field.Length > 0 && field.Length + 1 + line.Length > FieldLimit)
            {
                embed.AddField(first ? name : $"{name} (continued)", field.ToString());
                field.Clear();
                first = false;
            }

            field.Append(field.Length > 0 ? "\n" : "").Append(line);
        }

        if (field.Length > 0)
        {
            embed.AddField(first ? name : $"{name} (continued)", field.ToString());
        }
    }

    private const int FieldLimit = 1024;
}
