using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Decks;
using StudyBot.Data;
using StudyBot.Data.Review;

namespace StudyBot.Features.Quiz;

/// <summary>How the basic cards of a channel question are asked: as multiple choice (the default) or typed.</summary>
public enum QuizStyle
{
    /// <summary>Basic cards get wrong choices from their deck (<see cref="Distractors"/>); typed when the deck has too few.</summary>
    Choices,
    /// <summary>Basic cards are typed into the answer window and graded like typed cards.</summary>
    Typed,
}

/// <summary>
/// Makes the choices of basic (front/back) cards asked in a channel: other answers of the card's
/// deck (<see cref="Distractors"/>), never one of a card the deck's relations keep apart from it
/// (a sibling, or a card that shows its answer or whose answer it shows). Multiple-choice, typed and
/// cloze cards are asked in their own form.
/// </summary>
public sealed class QuizForms(StudyDbContext db, DeckRelationsCache relations)
{
    public const string StyleOption = "style";

    /// <summary>The style an option names: "typed", or choices when absent.</summary>
    public static QuizStyle ParseStyle(string? option) => string.Equals(option, "typed", StringComparison.OrdinalIgnoreCase) ? QuizStyle.Typed : QuizStyle.Choices;

    /// <summary>For each of <paramref name="cardIds"/> (stored ids, all of deck <paramref name="deckId"/>): its choices as stored in <see cref="Data.Entities.Quiz.Choices"/>, or null.</summary>
    public async Task<IReadOnlyDictionary<int, string?>> ChoicesAsync(int deckId, IReadOnlyList<int> cardIds, QuizStyle style, CancellationToken cancellationToken)
    {
        var result = cardIds.Distinct().ToDictionary(id => id, _ => (string?)null);
        if (style == QuizStyle.Typed)
        {
            return result;
        }

        var records = await db.Cards.AsNoTracking().Where(c => c.DeckId == deckId && !c.Retired && c.Kind == CardKind.Basic).OrderBy(c => c.Ordinal).ToListAsync(cancellationToken);
        var asked = records.Where(r => result.ContainsKey(r.Id)).ToList();
        if (asked.Count == 0)
        {
            return result;
        }

        var kin = await relations.ForDeckAsync(db, deckId, cancellationToken);
        var keys = records.ToDictionary(r => r.Id, r => r.Key);
        var deck = records.Select(r => r.ToDeckCard()).ToList();
        foreach (var record in asked)
        {
            var apart = kin.LeaksOf(record.Id).Where(keys.ContainsKey).Select(id => keys[id]).ToHashSet(StringComparer.Ordinal);
            var choices = Distractors.Choices(record.ToDeckCard(), deck, apart, Random.Shared);
            result[record.Id] = choices.Count == 0 ? null : Write(choices);
        }

        return result;
    }

    /// <summary>The choices stored with a question, the right one first; empty when it is asked in the card's own form.</summary>
    public static IReadOnlyList<string> Read(string? stored)
        => stored is null ? [] : JsonSerializer.Deserialize(stored, QuizFormsJson.Default.StringArray) ?? [];

    public static string Write(IReadOnlyList<string> choices) => JsonSerializer.Serialize([.. choices], QuizFormsJson.Default.StringArray);
}

[JsonSerializable(typeof(string[]))]
internal sealed partial class QuizFormsJson : JsonSerializerContext;
