using StudyBot.Core.Decks.Images;

namespace StudyBot.Data.Entities;

/// <summary>
/// An image the cards of a deck's current version show, stored with the deck: each upload replaces
/// the set with the images its cards name (checked and bounded by the deck limits: size, count,
/// total), so a deck never keeps more than one version's worth.
/// </summary>
public sealed class DeckImageRecord
{
    public int Id { get; set; }
    public int DeckId { get; set; }
    /// <summary>The name the cards use (<see cref="CardRecord.Image"/>).</summary>
    public required string Name { get; set; }
    public ImageFormat Format { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    /// <summary>The deck version that stored these bytes.</summary>
    public int Version { get; set; }
    public required byte[] Content { get; set; }

    public DeckImage ToDeckImage() => new(Name, Format, Width, Height, Content);
}
