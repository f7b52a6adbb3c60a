using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace StudyBot.Fuzz;

/// <summary>
/// Small, whole images of each format for tests: a PNG a browser decodes (real chunks, CRCs and
/// pixels), and headers of GIF, JPEG and the three WebP kinds that carry given dimensions.
/// </summary>
public static class TestImages
{
    /// <summary>A valid RGB PNG of one colour, with a diagonal stripe so that a screenshot shows it.</summary>
    public static byte[] Png(int width, int height, (byte R, byte G, byte B) colour)
    {
        using var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0); // filter: none
            for (var x = 0; x < width; x++)
            {
                var stripe = Math.Abs(x * height / Math.Max(1, width) - y) < Math.Max(2, height / 12);
                raw.Write(stripe ? [255, 255, 255] : [colour.R, colour.G, colour.B]);
            }
        }
        using var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw.ToArray());
        }
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", packed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A GIF header with a logical screen of the given size (the rest of a GIF is not needed to read it).</summary>
    public static byte[] GifHeader(int width, int height)
    {
        var gif = new byte[13];
        "GIF89a"u8.CopyTo(gif);
        BinaryPrimitives.WriteUInt16LittleEndian(gif.AsSpan(6), (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(gif.AsSpan(8), (ushort)height);
        return gif;
    }

    /// <summary>A JPEG start: SOI, a JFIF APP0 segment and a comment before the baseline frame header with the size.</summary>
    public static byte[] JpegHeader(int width, int height, byte frame = 0xC0)
    {
        using var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8]);
        jpeg.Write([0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        var comment = Encoding.ASCII.GetBytes("made for a test");
        jpeg.Write([0xFF, 0xFE, 0, (byte)(comment.Length + 2)]);
        jpeg.Write(comment);
        jpeg.Write([0xFF, frame, 0x00, 0x11, 8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 3]);
        jpeg.Write(new byte[9]);
        return jpeg.ToArray();
    }

    /// <summary>A lossy WebP start: RIFF, VP8 chunk, frame tag, start code, 14-bit dimensions.</summary>
    public static byte[] WebPLossy(int width, int height)
    {
        var data = RiffHeader("VP8 ", 30);
        data[23] = 0x9D;
        data[24] = 0x01;
        data[25] = 0x2A;
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(26), (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(28), (ushort)height);
        return data;
    }

    /// <summary>A lossless WebP start: RIFF, VP8L chunk, signature 0x2F, width-1 and height-1 in 14 bits each.</summary>
    public static byte[] WebPLossless(int width, int height)
    {
        var data = RiffHeader("VP8L", 30);
        data[20] = 0x2F;
        var bits = (uint)(width - 1) | (uint)(height - 1) << 14;
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(21), bits);
        return data;
    }

    /// <summary>An extended WebP start: RIFF, VP8X chunk, flags, canvas width-1 and height-1 in 24 bits each.</summary>
    public static byte[] WebPExtended(int width, int height)
    {
        var data = RiffHeader("VP8X", 30);
        Write24(data.AsSpan(24), width - 1);
        Write24(data.AsSpan(27), height - 1);
        return data;
    }

    private static byte[] RiffHeader(string chunk, int length)
    {
        var data = new byte[length];
        "RIFF"u8.CopyTo(data);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(4), (uint)(length - 8));
        "WEBP"u8.CopyTo(data.AsSpan(8));
        Encoding.ASCII.GetBytes(chunk).CopyTo(data, 12);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(16), (uint)(length - 20));
        return data;
    }

    private static void Write24(Span<byte> target, int value)
    {
        target[0] = (byte)value;
        target[1] = (byte)(value >> 8);
        target[2] = (byte)(value >> 16);
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    // PNG's CRC-32 (polynomial 0xEDB88320), bit by bit: test images are small.
    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return crc ^ 0xFFFFFFFFu;
    }
}
