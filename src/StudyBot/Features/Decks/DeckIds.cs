using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using StudyBot.Discord.Interactions;

namespace StudyBot.Features.Decks;

/// <summary>A "Join" button of the offer /review shows a student who has joined no deck: the decks to join, or null for every deck visible where it is clicked.</summary>
public sealed record DeckJoinId(IReadOnlyList<int>? DeckIds);

/// <summary>The custom_ids of the deck feature. These layouts are on offers already posted in Discord, so they never change.</summary>
public static class DeckIds
{
    /// <summary>"Join": <c>dk:j:{deckId}.{deckId}…</c>, or <c>dk:j:all</c>.</summary>
    public static readonly ICustomIdKind<DeckJoinId> Join = new DeckJoinKind();

    /// <summary>The offer's select menu of decks, when there are more than its buttons hold: <c>dk:s</c>, the chosen deck ids in its values.</summary>
    public const string JoinSelect = "dk:s";

    private sealed class DeckJoinKind : ICustomIdKind<DeckJoinId>, ICustomIdLayout
    {
        // Every visible deck: their ids would not fit in a custom_id's 100 characters.
        private const string All = "all";
        private const char Separator = '.';

        public string Prefix => "dk:j:";

        public string Format(DeckJoinId value)
            => Prefix + (value.DeckIds is null ? All : string.Join(Separator, value.DeckIds.Select(id => id.ToString(CultureInfo.InvariantCulture))));

        public bool TryParse(string argument, [NotNullWhen(true)] out DeckJoinId? value)
        {
            value = null;
            if (argument == All)
            {
                value = new DeckJoinId(null);
                return true;
            }

            var ids = new List<int>();
            foreach (var part in argument.Split(Separator))
            {
                if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id == 0)
                {
                    return false;
                }

                ids.Add(id);
            }

            value = new DeckJoinId(ids);
            return true;
        }

        public bool TryReadValues(string argument, [NotNullWhen(true)] out IReadOnlyList<CustomIdValue>? values)
        {
            values = TryParse(argument, out var join) ? [.. (join.DeckIds ?? []).Select(id => new CustomIdValue("deckId", id))] : null;
            return values is not null;
        }

        public override string ToString() => $"{Prefix}{{deckId}}{Separator}{{deckId}}… or {Prefix}{All}";
    }
}
