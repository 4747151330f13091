using System.Numerics;

namespace Kullback.Data.Input;

/// <summary>
/// The Eisel–Lemire algorithm (as in fast_float): the double nearest to w·10^q for a decimal significand w of at
/// most 19 digits, from one (rarely two) 64×128-bit products with a table of 128-bit powers of five, without
/// arbitrary precision. It answers only where it is sure and the result is a normal double; otherwise the caller
/// takes the full path (csFastFloat), so every result is correctly rounded.
/// </summary>
/// <remarks>
/// Reference: D. Lemire, "Number parsing at a gigabyte per second", Software: Practice and Experience 51(8), 2021;
/// N. Mushtak and D. Lemire, "Fast number parsing without fallback", 2023. The table is computed once, exactly, with
/// <see cref="BigInteger"/>: for q ≥ 0 the leading 128 bits of 5^q; for q &lt; 0 the leading 128 bits of ⌊2^b / 5^−q⌋ + 1.
/// </remarks>
internal static class EiselLemire
{
    private const int SmallestPowerOfFive = -342;
    private const int LargestPowerOfFive = 308;

    /// <summary>Two 64-bit words (high, low) per power q, from <see cref="SmallestPowerOfFive"/> up.</summary>
    private static readonly ulong[] PowersOfFive = Table();

    /// <summary>Computes the double nearest to ±w·10^q.</summary>
    /// <returns>False when it cannot be sure, or the result would be zero, subnormal or infinite.</returns>
    public static bool TryCompute(ulong w, int q, bool negative, out double value)
    {
        value = 0;
        if (w == 0 || q < SmallestPowerOfFive || q > LargestPowerOfFive) return false;
        int lz = BitOperations.LeadingZeroCount(w);
        w <<= lz;
        int index = 2 * (q - SmallestPowerOfFive);
        ulong high = Math.BigMul(w, PowersOfFive[index], out ulong low);
        const ulong PrecisionMask = ulong.MaxValue >> 55;   // 52 explicit mantissa bits + 3
        if ((high & PrecisionMask) == PrecisionMask)
        {
            ulong secondHigh = Math.BigMul(w, PowersOfFive[index + 1], out _);
            low += secondHigh;
            if (secondHigh > low) high++;
        }
        if (low == ulong.MaxValue && (q < -27 || q > 55)) return false;   // the product may be short of the truth
        int upperBit = (int)(high >> 63);
        int shift = upperBit + 64 - 52 - 3;
        ulong mantissa = high >> shift;
        int power2 = (((152170 + 65536) * q) >> 16) + 63 + upperBit - lz + 1023;
        if (power2 <= 0) return false;   // subnormal
        // Usually round up; exactly halfway with an even result, round down (to even).
        if (low <= 1 && q >= -4 && q <= 23 && (mantissa & 3) == 1 && (mantissa << shift) == high) mantissa &= ~1UL;
        mantissa += mantissa & 1;
        mantissa >>= 1;
        if (mantissa >= 2UL << 52)
        {
            mantissa = 1UL << 52;
            power2++;
        }
        mantissa &= ~(1UL << 52);
        if (power2 >= 0x7FF) return false;   // infinite
        value = BitConverter.UInt64BitsToDouble(mantissa | ((ulong)power2 << 52) | (negative ? 1UL << 63 : 0));
        return true;
    }

    private static ulong[] Table()
    {
        var table = new ulong[2 * (LargestPowerOfFive - SmallestPowerOfFive + 1)];
        var two128 = BigInteger.One << 128;
        var two127 = BigInteger.One << 127;
        for (int q = SmallestPowerOfFive; q <= LargestPowerOfFive; q++)
        {
            BigInteger c;
            if (q < 0)
            {
                var power = BigInteger.Pow(5, -q);
                int z = (int)power.GetBitLength();   // 5^k is never a power of two: 2^(z−1) < 5^k < 2^z
                int b = q >= -27 ? z + 127 : 2 * z + 128;
                c = (BigInteger.One << b) / power + 1;
                while (c >= two128) c >>= 1;
            }
            else
            {
                c = BigInteger.Pow(5, q);
                while (c < two127) c <<= 1;
                while (c >= two128) c >>= 1;
            }
            int i = 2 * (q - SmallestPowerOfFive);
            table[i] = (ulong)(c >> 64);
            table[i + 1] = (ulong)(c & ulong.MaxValue);
        }
        return table;
    }
}
