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

    /// <summary>
    /// One field per group of lines, each within Discord's 1,024 characters per field value: the
    /// command list grows with the features, and a line is never cut in two.
    /// </summary>
    private void AddFields(EmbedBuilder embed, string name, bool instructor)
    {
        var lines = catalog.Commands.SelectMany(c => c.HelpLines).Where(l => l.InstructorOnly == instructor).Select(l => l.Text);
        var field = new List<string>();
        var length = 0;
        var part = 1;
        foreach (var line in lines)
        {
            if (field.Count > 0 && length + 1 + line.Length > DiscordLimits.EmbedFieldValueLength)
            {
                embed.AddField(part == 1 ? name : $"{name} ({part})", string.Join('\n', field));
                field.Clear();
                length = 0;
                part++;
            }

            length += (field.Count > 0 ? 1 : 0) + line.Length;
            field.Add(line);
        }

        if (field.Count > 0)
        {
            embed.AddField(part == 1 ? name : $"{name} ({part})", string.Join('\n', field));
        }
    }
}
