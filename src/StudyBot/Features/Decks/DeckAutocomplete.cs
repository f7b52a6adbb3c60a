using Microsoft.EntityFrameworkCore;
using StudyBot.Data;
using StudyBot.Discord.Interactions;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Decks;

/// <summary>Suggests deck ids (with their titles) for any "deck" option as the user types.</summary>
public sealed class DeckAutocomplete(StudyDbContext db)
{
    public async Task SuggestAsync(InteractionContext context)
    {
        var typed = Choices.Typed(context);
        var decks = await VisibleDecks.For(db, context.Interaction.GuildId?.Value)
            .OrderBy(d => d.Key)
            .Select(d => new { d.Key, d.Title })
            .ToListAsync(context.CancellationToken);
        var choices = decks
            .Where(d => d.Key.Contains(typed, StringComparison.OrdinalIgnoreCase) || d.Title.Contains(typed, StringComparison.OrdinalIgnoreCase))
            .Take(25)
            .Select(d => Choices.Of(ChoiceName(d.Key, d.Title), d.Key))
            .ToList();
        await context.Responder.AutocompleteAsync(choices, context.CancellationToken);
    }

    private static string ChoiceName(string key, string title)
    {
        var name = $"{title} ({key})";
        return name.Length <= 100 ? name : key;
    }
}
