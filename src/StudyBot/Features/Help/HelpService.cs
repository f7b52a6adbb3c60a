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
                embed.AddField("For students", Lines(instructor: false));
                if (catalog.Commands.SelectMany(c => c.HelpLines).Any(l => l.InstructorOnly))
                {
                    embed.AddField("For instructors", Lines(instructor: true));
                }

                embed.WithFooter("Only you can see this message.");
            })
            .Ephemeral()
            .Build();
    }

    private string Lines(bool instructor)
        => string.Join('\n', catalog.Commands.SelectMany(c => c.HelpLines).Where(l => l.InstructorOnly == instructor).Select(l => l.Text));
}
