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
                foreach (var (name, value) in Fields("For students", instructor: false).Concat(Fields("For instructors", instructor: true)))
                {
                    embed.AddField(name, value);
                }

                embed.WithFooter("Only you can see this message.");
            })
            .Ephemeral()
            .Build();
    }

    /// <summary>The lines for one audience, as many fields as Discord's 1,024 characters per field need.</summary>
    private IEnumerable<(string Name, string Value)> Fields(string title, bool instructor)
    {
        var lines = catalog.Commands.SelectMany(c => c.HelpLines).Where(l => l.InstructorOnly == instructor).Select(l => l.Text);
        var field = new System.Text.StringBuilder();
        var count = 0;
        foreach (var line in lines)
        {
            if (field.Length > 0 && field.Length + 1 + line.Length > DiscordLimits.EmbedFieldValueLength)
            {
                yield return (count++ == 0 ? title : $"{title} (more)", field.ToString());
                field.Clear();
            }

            field.Append(field.Length == 0 ? "" : "\n").Append(line);
        }

        if (field.Length > 0)
        {
            yield return (count == 0 ? title : $"{title} (more)", field.ToString());
        }
    }
}
