using System.Globalization;

namespace Kullback.Coding;

/// <summary>
/// Arithmetic coding with a fixed model q (Witten, Neal and Cleary's integer coder, 32-bit range, counts scaled to a
/// total of 2¹⁶): it spends −log₂ q̃ᵢ bits on each outcome (q̃ the scaled model, within 2⁻¹⁶ of q), so a long message
/// costs the cross-entropy H(p, q̃) bits per observation plus about 2 bits in all — no rounding to whole bits per
/// symbol, unlike a prefix code.
/// </summary>
public sealed class ArithmeticCoder
{
    private const int TotalBits = 16;
    private const ulong Full = 0xFFFF_FFFFUL, Half = 0x8000_0000UL, Quarter = 0x4000_0000UL;
    private readonly ulong[] _cumulative;   // _cumulative[i] … _cumulative[i + 1]: outcome i's interval of counts

    /// <summary>Builds the model from <paramref name="q"/> (probabilities or weights): every outcome with qᵢ &gt; 0 gets at least one count.</summary>
    /// <exception cref="InvalidArgumentException">q is empty, all zero, has a NaN, infinite or negative entry, or more than 2¹⁵ outcomes.</exception>
    public ArithmeticCoder(ReadOnlySpan<double> q)
    {
        Numerics.Preconditions.CheckWeights(q, nameof(q));
        if (q.Length > 1 << (TotalBits - 1))
            throw new InvalidArgumentException($"The arithmetic coder takes at most {1 << (TotalBits - 1)} outcomes.", nameof(q));
        double sum = 0;
        foreach (double v in q) sum += v;
        var counts = new ulong[q.Length];
        ulong total = 0;
        int positive = 0;
        for (int i = 0; i < q.Length; i++) if (q[i] > 0) positive++;
        ulong budget = (1UL << TotalBits) - (ulong)positive;   // one count reserved for each possible outcome
        for (int i = 0; i < q.Length; i++)
        {
            if (q[i] == 0) continue;
            counts[i] = 1 + (ulong)Math.Floor(q[i] / sum * budget);
            total += counts[i];
        }
        _cumulative = new ulong[q.Length + 1];
        for (int i = 0; i < q.Length; i++) _cumulative[i + 1] = _cumulative[i] + counts[i];
        Total = total;
    }

    /// <summary>The number of counts of the scaled model (at most 2¹⁶).</summary>
    public ulong Total { get; }

    /// <summary>The scaled model's probability of <paramref name="outcome"/>.</summary>
    public double ModelProbability(int outcome) => (double)(_cumulative[outcome + 1] - _cumulative[outcome]) / Total;

    /// <summary>Encodes <paramref name="message"/> (outcome indices) into bits.</summary>
    /// <exception cref="InvalidArgumentException">An outcome is out of range or has model probability 0 (it cannot be sent).</exception>
    public IReadOnlyList<bool> Encode(IEnumerable<int> message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var bits = new List<bool>();
        ulong low = 0, high = Full;
        long pending = 0;
        void Emit(bool bit)
        {
            bits.Add(bit);
            for (; pending > 0; pending--) bits.Add(!bit);
        }
        foreach (int symbol in message)
        {
            if ((uint)symbol >= (uint)(_cumulative.Length - 1) || _cumulative[symbol + 1] == _cumulative[symbol])
                throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Outcome {symbol} has probability 0 under the model, so no code can send it."), nameof(message));
            ulong range = high - low + 1;
            high = low + range * _cumulative[symbol + 1] / Total - 1;
            low += range * _cumulative[symbol] / Total;
            while (true)
            {
                if (high < Half) Emit(false);
                else if (low >= Half) { Emit(true); low -= Half; high -= Half; }
                else if (low >= Quarter && high < Half + Quarter) { pending++; low -= Quarter; high -= Quarter; }
                else break;
                low <<= 1;
                high = (high << 1) | 1;
            }
        }
        pending++;
        Emit(low >= Quarter);
        return bits;
    }

    /// <summary>Decodes <paramref name="count"/> outcomes from <paramref name="bits"/> (the output of <see cref="Encode"/>).</summary>
    public int[] Decode(IReadOnlyList<bool> bits, int count)
    {
        ArgumentNullException.ThrowIfNull(bits);
        var result = new int[count];
        ulong low = 0, high = Full, value = 0;
        int position = 0;
        bool Next() => position < bits.Count && bits[position++];
        for (int i = 0; i < 32; i++) value = (value << 1) | (Next() ? 1UL : 0UL);
        for (int n = 0; n < count; n++)
        {
            ulong range = high - low + 1;
            ulong scaled = ((value - low + 1) * Total - 1) / range;
            int symbol = Array.BinarySearch(_cumulative, scaled);
            symbol = symbol >= 0 ? symbol : ~symbol - 1;
            while (_cumulative[symbol + 1] == _cumulative[symbol] || _cumulative[symbol + 1] <= scaled) symbol++;
            result[n] = symbol;
            high = low + range * _cumulative[symbol + 1] / Total - 1;
            low += range * _cumulative[symbol] / Total;
            while (true)
            {
                if (high < Half) { }
                else if (low >= Half) { low -= Half; high -= Half; value -= Half; }
                else if (low >= Quarter && high < Half + Quarter) { low -= Quarter; high -= Quarter; value -= Quarter; }
                else break;
                low <<= 1;
                high = (high << 1) | 1;
                value = (value << 1) | (Next() ? 1UL : 0UL);
            }
        }
        return result;
    }
}
