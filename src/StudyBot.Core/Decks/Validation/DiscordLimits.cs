namespace StudyBot.Core.Decks.Validation;

/// <summary>
/// Discord's limits on what a card turns into (Discord API v10), checked when a deck is loaded
/// so that a card never fails when it is shown.
/// </summary>
public static class DiscordLimits
{
    /// <summary>A button label: each mcq choice is one button.</summary>
    public const int ButtonLabel = 80;

    /// <summary>An embed description: prompts, cloze texts, answers and explanations are shown in one.</summary>
    public const int EmbedDescription = 4096;

    /// <summary>An embed title: the deck title heads the deck's embed.</summary>
    public const int EmbedTitle = 256;

    /// <summary>All of an embed's text together: every review screen of a card is one embed (<see cref="CardScreens"/>).</summary>
    public const int EmbedTotal = 6000;

    /// <summary>A text display: a prompt too long for the modal's title (and a cloze sentence) is shown in the modal's body.</summary>
    public const int TextDisplay = 4000;

    /// <summary>A modal title: a typed card's prompt titles the answer modal when it fits.</summary>
    public const int ModalTitle = 45;

    /// <summary>A text input's value: the longest answer a student can type.</summary>
    public const int TextInputValue = 4000;

    /// <summary>A string select option's label: deck titles are offered in a select menu.</summary>
    public const int SelectOptionLabel = 100;

    /// <summary>A custom_id: card ids travel inside custom ids, with room left for the action.</summary>
    public const int CustomId = 100;
}
