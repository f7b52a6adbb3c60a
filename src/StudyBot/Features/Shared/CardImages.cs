using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Decks.Images;
using StudyBot.Data;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;

namespace StudyBot.Features.Shared;

/// <summary>
/// A card's image on its screens: the image's bytes go with the message as an upload (multipart, as
/// Discord takes files) and the card's embed shows it through <c>attachment://name</c>. A screen
/// without an image says it has no attachments, so that editing a card's message into the next
/// screen drops the previous card's picture.
/// </summary>
public static class CardImages
{
    /// <summary>The image the card shows, from its own deck's images; null when it shows none.</summary>
    public static async Task<DeckImage?> ForCardAsync(StudyDbContext db, int cardId, CancellationToken cancellationToken)
    {
        var image = await db.Cards.AsNoTracking()
            .Where(c => c.Id == cardId && c.Image != null)
            .Join(db.DeckImages.AsNoTracking(), c => new { c.DeckId, Name = c.Image! }, i => new { i.DeckId, i.Name }, (c, i) => i)
            .FirstOrDefaultAsync(cancellationToken);
        return image?.ToDeckImage();
    }

    /// <summary>The screen with the image in its first embed and the file to send with it; without an image, no attachments.</summary>
    public static (MessagePayload Screen, IReadOnlyList<FileAttachment>? Files) Show(MessagePayload screen, DeckImage? image)
    {
        if (image is null)
        {
            return (screen with { Attachments = [] }, null);
        }
        return (Point(screen, image), [File(image)]);
    }

    /// <summary>The screen's first embed pointing at the image already attached to the message (an edit that keeps the upload).</summary>
    public static MessagePayload Point(MessagePayload screen, DeckImage image)
    {
        if (screen.Embeds is not { Count: > 0 } embeds)
        {
            return screen;
        }
        var first = embeds[0] with { Image = new EmbedMedia { Url = "attachment://" + image.FileName } };
        return screen with { Embeds = [first, .. embeds.Skip(1)] };
    }

    public static FileAttachment File(DeckImage image) =>
        new(image.FileName, image.Content, image.ContentType, $"Card image, {image.Width} × {image.Height} px");
}
