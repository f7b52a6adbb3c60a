using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Features.Shared;
using StudyBot.Hosting.Commands;
using static StudyBot.Discord.Interactions.CustomIdField;

namespace StudyBot.Features.Help;

/// <summary>The page of /help a button shows: 1 for students' commands, 2 for instructors'.</summary>
public sealed record HelpPageId(int Page);

/// <summary>The /help buttons' custom_ids: <c>hp:{page}</c>.</summary>
public static class HelpIds
{
    public static readonly CustomIdKind<HelpPageId> Page = new(
        "hp:", [Int("page")],
        p => [p.Page],
        n => n[0] is 1 or 2 ? new HelpPageId((int)n[0]) : null);
}

/// <summary>
/// Builds the /help answer from the commands actually registered, so it can never list one that does
/// not exist. Students see the student commands usable where they asked (a DM lists only those that
/// work in DMs); instructors get a button to a second page with theirs.
/// </summary>
public sealed class HelpService(CommandCatalog catalog)
{
    public const string Title = "StudyBot";
    public const string InstructorPageTitle = "StudyBot for instructors";
    public const string InstructorButton = "Instructor commands";
    public const string StudentButton = "Student commands";

    public const string About =
        "StudyBot helps you remember what you read. Your instructor turns the course reading into question decks; " +
        "you answer in Discord (buttons, or typing in a box) and StudyBot schedules every card for you with FSRS " +
        "spaced repetition: cards you find hard come back soon, cards you know well come back later. Your progress " +
        "follows your own time zone and is never lost.";

    /// <summary>The first page: what StudyBot is and the student commands usable here; a button to the instructors' page for one who teaches.</summary>
    public MessagePayload Students(bool inDm, bool teaches)
    {
        var builder = new MessageBuilder()
            .AddEmbed(embed =>
            {
                embed.WithTitle(Title).WithDescription(About).WithColor(Colors.Brand);
                AddFields(embed, inDm ? "For students (in a DM)" : "For students", instructor: false, inDm);
                embed.WithFooter(inDm
                    ? "Only you can see this message. Server-only commands and the instructors' list: /help in your server."
                    : teaches ? "Only you can see this message. Your instructor commands: the button below." : "Only you can see this message.");
            });
        if (teaches)
        {
            builder.AddActionRow(row => row.AddButton(HelpIds.Page.Format(new(2)), InstructorButton, ButtonStyle.Primary));
        }

        return builder.Ephemeral().Build();
    }

    /// <summary>The second page: the instructor commands, with a button back.</summary>
    public MessagePayload Instructors()
        => new MessageBuilder()
            .AddEmbed(embed =>
            {
                embed.WithTitle(InstructorPageTitle).WithColor(Colors.Brand)
                    .WithDescription("Commands for members with Manage Server or the instructor role (`/config instructor-role`).");
                AddFields(embed, "For instructors", instructor: true, inDm: false);
            })
            .AddActionRow(row => row.AddButton(HelpIds.Page.Format(new(1)), StudentButton, ButtonStyle.Secondary))
            .Ephemeral()
            .Build();

    /// <summary>The help lines of one page: a DM leaves out the commands that work only in a server.</summary>
    public IEnumerable<string> Lines(bool instructor, bool inDm)
        => catalog.Commands
            .Where(c => !inDm || c.Definition.Contexts is null || c.Definition.Contexts.Contains(InteractionContextType.BotDm))
            .SelectMany(c => c.HelpLines)
            .Where(l => l.InstructorOnly == instructor)
            .Select(l => l.Text);

    /// <summary>
    /// One field per group of lines, each within Discord's 1,024 characters per field value: the
    /// command list grows with the features, and a line is never cut in two.
    /// </summary>
    private void AddFields(EmbedBuilder embed, string name, bool instructor, bool inDm)
    {
        var field = new List<string>();
        var length = 0;
        var part = 1;
        foreach (var line in Lines(instructor, inDm))
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
