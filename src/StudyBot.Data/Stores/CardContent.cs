using StudyBot.Core.Decks;
using StudyBot.Data.Entities;

namespace StudyBot.Data.Stores;

/// <summary>Copies a parsed card's content onto its stored record.</summary>
internal static class CardContent
{
    public static CardRecord Create(DeckRecord deck, DeckCard card, int ordinal, int version)
    {
        var record = new CardRecord { Deck = deck, Key = card.Id, Prompt = card.Prompt, AddedInVersion = version, ChangedInVersion = version };
        Apply(record, card, ordinal);
        return record;
    }

    /// <summary>Returns whether anything a student sees changed (a move within the file is not a change).</summary>
    public static bool Apply(CardRecord record, DeckCard card, int ordinal)
    {
        var changed = record.Kind != card.Kind
            || record.Prompt != card.Prompt
            || !record.Answers.SequenceEqual(card.Answers)
            || !record.Choices.SequenceEqual(card.Choices)
            || record.Explanation != card.Explanation
            || record.Hint != card.Hint
            || !record.Tags.SequenceEqual(card.Tags)
            || record.NoteKey != card.NoteId
            || record.Image != card.Image;
        record.Kind = card.Kind;
        record.Prompt = card.Prompt;
        record.Answers = [.. card.Answers];
        record.Choices = [.. card.Choices];
        record.Explanation = card.Explanation;
        record.Hint = card.Hint;
        record.Tags = [.. card.Tags];
        record.NoteKey = card.NoteId;
        record.SourceText = card.SourceText;
        record.Image = card.Image;
        record.Ordinal = ordinal;
        return changed;
    }
}
