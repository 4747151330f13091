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
/// N. Mushtak and D. Lemire, "Fast number parsing without fallback", 2023. The table (EiselLemire.PowersOfFive.cs) is constant data,
/// generated and tested exactly (EiselLemireTableTests): for q ≥ 0 the leading 128 bits of 5^q; for q &lt; 0 the leading 128 bits of ⌊2^b / 5^−q⌋ + 1.
/// </remarks>
internal static partial class EiselLemire
{
    internal const int SmallestPowerOfFive = -342;
    internal const int LargestPowerOfFive = 308;

    /// <summary>The table, for its test.</summary>
    internal static ReadOnlySpan<ulong> Table => PowersOfFive;

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
}
