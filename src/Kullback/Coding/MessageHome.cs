using System.Collections.Immutable;

namespace Kullback.Coding;

/// <summary>What it cost, at one point of the stream: the bits spent so far per observation by each code.</summary>
/// <param name="Observations">How many observations were sent.</param>
/// <param name="Huffman">The Huffman code's bits per observation (whole bits per symbol).</param>
/// <param name="Arithmetic">The arithmetic code's bits per observation (the whole message's bits over its length).</param>
public readonly record struct CodingCheckpoint(int Observations, Information Huffman, Information Arithmetic);

/// <summary>
/// The tutorial's question made concrete: to send observations of P home with a code built from an approximation Q,
/// build a real prefix code (Huffman) and an arithmetic code from Q, encode a seeded stream drawn from P, and measure
/// the bits per observation beside H(P), the cross-entropy H(P, Q) = H(P) + D(P‖Q) and the redundancy — converging as
/// the stream grows. The arithmetic message is decoded again and checked.
/// </summary>
public sealed record MessageHome
{
    /// <summary>H(P): no code does better on average.</summary>
    public required Information Entropy { get; init; }

    /// <summary>H(P, Q): what a code made for Q costs under P, in the limit (+∞ when Q misses an outcome P produces).</summary>
    public required Information CrossEntropy { get; init; }

    /// <summary>D(P‖Q) = H(P, Q) − H(P): the price of the approximation.</summary>
    public Information Divergence => Information.FromNats(Math.Max(0, CrossEntropy.Nats - Entropy.Nats));

    /// <summary>The Huffman code built from Q.</summary>
    public required HuffmanCode Huffman { get; init; }

    /// <summary>Σ pᵢℓᵢ: the Huffman code's exact mean cost under P, in bits per observation.</summary>
    public required Information HuffmanExpected { get; init; }

    /// <summary>The measured costs at 10, 100, 1,000, … observations up to the stream's length.</summary>
    public required ImmutableArray<CodingCheckpoint> Checkpoints { get; init; }

    /// <summary>True when the arithmetic message decoded back to the observations sent.</summary>
    public required bool RoundTrip { get; init; }

    /// <summary>The outcomes P produces that Q gives probability 0: no code made from Q can send them (then nothing is sent).</summary>
    public required ImmutableArray<int> Unsendable { get; init; }

    /// <summary>Sends <paramref name="observations"/> draws of <paramref name="p"/> with codes made from <paramref name="q"/>.</summary>
    /// <param name="p">The true distribution (probabilities or weights).</param>
    /// <param name="q">The approximation the codes are built from.</param>
    /// <param name="observations">The stream's length, 1 … 10⁷.</param>
    /// <param name="seed">The seed of the stream, so that every run sends the same observations.</param>
    /// <exception cref="InvalidArgumentException">p or q invalid, of different lengths, or observations out of range.</exception>
    public static MessageHome Send(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int observations, int seed)
    {
        Numerics.Preconditions.CheckPair(p, q, nameof(p), nameof(q));
        if (observations < 1 || observations > 10_000_000)
            throw new InvalidArgumentException("The stream must have from 1 to 10,000,000 observations.", nameof(observations));
        var huffman = HuffmanCode.Build(q);
        var entropy = Information.FromNats(Measures.Entropy(p));
        var cross = Information.FromNats(Measures.CrossEntropy(p, q));
        var unsendable = ImmutableArray.CreateBuilder<int>();
        for (int i = 0; i < p.Length; i++) if (p[i] > 0 && q[i] == 0) unsendable.Add(i);
        var result = new MessageHome
        {
            Entropy = entropy, CrossEntropy = cross, Huffman = huffman,
            HuffmanExpected = Information.FromBits(huffman.ExpectedLength(p)),
            Checkpoints = [], RoundTrip = false, Unsendable = unsendable.ToImmutable(),
        };
        if (unsendable.Count > 0) return result;

        int[] stream = Draw(p, observations, seed);
        var coder = new ArithmeticCoder(q);
        var checkpoints = ImmutableArray.CreateBuilder<CodingCheckpoint>();
        long huffmanBits = 0;
        int sent = 0;
        for (int mark = Math.Min(10, observations); ; mark = Math.Min(mark * 10, observations))
        {
            for (; sent < mark; sent++) huffmanBits += huffman.Codewords[stream[sent]]!.Length;
            int arithmeticBits = coder.Encode(stream.Take(mark)).Count;
            checkpoints.Add(new CodingCheckpoint(mark, Information.FromBits((double)huffmanBits / mark), Information.FromBits((double)arithmeticBits / mark)));
            if (mark == observations) break;
        }
        var message = coder.Encode(stream);
        return result with { Checkpoints = checkpoints.ToImmutable(), RoundTrip = coder.Decode(message, stream.Length).AsSpan().SequenceEqual(stream) };
    }

    /// <summary>Seeded draws from p by inverting its cumulative distribution.</summary>
    private static int[] Draw(ReadOnlySpan<double> p, int count, int seed)
    {
        var cumulative = new double[p.Length];
        double sum = 0;
        for (int i = 0; i < p.Length; i++) cumulative[i] = sum += p[i];
        var random = new Random(seed);
        var draws = new int[count];
        for (int n = 0; n < count; n++)
        {
            double u = random.NextDouble() * sum;
            int i = Array.BinarySearch(cumulative, u);
            i = i >= 0 ? i + 1 : ~i;
            while (i < p.Length - 1 && p[i] == 0) i++;   // never land on an impossible outcome
            draws[n] = Math.Min(i, p.Length - 1);
        }
        return draws;
    }
}
