using Microsoft.EntityFrameworkCore;
using StudyBot.Data;
using StudyBot.Discord.Interactions;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Decks;

/// <summary>
/// Suggests deck ids (with their titles) for any "deck" option as the user types: the guild's decks
/// (retired ones only for /deck restore and /deck info), or in a DM the decks of the guilds the
/// student shares with the bot.
/// </summary>
public sealed class DeckAutocomplete(StudyDbContext db)
{
    public async Task SuggestAsync(InteractionContext context)
    {
        var typed = Choices.Typed(context);
        var guildId = context.Interaction.GuildId?.Value;
        var withRetired = guildId is not null && context.CommandPath is "deck restore" or "deck info" or "deck export";
        var source = withRetired
            ? db.Decks.Where(d => d.GuildId == guildId!.Value)
            : VisibleDecks.ForStudent(db, context.User.Id.Value, guildId);
        var decks = await source
            .OrderBy(d => d.Key)
            .Select(d => new { d.Key, d.Title, d.Retired })
            .ToListAsync(context.CancellationToken);
        var choices = decks
            .Where(d => d.Key.Contains(typed, StringComparison.OrdinalIgnoreCase) || d.Title.Contains(typed, StringComparison.OrdinalIgnoreCase))
            .DistinctBy(d => d.Key)
            .Take(25)
            .Select(d => Choices.Of(ChoiceName(d.Key, d.Title, d.Retired), d.Key))
            .ToList();
        await context.Responder.AutocompleteAsync(choices, context.CancellationToken);
    }

    private static string ChoiceName(string key, string title, bool retired)
    {
        var name = $"{title} ({key}){(retired ? " · retired" : "")}";
        return name.Length <= 100 ? name : key;
    }
}
