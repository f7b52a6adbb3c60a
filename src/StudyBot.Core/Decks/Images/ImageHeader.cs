using System.Buffers.Binary;

namespace StudyBot.Core.Decks.Images;

/// <summary>The image formats Discord shows inline in an embed, and so the ones a card may carry.</summary>
public enum ImageFormat
{
    Png,
    Jpeg,
    Gif,
    WebP,
}

/// <summary>What an image file's first bytes say: its format by magic bytes, and its size in pixels.</summary>
public readonly record struct ImageInfo(ImageFormat Format, int Width, int Height);

/// <summary>
/// Reads an image's format and dimensions from its header alone, never decoding the picture: PNG's
/// IHDR chunk, GIF's logical screen, WebP's VP8/VP8L/VP8X chunk, JPEG's first start-of-frame marker
/// (walking the segments before it by their lengths). Anything else, or a header cut short, is null.
/// Every read is bounds-checked: a hostile file can only be refused.
/// </summary>
public static class ImageHeader
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The format the magic bytes name, whether or not the rest of the header is whole.</summary>
    public static ImageFormat? Sniff(ReadOnlySpan<byte> data)
    {
        // "\x89PNG" names the format; the header reader wants the whole signature and IHDR after it.
        if (data.StartsWith(PngSignature[..4]))
        {
            return ImageFormat.Png;
        }
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            return ImageFormat.Jpeg;
        }
        if (data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8))
        {
            return ImageFormat.Gif;
        }
        if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
        {
            return ImageFormat.WebP;
        }
        return null;
    }

    /// <summary>The format and dimensions, or null when the data is not a whole header of a supported format.</summary>
    public static ImageInfo? Read(ReadOnlySpan<byte> data) => Sniff(data) switch
    {
        ImageFormat.Png => Png(data),
        ImageFormat.Jpeg => Jpeg(data),
        ImageFormat.Gif => Gif(data),
        ImageFormat.WebP => WebP(data),
        _ => null,
    };

    /// <summary>What a file's first bytes look like when they are not an image StudyBot takes, for a message.</summary>
    public static string Describe(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return "an empty file";
        }
        if (data.StartsWith("BM"u8))
        {
            return "a BMP image";
        }
        if (data.StartsWith("II*\0"u8) || data.StartsWith("MM\0*"u8))
        {
            return "a TIFF image";
        }
        if (data.Length >= 12 && data[4..8].SequenceEqual("ftyp"u8))
        {
            return data[8..12].SequenceEqual("avif"u8) ? "an AVIF image" : data[8..11].SequenceEqual("hei"u8) || data[8..12].SequenceEqual("mif1"u8) ? "a HEIC image" : "a video or HEIF file";
        }
        if (data.StartsWith("%PDF"u8))
        {
            return "a PDF document";
        }
        if (data.StartsWith("PK"u8))
        {
            return "a zip archive";
        }
        var head = data[..Math.Min(data.Length, 256)];
        if (head.TrimStart(" \t\r\n\uFEFF"u8).StartsWith("<"u8))
        {
            return "text (HTML or SVG)";
        }
        return "not a PNG, JPEG, GIF or WebP image";
    }

    public static string ContentType(ImageFormat format) => format switch
    {
        ImageFormat.Png => "image/png",
        ImageFormat.Jpeg => "image/jpeg",
        ImageFormat.Gif => "image/gif",
        _ => "image/webp",
    };

    public static string Extension(ImageFormat format) => format switch
    {
        ImageFormat.Png => ".png",
        ImageFormat.Jpeg => ".jpg",
        ImageFormat.Gif => ".gif",
        _ => ".webp",
    };

    /// <summary>The format a file name's extension claims (.png, .jpg/.jpeg, .gif, .webp), or null.</summary>
    public static ImageFormat? FromExtension(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".png" => ImageFormat.Png,
        ".jpg" or ".jpeg" => ImageFormat.Jpeg,
        ".gif" => ImageFormat.Gif,
        ".webp" => ImageFormat.WebP,
        _ => null,
    };

    // PNG: the signature, then IHDR first: length (13), "IHDR", width and height as big-endian 32-bit.
    private static ImageInfo? Png(ReadOnlySpan<byte> data)
    {
        if (data.Length < 24 || !data.StartsWith(PngSignature) || !data[12..16].SequenceEqual("IHDR"u8))
        {
            return null;
        }
        var width = BinaryPrimitives.ReadUInt32BigEndian(data[16..20]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(data[20..24]);
        return Sized(ImageFormat.Png, width, height);
    }

    // GIF: "GIF8?a", then the logical screen's width and height as little-endian 16-bit.
    private static ImageInfo? Gif(ReadOnlySpan<byte> data)
    {
        if (data.Length < 10)
        {
            return null;
        }
        return Sized(ImageFormat.Gif, BinaryPrimitives.ReadUInt16LittleEndian(data[6..8]), BinaryPrimitives.ReadUInt16LittleEndian(data[8..10]));
    }

    // WebP: RIFF size "WEBP", then the first chunk: VP8 (lossy), VP8L (lossless) or VP8X (extended).
    private static ImageInfo? WebP(ReadOnlySpan<byte> data)
    {
        if (data.Length < 30)
        {
            return null;
        }
        var chunk = data[12..16];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height (2 bits of scale each).
            if (data[23] != 0x9D || data[24] != 0x01 || data[25] != 0x2A)
            {
                return null;
            }
            return Sized(ImageFormat.WebP, BinaryPrimitives.ReadUInt16LittleEndian(data[26..28]) & 0x3FFFu, BinaryPrimitives.ReadUInt16LittleEndian(data[28..30]) & 0x3FFFu);
        }
        if (chunk.SequenceEqual("VP8L"u8))
        {
            // Signature 0x2F, then width-1 and height-1 in 14 bits each, least significant bit first.
            if (data[20] != 0x2F)
            {
                return null;
            }
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[21..25]);
            return Sized(ImageFormat.WebP, (bits & 0x3FFFu) + 1, ((bits >> 14) & 0x3FFFu) + 1);
        }
        if (chunk.SequenceEqual("VP8X"u8))
        {
            // Flags (4 bytes), then canvas width-1 and height-1 as little-endian 24-bit.
            var width = data[24] | (uint)data[25] << 8 | (uint)data[26] << 16;
            var height = data[27] | (uint)data[28] << 8 | (uint)data[29] << 16;
            return Sized(ImageFormat.WebP, width + 1, height + 1);
        }
        return null;
    }

    // JPEG: segments FF xx with a big-endian length each, until a start-of-frame (C0-CF but C4, C8, CC).
    private static ImageInfo? Jpeg(ReadOnlySpan<byte> data)
    {
        var i = 2;
        while (i + 4 <= data.Length)
        {
            if (data[i] != 0xFF)
            {
                return null;
            }
            var marker = data[i + 1];
            if (marker == 0xFF)
            {
                i++; // fill byte
                continue;
            }
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                i += 2; // markers without a length
                continue;
            }
            if (marker is 0xD9 or 0xDA)
            {
                return null; // end of image or start of scan before any frame header
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 2)..(i + 4)]);
            if (length < 2)
            {
                return null;
            }
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                // Length, precision (1 byte), then height and width as big-endian 16-bit.
                if (length < 7 || i + 9 > data.Length)
                {
                    return null;
                }
                var height = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 5)..(i + 7)]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 7)..(i + 9)]);
                return Sized(ImageFormat.Jpeg, width, height);
            }
            i += 2 + length;
        }
        return null;
    }

    private static ImageInfo? Sized(ImageFormat format, uint width, uint height) =>
        width is 0 or > int.MaxValue || height is 0 or > int.MaxValue ? null : new ImageInfo(format, (int)width, (int)height);
}
