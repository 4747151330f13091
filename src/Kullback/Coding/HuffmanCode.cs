using System.Collections.Immutable;
using System.Globalization;

namespace Kullback.Coding;

/// <summary>
/// A binary Huffman code made for a distribution q: the shortest prefix code on average under q, with codeword
/// lengths ℓᵢ ≈ −log₂ qᵢ. Used under another distribution p, it costs Σ pᵢℓᵢ bits per observation: at least H(p),
/// and close to the cross-entropy H(p, q) = H(p) + D(p‖q) — the tutorial's price of sending p with q's code.
/// </summary>
/// <remarks>
/// Outcomes with qᵢ = 0 get no codeword (they cannot be sent). Ties are broken by outcome index, so the code is
/// deterministic. One outcome alone gets the one-bit codeword "0" (a code needs at least one bit per symbol).
/// </remarks>
public sealed class HuffmanCode
{
    private HuffmanCode(ImmutableArray<string?> codewords) => Codewords = codewords;

    /// <summary>The codeword of each outcome, as a string of '0' and '1'; null for an outcome q cannot produce.</summary>
    public ImmutableArray<string?> Codewords { get; }

    /// <summary>The length in bits of each outcome's codeword; null where there is none.</summary>
    public IEnumerable<int?> Lengths => Codewords.Select(c => c?.Length);

    /// <summary>Builds the code for <paramref name="q"/> (probabilities or weights, normalised).</summary>
    /// <exception cref="InvalidArgumentException">q is empty, all zero, or has a NaN, infinite or negative entry.</exception>
    public static HuffmanCode Build(ReadOnlySpan<double> q)
    {
        Numerics.Preconditions.CheckWeights(q, nameof(q));
        var queue = new PriorityQueue<Node, (double Weight, int Order)>();
        int order = 0;
        for (int i = 0; i < q.Length; i++)
            if (q[i] > 0) queue.Enqueue(new Node(i, null, null), (q[i], order++));
        var codewords = new string?[q.Length];
        if (queue.Count == 1)
        {
            codewords[queue.Dequeue().Outcome] = "0";
            return new HuffmanCode([.. codewords]);
        }
        while (queue.Count > 1)
        {
            queue.TryDequeue(out var a, out var wa);
            queue.TryDequeue(out var b, out var wb);
            queue.Enqueue(new Node(-1, a, b), (wa.Weight + wb.Weight, order++));
        }
        Assign(queue.Dequeue(), "", codewords);
        return new HuffmanCode([.. codewords]);
    }

    private static void Assign(Node node, string prefix, string?[] codewords)
    {
        if (node.Outcome >= 0)
        {
            codewords[node.Outcome] = prefix;
            return;
        }
        Assign(node.Zero!, prefix + "0", codewords);
        Assign(node.One!, prefix + "1", codewords);
    }

    /// <summary>The mean codeword length Σ pᵢℓᵢ in bits under <paramref name="p"/>; +∞ when p produces an outcome without a codeword.</summary>
    /// <exception cref="InvalidArgumentException">p is invalid or has a different length.</exception>
    public double ExpectedLength(ReadOnlySpan<double> p)
    {
        Numerics.Preconditions.CheckPair(p, p, nameof(p), nameof(p));
        if (p.Length != Codewords.Length)
            throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"p has {p.Length} outcomes but the code has {Codewords.Length}."), nameof(p));
        double total = 0, sum = 0;
        for (int i = 0; i < p.Length; i++) total += p[i];
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] == 0) continue;
            if (Codewords[i] is not { } word) return double.PositiveInfinity;
            sum += p[i] / total * word.Length;
        }
        return sum;
    }

    /// <summary>Σ 2^(−ℓᵢ) over the codewords: exactly 1 for a Huffman code of two or more outcomes (Kraft's equality).</summary>
    public double KraftSum => Codewords.Where(c => c is not null).Sum(c => Math.Pow(2, -c!.Length));

    private sealed record Node(int Outcome, Node? Zero, Node? One);
}
