using System.Numerics;
using Kullback.Data.Input;

namespace Kullback.Data.Tests.Input;

/// <summary>
/// The Eisel–Lemire table is constant data (src/Kullback.Data/Input/EiselLemire.PowersOfFive.cs): here every entry is
/// recomputed exactly with <see cref="BigInteger"/>, as fast_float defines it.
/// </summary>
/// <remarks>
/// The file was written by this Python, the same definition:
/// <c>for q in range(-342, 309): c = 5**q scaled into [2^127, 2^128) if q ≥ 0, else (2^b // 5^−q) + 1 with
/// z = (5^−q).bit_length(), b = z + 127 if q ≥ −27 else 2z + 128, shifted right until below 2^128; print c &gt;&gt; 64, c mod 2^64</c>.
/// </remarks>
public sealed class EiselLemireTableTests
{
    [Fact]
    public void Every_power_of_five_is_the_leading_128_bits()
    {
        var table = EiselLemire.Table;
        Assert.Equal(2 * (EiselLemire.LargestPowerOfFive - EiselLemire.SmallestPowerOfFive + 1), table.Length);
        var two128 = BigInteger.One << 128;
        var two127 = BigInteger.One << 127;
        for (int q = EiselLemire.SmallestPowerOfFive; q <= EiselLemire.LargestPowerOfFive; q++)
        {
            BigInteger c;
            if (q < 0)
            {
                var power = BigInteger.Pow(5, -q);
                int z = (int)power.GetBitLength();
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
            int i = 2 * (q - EiselLemire.SmallestPowerOfFive);
            Assert.True((ulong)(c >> 64) == table[i] && (ulong)(c & ulong.MaxValue) == table[i + 1], $"5^{q}");
        }
    }
}
