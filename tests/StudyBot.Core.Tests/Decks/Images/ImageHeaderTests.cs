using StudyBot.Core.Decks.Images;
using StudyBot.Fuzz;

namespace StudyBot.Core.Tests.Decks.Images;

/// <summary>The header readers: each format's dimensions from its first bytes, and everything else refused.</summary>
public class ImageHeaderTests
{
    public static TheoryData<string, byte[], ImageFormat, int, int> Headers => new()
    {
        { "png", TestImages.Png(37, 21, (10, 20, 30)), ImageFormat.Png, 37, 21 },
        { "gif", TestImages.GifHeader(640, 480), ImageFormat.Gif, 640, 480 },
        { "jpeg baseline after APP0 and a comment", TestImages.JpegHeader(1024, 768), ImageFormat.Jpeg, 1024, 768 },
        { "jpeg progressive", TestImages.JpegHeader(300, 4000, frame: 0xC2), ImageFormat.Jpeg, 300, 4000 },
        { "webp lossy", TestImages.WebPLossy(550, 368), ImageFormat.WebP, 550, 368 },
        { "webp lossless", TestImages.WebPLossless(16383, 1), ImageFormat.WebP, 16383, 1 },
        { "webp extended", TestImages.WebPExtended(5000, 70000), ImageFormat.WebP, 5000, 70000 },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void Read_EachFormat_GivesItsDimensions(string what, byte[] data, ImageFormat format, int width, int height)
    {
        var info = ImageHeader.Read(data);

        Assert.True(info is not null, what);
        Assert.Equal(new ImageInfo(format, width, height), info);
    }

    [Fact]
    public void Read_JpegWithFillBytesAndRestartMarkersBeforeTheFrame_FindsTheFrame()
    {
        var plain = TestImages.JpegHeader(123, 45);
        byte[] data = [.. plain[..2], 0xFF, 0xFF, 0xFF, 0xD0, .. plain[2..]];

        Assert.Equal(new ImageInfo(ImageFormat.Jpeg, 123, 45), ImageHeader.Read(data));
    }

    public static TheoryData<string, byte[]> NotImages => new()
    {
        { "empty", [] },
        { "BMP", "BM\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"u8.ToArray() },
        { "SVG text", "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>"u8.ToArray() },
        { "PNG signature alone", TestImages.Png(4, 4, (0, 0, 0))[..8] },
        { "PNG with zero width", Zeroed(TestImages.Png(4, 4, (0, 0, 0)), 16, 4) },
        { "GIF cut short", TestImages.GifHeader(10, 10)[..8] },
        { "JPEG whose scan starts before any frame", [0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x08, 1, 2, 3, 4, 5, 6] },
        { "JPEG with a segment length running past the end", [0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xF0, 1, 2, 3] },
        { "JPEG frame cut inside its size", TestImages.JpegHeader(10, 10)[..^15] },
        { "JPEG with a zero segment length", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x00, 0xFF, 0xC0, 0, 17, 8, 0, 1, 0, 1] },
        { "WebP lossy without its start code", Zeroed(TestImages.WebPLossy(10, 10), 23, 3) },
        { "WebP lossless without its signature", Zeroed(TestImages.WebPLossless(10, 10), 20, 1) },
        { "WebP of an unknown chunk", [.. "RIFF\0\0\0\0WEBPALPH"u8, .. new byte[20]] },
        { "RIFF that is a WAV", [.. "RIFF\0\0\0\0WAVEfmt "u8, .. new byte[20]] },
    };

    [Theory]
    [MemberData(nameof(NotImages))]
    public void Read_NotAWholeSupportedHeader_IsNull(string what, byte[] data)
    {
        Assert.True(ImageHeader.Read(data) is null, what);
    }

    [Fact]
    public void Read_RandomBytesAfterEachMagic_NeverThrows()
    {
        var random = new Random(25);
        byte[][] magics = [[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], [0xFF, 0xD8, 0xFF], "GIF89a"u8.ToArray(), "RIFF\0\0\0\0WEBPVP8 "u8.ToArray(), "RIFF\0\0\0\0WEBPVP8L"u8.ToArray(), "RIFF\0\0\0\0WEBPVP8X"u8.ToArray()];
        foreach (var magic in magics)
        {
            for (var i = 0; i < 2000; i++)
            {
                var tail = new byte[random.Next(0, 64)];
                random.NextBytes(tail);
                if (ImageHeader.Read([.. magic, .. tail]) is { } info)
                {
                    Assert.True(info.Width > 0 && info.Height > 0);
                }
            }
        }
    }

    [Theory]
    [InlineData("BM....", "a BMP image")]
    [InlineData("%PDF-1.7", "a PDF document")]
    [InlineData("PK\u0003\u0004", "a zip archive")]
    [InlineData("  <svg>", "text (HTML or SVG)")]
    [InlineData("hello", "not a PNG, JPEG, GIF or WebP image")]
    public void Describe_NamesWhatTheBytesAre(string start, string described)
    {
        Assert.Equal(described, ImageHeader.Describe(System.Text.Encoding.ASCII.GetBytes(start)));
    }

    [Fact]
    public void Describe_HeicByItsBrand()
    {
        Assert.Equal("a HEIC image", ImageHeader.Describe([0, 0, 0, 24, .. "ftypheic"u8, 0, 0, 0, 0]));
    }

    [Theory]
    [InlineData("images/My Map (1).png", ImageFormat.Png, "My_Map__1.png")]
    [InlineData("photo.jpeg", ImageFormat.Jpeg, "photo.jpg")]
    [InlineData("named-wrong.png", ImageFormat.Gif, "named-wrong.gif")]
    [InlineData("ÄÖÜ.webp", ImageFormat.WebP, "image.webp")]
    public void AttachmentName_SafeCharactersAndTheTrueExtension(string name, ImageFormat format, string expected)
    {
        Assert.Equal(expected, DeckImage.AttachmentName(name, format));
    }

    private static byte[] Zeroed(byte[] data, int at, int count)
    {
        var copy = data.ToArray();
        copy.AsSpan(at, count).Clear();
        return copy;
    }
}
