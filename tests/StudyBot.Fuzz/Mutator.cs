using System.Text;

namespace StudyBot.Fuzz;

/// <summary>
/// Turns a corpus input into a nearby one: byte flips, insertions and deletions, repeated chunks,
/// splices of two inputs, and tokens that matter to the readers (cloze braces, YAML and CSV syntax,
/// Unicode separators, bytes that are not UTF-8, very large numbers).
/// </summary>
public static class Mutator
{
    private static readonly byte[][] _tokens =
    [
        .. new[]
        {
            "{{c", "}}", "::", "{{c1::", "{{c99999999999::", "{{{{", "}}}}", "\t", ",", ";", "\"", "'", ":", ": ", "- ", "\n", "\r\n",
            "  ", "#", "#separator:tab\n", "#html:true\n", "#columns:id,kind,prompt\n", "&a ", "*a", "!!binary ", "[", "]", "{", "}",
            "<b>", "</b>", "<img src=x>", "[sound:a.mp3]", "<br>", "&amp;", "&#x1F600;", "<!--", "-->", "<script>", "\u2028", "\u2029",
            "\uFEFF", "kind: cloze\n", "kind: mcq\n", "choices:\n", "correct: true", "cards:\n", "id: x\n", "99999999999999999999",
        }.Select(Encoding.UTF8.GetBytes),
        [0xFF], [0xC3, 0x28], [0xE2, 0x82], [0x00], [0x1F],
    ];

    public static byte[] Mutate(byte[] input, byte[] other, Random random)
    {
        var data = new List<byte>(input);
        var steps = 1 + random.Next(4);
        for (var step = 0; step < steps; step++)
        {
            var at = data.Count == 0 ? 0 : random.Next(data.Count + 1);
            switch (random.Next(8))
            {
                case 0 when data.Count > 0:
                    data[Math.Min(at, data.Count - 1)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when data.Count > 0:
                    data.RemoveRange(Math.Min(at, data.Count - 1), Math.Min(1 + random.Next(16), data.Count - Math.Min(at, data.Count - 1)));
                    break;
                case 2:
                    data.InsertRange(at, _tokens[random.Next(_tokens.Length)]);
                    break;
                case 3 when data.Count > 0:
                {
                    // Repeat a chunk many times: long runs are where parsers turn quadratic.
                    var start = random.Next(data.Count);
                    var chunk = data.GetRange(start, Math.Min(1 + random.Next(32), data.Count - start)).ToArray();
                    var times = 1 + random.Next(random.Next(2) == 0 ? 4 : 2000);
                    for (var i = 0; i < times && data.Count < 1 << 20; i++)
                    {
                        data.InsertRange(at, chunk);
                    }
                    break;
                }
                case 4 when other.Length > 0:
                {
                    var start = random.Next(other.Length);
                    data.InsertRange(at, other.AsSpan(start, Math.Min(1 + random.Next(256), other.Length - start)).ToArray());
                    break;
                }
                case 5 when data.Count > 0:
                    data[Math.Min(at, data.Count - 1)] = (byte)random.Next(256);
                    break;
                case 6 when data.Count > 8:
                    data.RemoveRange(at / 2, Math.Min(data.Count - at / 2, random.Next(data.Count / 2)));
                    break;
                default:
                    data.InsertRange(at, _tokens[random.Next(_tokens.Length)]);
                    break;
            }
        }
        return [.. data];
    }
}
