using System.Numerics;

namespace StudyBot.Core.Scheduling.Optimization;

/// <summary>
/// The random numbers the reference optimizer shuffles its batches with: Rust rand's StdRng
/// (ChaCha with 12 rounds) seeded from a u64 through PCG32, and its slice shuffle. Reproducing them
/// makes a fit visit the batches in the reference's order.
/// </summary>
internal sealed class ChaCha12Rng
{
    private readonly uint[] _key = new uint[8];
    private readonly uint[] _block = new uint[16];
    private ulong _counter;
    private int _index = 16;

    public ChaCha12Rng(ulong seed)
    {
        const ulong multiplier = 0x5851F42D4C957F2D;
        const ulong increment = 0xA17654E46FBE17F3;
        var state = seed;
        for (var i = 0; i < _key.Length; i++)
        {
            state = unchecked(state * multiplier + increment);
            var xorShifted = (uint)(((state >> 18) ^ state) >> 27);
            _key[i] = BitOperations.RotateRight(xorShifted, (int)(state >> 59));
        }
    }

    public uint NextUInt32()
    {
        if (_index == 16)
        {
            Refill();
        }
        return _block[_index++];
    }

    /// <summary>rand's random_range(0..bound) for u32 (Canon's method, as rand draws it by default).</summary>
    public uint NextBelow(uint bound)
    {
        var product = (ulong)NextUInt32() * bound;
        var result = (uint)(product >> 32);
        var low = (uint)product;
        if (low > unchecked(0u - bound))
        {
            var next = (uint)(((ulong)NextUInt32() * bound) >> 32);
            if ((ulong)low + next > uint.MaxValue)
            {
                result++;
            }
        }
        return result;
    }

    /// <summary>rand's SliceRandom::shuffle: swap(i, j) for i = 0.., j uniform in [0, i], j values packed into chunks.</summary>
    public void Shuffle(int[] items)
    {
        if (items.Length <= 1)
        {
            return;
        }
        uint chunk = 0;
        uint chunkRemaining = 1;
        uint n = 0;
        for (var i = 0; i < items.Length; i++)
        {
            var nextN = n + 1;
            uint nextRemaining;
            if (chunkRemaining == 0)
            {
                var (bound, count) = Bound(nextN);
                chunk = NextBelow(bound);
                nextRemaining = count - 1u;
            }
            else
            {
                nextRemaining = chunkRemaining - 1;
            }
            uint j;
            if (nextRemaining == 0)
            {
                j = chunk;
            }
            else
            {
                j = chunk % nextN;
                chunk /= nextN;
            }
            chunkRemaining = nextRemaining;
            n = nextN;
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    // The longest product m (m+1) (m+2) ... that fits in a u32, and how many factors it has.
    private static (uint Bound, uint Count) Bound(uint m)
    {
        ulong product = m;
        var current = m + 1;
        while (product * current <= uint.MaxValue)
        {
            product *= current;
            current++;
        }
        return ((uint)product, current - m);
    }

    private void Refill()
    {
        Span<uint> x = stackalloc uint[16];
        Span<uint> input = stackalloc uint[16];
        input[0] = 0x61707865;
        input[1] = 0x3320646e;
        input[2] = 0x79622d32;
        input[3] = 0x6b206574;
        for (var i = 0; i < 8; i++)
        {
            input[4 + i] = _key[i];
        }
        input[12] = (uint)_counter;
        input[13] = (uint)(_counter >> 32);
        input[14] = 0;
        input[15] = 0;
        input.CopyTo(x);
        for (var round = 0; round < 6; round++)
        {
            QuarterRound(x, 0, 4, 8, 12);
            QuarterRound(x, 1, 5, 9, 13);
            QuarterRound(x, 2, 6, 10, 14);
            QuarterRound(x, 3, 7, 11, 15);
            QuarterRound(x, 0, 5, 10, 15);
            QuarterRound(x, 1, 6, 11, 12);
            QuarterRound(x, 2, 7, 8, 13);
            QuarterRound(x, 3, 4, 9, 14);
        }
        for (var i = 0; i < 16; i++)
        {
            _block[i] = unchecked(x[i] + input[i]);
        }
        _counter++;
        _index = 0;
    }

    private static void QuarterRound(Span<uint> x, int a, int b, int c, int d)
    {
        unchecked
        {
            x[a] += x[b]; x[d] = BitOperations.RotateLeft(x[d] ^ x[a], 16);
            x[c] += x[d]; x[b] = BitOperations.RotateLeft(x[b] ^ x[c], 12);
            x[a] += x[b]; x[d] = BitOperations.RotateLeft(x[d] ^ x[a], 8);
            x[c] += x[d]; x[b] = BitOperations.RotateLeft(x[b] ^ x[c], 7);
        }
    }
}
