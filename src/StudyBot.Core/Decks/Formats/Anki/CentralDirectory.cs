using System.Buffers.Binary;

namespace StudyBot.Core.Decks.Formats.Anki;

/// <summary>
/// The entry count a zip declares in its end-of-central-directory record (or the zip64 one),
/// read before the central directory itself, so that a directory of millions of entries is
/// refused without being read into memory. Layout: PKWARE APPNOTE 4.3.14-4.3.16.
/// </summary>
internal static class CentralDirectory
{
    private const uint EndSignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const int EndSize = 22;

    /// <summary>Null when the stream cannot seek or holds no end record (then the zip reader says what is wrong).</summary>
    public static long? DeclaredEntries(Stream stream)
    {
        if (!stream.CanSeek || stream.Length < EndSize)
        {
            return null;
        }
        var start = stream.Position;
        try
        {
            var tailLength = (int)Math.Min(stream.Length, EndSize + ushort.MaxValue);
            var tail = new byte[tailLength];
            stream.Position = stream.Length - tailLength;
            stream.ReadExactly(tail);
            for (var at = tailLength - EndSize; at >= 0; at--)
            {
                if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at)) != EndSignature)
                {
                    continue;
                }
                long entries = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 10));
                if (entries == ushort.MaxValue && at >= 20 && BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at - 20)) == Zip64LocatorSignature)
                {
                    var zip64At = BinaryPrimitives.ReadInt64LittleEndian(tail.AsSpan(at - 20 + 8));
                    if (zip64At < 0 || zip64At > stream.Length - 56)
                    {
                        return null;
                    }
                    var record = new byte[56];
                    stream.Position = zip64At;
                    stream.ReadExactly(record);
                    if (BinaryPrimitives.ReadUInt32LittleEndian(record) == Zip64EndSignature)
                    {
                        var count = BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(32));
                        entries = count > long.MaxValue ? long.MaxValue : (long)count;
                    }
                }
                return entries;
            }
            return null;
        }
        finally
        {
            stream.Position = start;
        }
    }
}
