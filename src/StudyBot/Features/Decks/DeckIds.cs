using System.Globalization;

namespace StudyBot.Features.Decks;

/// <summary>custom_ids of the join offer /review shows a student who has joined no deck.</summary>
public static class DeckIds
{
    public const string Join = "dk:j:";

    /// <summary>Every deck visible where the button is clicked (ids would not fit in a custom_id's 100 characters).</summary>
    public const string All = "all";

    public static string JoinOf(IEnumerable<int> deckIds) => Join + string.Join('.', deckIds.Select(id => id.ToString(CultureInfo.InvariantCulture)));

    public static IReadOnlyList<int> Parse(string argument)
        => [.. argument.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1).Where(id => id > 0)];
}
